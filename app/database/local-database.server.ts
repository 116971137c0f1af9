import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { parseEnv } from "#app/env.server.ts";
import { EMBEDDED_APP_ROLE, ensureAppRole, grantAppRole, roleOf, signingInAs } from "./app-role.server.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.server.ts";
import { applyMigrations } from "./schema-engine.server.ts";

export type Database = {
  /** The app's connection: its own role, which reads and writes rows and nothing more. */
  url: string;
  /** The tables' owner's connection: migrations, grants, backups and restores. */
  migrationUrl: string;
  /** True when an embedded server was just created, so it is empty. */
  isNew: boolean;
  stop: () => Promise<void>;
};

/**
 * The database the app and the scripts use: DATABASE_URL (and
 * DATABASE_MIGRATION_URL) when set, otherwise an embedded PostgreSQL server
 * started for this process and stopped with it, whose superuser owns the
 * tables and whose app role is made here, with a password kept beside its data.
 */
export async function openDatabase(log: (message: string) => void = () => {}): Promise<Database> {
  const env = parseEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL, isNew: false, stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "signpost",
    log,
  });
  try {
    const password = keptBesideData(env.EMBEDDED_POSTGRES_DIR, "app-password", () => randomBytes(32).toString("base64url"));
    await ensureAppRole(embedded.adminUrl, EMBEDDED_APP_ROLE, password);
    return { url: signingInAs(embedded.url, EMBEDDED_APP_ROLE, password), migrationUrl: embedded.url, isNew: embedded.created, stop: embedded.stop };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * Applies every pending migration as the tables' owner, then grants the app's
 * role what it needs (also what a restore took away). Returns the migrations applied.
 */
export async function migrateDatabase(database: Pick<Database, "url" | "migrationUrl">): Promise<string[]> {
  const applied = await applyMigrations(database.migrationUrl);
  await grantAppRoleIfSeparate(database);
  return applied;
}

/** With one role for everything (DATABASE_MIGRATION_URL unset), there is nobody to grant to. */
export async function grantAppRoleIfSeparate(database: Pick<Database, "url" | "migrationUrl">): Promise<void> {
  if (roleOf(database.url) !== roleOf(database.migrationUrl)) await grantAppRole(database.migrationUrl, roleOf(database.url));
}

/**
 * A secret the embedded database needs, made once and kept beside its data
 * (`.data/postgres.<name>`), so that a local run needs no configuration.
 */
export function keptBesideData(dataDir: string, name: string, make: () => string): string {
  const file = `${dataDir.replace(/\/$/, "")}.${name}`;
  if (!fs.existsSync(file)) fs.writeFileSync(file, make(), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
