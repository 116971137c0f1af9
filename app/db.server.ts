import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "#app/generated/prisma/client.ts";

// The one database client. DATABASE_URL is set by the server before the app
// loads (either the configured server or the embedded one), and by the test setup.

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start Signpost with `npm start` or `npm run dev`.");
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: url,
      max: 10,
      // An unreachable database must not hold a visitor for long: fail fast,
      // and let the server answer with its calm "back soon" page instead.
      connectionTimeoutMillis: 1500,
      query_timeout: 1800,
      // Typo correction in search: at pg_trgm's default (0.3) "zebra" finds
      // unrelated words; 0.4 still turns "chidline" into "childline".
      options: "-c pg_trgm.similarity_threshold=0.4",
    }),
    // Prisma's default of 5 s for a whole transaction fails saves on a busy
    // machine; each statement inside is still bounded by the query timeout.
    transactionOptions: { maxWait: 10_000, timeout: 30_000 },
  });
}

// Kept on globalThis so that the dev server's module reloads reuse one pool.
const globalForPrisma = globalThis as unknown as { signpostPrisma?: PrismaClient };
export const prisma: PrismaClient = (globalForPrisma.signpostPrisma ??= createClient());
