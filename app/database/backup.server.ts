import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { withConnection } from "./connection.server.ts";

// Backups with PostgreSQL's own tools: pg_dump in its custom format, and
// pg_restore. Both must be at least as new as the server (an older pg_dump
// refuses a newer server), so the tools are looked for by version: on PATH,
// in Debian's /usr/lib/postgresql/<major>/bin, in Homebrew's folders, or in
// PG_BIN_DIR. The embedded server is PostgreSQL 15, the version Debian 12's
// postgresql-client package installs.

const run = promisify(execFile);

export class BackupError extends Error {}

type Tool = { path: string; major: number };

function candidateFolders(): string[] {
  const globbed = (parent: string, pattern: RegExp, suffix: string) =>
    fs.existsSync(parent)
      ? fs
          .readdirSync(parent)
          .filter((name) => pattern.test(name))
          .map((name) => path.join(parent, name, suffix))
      : [];
  return [
    ...(process.env.PG_BIN_DIR ? [process.env.PG_BIN_DIR] : []),
    ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean),
    ...globbed("/usr/lib/postgresql", /^\d+$/, "bin"),
    ...globbed("/opt/homebrew/opt", /^postgresql(@\d+)?$/, "bin"),
    ...globbed("/usr/local/opt", /^postgresql(@\d+)?$/, "bin"),
  ];
}

/** Every copy of `name` (pg_dump, pg_restore) found, with its major version. */
export async function findTools(name: "pg_dump" | "pg_restore"): Promise<Tool[]> {
  const found = new Map<string, Tool>();
  for (const folder of candidateFolders()) {
    const candidate = path.join(folder, name);
    if (!fs.existsSync(candidate)) continue;
    // /bin and /usr/bin are often one folder: one entry per real folder.
    const file = path.join(fs.realpathSync(folder), name);
    if (found.has(file)) continue;
    try {
      const { stdout } = await run(file, ["--version"]);
      const major = Number(/\b(\d+)(?:\.\d+)?/.exec(stdout.replace(/^[^)]*\)/, ""))?.[1]);
      if (Number.isInteger(major)) found.set(file, { path: file, major });
    } catch {
      // not runnable: skip it
    }
  }
  return [...found.values()];
}

/** The oldest copy of the tool that is at least `minimumMajor`, or a clear error. */
export async function chooseTool(name: "pg_dump" | "pg_restore", minimumMajor: number): Promise<Tool> {
  const tools = await findTools(name);
  const suitable = tools.filter((tool) => tool.major >= minimumMajor).sort((a, b) => a.major - b.major);
  if (suitable[0]) return suitable[0];
  const seen = tools.length > 0 ? ` Found only: ${tools.map((tool) => `${tool.path} (${tool.major})`).join(", ")}.` : ` None was found.`;
  throw new BackupError(
    `${name} ${minimumMajor} or newer is needed for this PostgreSQL ${minimumMajor} server.${seen} ` +
      `Install PostgreSQL ${minimumMajor}'s client tools (Debian/Ubuntu: apt-get install postgresql-client-${minimumMajor}, ` +
      `or postgresql-client on Debian 12 for version 15), or set PG_BIN_DIR to their folder.`,
  );
}

async function serverMajor(url: string): Promise<number> {
  return withConnection(url, async (client) => {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    return Math.floor(Number(rows[0]!.version) / 10_000);
  });
}

/** Connection settings as libpq environment variables, so the password never shows in a process list. */
function libpqEnvironment(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
    ...(parsed.searchParams.get("sslmode") ? { PGSSLMODE: parsed.searchParams.get("sslmode")! } : {}),
  };
}

/** Writes signpost-<UTC date and time>.dump (pg_dump's custom format) in `folder`; returns its path. */
export async function backupDatabase(url: string, folder: string, now = new Date()): Promise<string> {
  const tool = await chooseTool("pg_dump", await serverMajor(url));
  fs.mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "Z");
  const file = path.join(folder, `signpost-${stamp}.dump`);
  // Written under a temporary name, so a failed backup never looks like a good one.
  const partial = `${file}.partial`;
  try {
    await run(tool.path, ["--format=custom", "--no-owner", "--no-acl", `--file=${partial}`], { env: libpqEnvironment(url) });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`pg_dump failed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
  return file;
}

/**
 * Replaces the database's contents with the backup's, in one transaction: on
 * any error nothing changes.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const header = Buffer.alloc(5);
  const handle = fs.openSync(file, "r");
  try {
    fs.readSync(handle, header, 0, 5, 0);
  } finally {
    fs.closeSync(handle);
  }
  if (header.toString("latin1") !== "PGDMP") throw new BackupError(`${file} is not a pg_dump custom-format backup (made by npm run db:backup).`);
  const tool = await chooseTool("pg_restore", await serverMajor(url));
  try {
    await run(tool.path, ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error", `--dbname=${libpqEnvironment(url).PGDATABASE}`, file], {
      env: libpqEnvironment(url),
    });
  } catch (error) {
    throw new BackupError(`pg_restore failed, nothing was changed: ${(error as { stderr?: string }).stderr?.trim() || (error as Error).message}`);
  }
}
