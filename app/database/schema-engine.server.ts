import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { withConnection } from "./connection.server.ts";

// Prisma's migration engine compiled to WebAssembly. The Prisma CLI downloads a
// native engine at run time, which fails offline; this package ships the engine
// inside npm, so migrations run anywhere npm install does. The migrations folder
// keeps Prisma's format, so `prisma migrate deploy` stays compatible.

const require = createRequire(import.meta.url);
export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

let wasmReady: Promise<void> | undefined;

// The engine reports a Rust panic through this global before it throws.
let lastPanicMessage: string | undefined;
(globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanicMessage = message;
  },
};

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package does not export its .wasm file, so find it beside the glue code.
    const glueDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const wasmPath = path.join(glueDir, "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
    });
    engineGlue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * The pg adapter's own shadow database is dropped while its pool is still
 * connected, which PostgreSQL refuses; this one closes the pool first. The
 * config is given field by field because a `connectionString` would win over
 * the shadow `database` name.
 */
class PrismaPgWithShadowDatabase extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig);
  }

  private readonly opened: { dispose: () => Promise<void> }[] = [];

  override async connect() {
    const adapter = fitForMigrations(await super.connect());
    this.opened.push(adapter);
    return adapter;
  }

  /** The engine does not close the pools it opened; this does, so databases can be dropped or copied after. */
  async closeAll() {
    await Promise.all(this.opened.splice(0).map((adapter) => adapter.dispose()));
  }

  override async connectToShadowDb() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.runOnMainDatabase(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    const adapter = fitForMigrations(await new PrismaPg({ ...this.poolConfig, database }).connect());
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await this.runOnMainDatabase(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    };
    return adapter;
  }

  private async runOnMainDatabase(sql: string) {
    await withConnection(this.poolConfig, (client) => client.query(sql));
  }
}

// Two gaps in the pg adapter when it serves the migration engine:
// - The engine reads PostgreSQL's catalogue, whose one-byte "char" columns
//   (oid 18) the adapter cannot map. They are passed through as text and then
//   declared as the driver-adapter "Character" type the engine expects.
// - The adapter runs a script by splitting it on every ";", which breaks
//   function bodies and comments; PostgreSQL runs a multi-statement script
//   itself, as one implicit transaction, when it is sent as one simple query.
const CHAR_OID = 18;
const TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
type QueryResultWithFields = { fields: { dataTypeID: number }[] };
type AdapterInternals = {
  performIO: (query: object) => Promise<QueryResultWithFields>;
  queryRaw: (query: object) => Promise<{ columnTypes: number[] }>;
  executeScript: (script: string) => Promise<void>;
  onError: (error: unknown) => never;
  underlyingDriver: () => pg.Pool;
};

function fitForMigrations<Adapter extends object>(adapter: Adapter): Adapter {
  const internals = adapter as unknown as AdapterInternals;
  const performIO = internals.performIO.bind(adapter);
  const queryRaw = internals.queryRaw.bind(adapter);
  const charColumnsByQuery = new WeakMap<object, number[]>();
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      charColumns.push(index);
    });
    charColumnsByQuery.set(query, charColumns);
    return result;
  };
  internals.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByQuery.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  internals.executeScript = async (script) => {
    try {
      await internals.underlyingDriver().query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

async function openSchemaEngine(databaseUrl: string) {
  await loadWasm();
  const url = new URL(databaseUrl);
  const adapter = new PrismaPgWithShadowDatabase({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  });
  const datamodel = fs.readFileSync(SCHEMA_PATH, "utf8");
  const log = () => {};
  const engine = (await engineGlue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapter),
  )) as SchemaEngine;
  return { engine, adapter };
}

export function readMigrations(): MigrationList {
  const names = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: lockPath,
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    // As the Prisma CLI does: `path` is the folder name, which the engine records
    // as the migration's name in _prisma_migrations.
    migrationDirectories: names.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `missing ${file}` },
        },
      };
    }),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

async function withEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  lastPanicMessage = undefined;
  const { engine, adapter } = await openSchemaEngine(databaseUrl);
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanicMessage) throw new Error(`The migration engine failed: ${lastPanicMessage}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await adapter.closeAll();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`. Idempotent. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(), filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from the migrations to what
 * schema.prisma describes: empty when the two agree. Uses a temporary shadow database.
 */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const datamodel = fs.readFileSync(SCHEMA_PATH, "utf8");
    const result = await engine.diff({
      from: { tag: "migrations", ...readMigrations() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: datamodel }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return normaliseDiff(result.stdout ?? "");
  });
}

// The engine says "-- This is an empty migration." when there is nothing to do.
function normaliseDiff(sql: string): string {
  const meaningful = sql
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return meaningful.length === 0 ? "" : sql.trim();
}
