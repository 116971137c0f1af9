import pg from "pg";
import { startEmbeddedPostgres, connectionUrl } from "#app/database/embedded-postgres.server.ts";
import { applyMigrations } from "#app/database/schema-engine.server.ts";
import { generateSyntheticDirectory } from "./synthetic-directory.ts";
import { withConnection } from "#app/database/connection.server.ts";

// The synthetic directories live on their own embedded server, one database
// per size (synthetic_100000…), apart from the demo and test databases.

export const SYNTHETIC_POSTGRES_DIR = ".data/synthetic-postgres";
export const SYNTHETIC_POSTGRES_PORT = 54360;

/**
 * Settings for a server with a few GB of memory to spare, as docs/scaling.md
 * recommends for a large directory: the whole index set stays in memory, and
 * JIT (which costs more than it saves on queries that take milliseconds) is off.
 */
export const TUNED_SETTINGS = {
  shared_buffers: "2GB",
  effective_cache_size: "8GB",
  work_mem: "16MB",
  maintenance_work_mem: "1GB",
  max_wal_size: "8GB",
  random_page_cost: "1.1",
  jit: "off",
  // Many short queries at once: a query's parallel workers would take the
  // cores the other queries need.
  max_parallel_workers_per_gather: "0",
  max_connections: "200",
};

export type SyntheticDatabase = { url: string; services: number; created: boolean; stop: () => Promise<void> };

/** The synthetic directory of `services` services, generated unless it already exists (or `fresh`). */
export async function openSyntheticDatabase(
  services: number,
  options: { fresh?: boolean; log?: (message: string) => void } = {},
): Promise<SyntheticDatabase> {
  const log = options.log ?? (() => {});
  const name = `synthetic_${services}`;
  const server = await startEmbeddedPostgres({
    dataDir: SYNTHETIC_POSTGRES_DIR,
    port: SYNTHETIC_POSTGRES_PORT,
    database: "postgres",
    settings: TUNED_SETTINGS,
  });
  const url = connectionUrl(SYNTHETIC_POSTGRES_PORT, name);
  try {
    let ready = false;
    await withConnection(server.adminUrl, async (admin) => {
      const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
      if (exists && !options.fresh) ready = await isComplete(url, services);
      if (!ready) {
        await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      }
    });
    if (!ready) {
      await applyMigrations(url);
      const started = performance.now();
      const counts = await generateSyntheticDirectory(url, { services, log });
      const seconds = (performance.now() - started) / 1000;
      const rows = Object.values(counts).reduce((sum, count) => sum + count, 0);
      log(`Generated ${services.toLocaleString("en")} services (${rows.toLocaleString("en")} rows) in ${seconds.toFixed(1)} s`);
      await markComplete(url, services);
    }
    return { url, services, created: !ready, stop: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// A database whose generation was interrupted is made again, not measured.
async function isComplete(url: string, services: number): Promise<boolean> {
  return withConnection(url, async (client) => {
    const result = await client.query<{ description: string | null }>("SELECT shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname = current_database()");
    return result.rows[0]?.description === `complete:${services}`;
  });
}

async function markComplete(url: string, services: number) {
  await withConnection(url, async (client) => {
    const name = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    await client.query(`COMMENT ON DATABASE ${pg.escapeIdentifier(name)} IS ${pg.escapeLiteral(`complete:${services}`)}`);
  });
}
