import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "#app/generated/prisma/client.ts";
import { logger } from "#app/logger.server.ts";

// The one database client. DATABASE_URL is set by the server before the app
// loads (either the configured server or the embedded one), and by the test setup.

// PostgreSQL ends every connection when it restarts, fails over or crashes
// (57P01 "terminating connection due to administrator command"), and a pg
// connection that emits 'error' with nobody listening ends the Node process.
// So every connection the pool makes is listened to for its whole life, checked
// out or idle; the pool drops the broken ones and connects afresh when asked.
const noteLostConnection = (error: Error & { code?: string }) => {
  logger.warn({ code: error.code, reason: error.message }, "database connection lost");
};

class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on("error", noteLostConnection);
  }
}

function createPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Signpost with `npm start` or `npm run dev`.");
  const pool = new pg.Pool({
    connectionString: url,
    Client: ListenedClient,
    max: 10,
    // An unreachable database must not hold a visitor for long: fail fast,
    // and let the server answer with its calm "back soon" page instead.
    connectionTimeoutMillis: 1500,
    query_timeout: 1800,
    // Typo correction in search: at pg_trgm's default (0.3) "zebra" finds
    // unrelated words; 0.4 still turns "chidline" into "childline".
    options: "-c pg_trgm.similarity_threshold=0.4",
  });
  pool.on("error", () => {}); // an idle connection ended: already noted by its own listener
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Prisma's default of 5 s for a whole transaction fails saves on a busy
    // machine; each statement inside is still bounded by the query timeout.
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

// Kept on globalThis so that the dev server's module reloads reuse one pool.
const globalForPrisma = globalThis as unknown as { signpostPool?: pg.Pool; signpostPrisma?: PrismaClient };
const pool = (globalForPrisma.signpostPool ??= createPool());
export const prisma: PrismaClient = (globalForPrisma.signpostPrisma ??= createClient(pool));

/**
 * The pool's connections: all of them, those idle in the pool, and requests
 * waiting for one. Once requests have finished, total − idle is a leak.
 */
export function databasePoolCounts(): { total: number; idle: number; waiting: number } {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
