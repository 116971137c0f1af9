import { parseEnv } from "#app/env.server.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.server.ts";

export type Database = {
  url: string;
  /** True when an embedded server was just created, so it is empty. */
  isNew: boolean;
  stop: () => Promise<void>;
};

/**
 * The database the app and the scripts use: DATABASE_URL when set, otherwise an
 * embedded PostgreSQL server started for this process and stopped with it.
 */
export async function openDatabase(log: (message: string) => void = () => {}): Promise<Database> {
  const env = parseEnv();
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, isNew: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_POSTGRES_DIR,
    port: env.EMBEDDED_POSTGRES_PORT,
    database: "signpost",
    log,
  });
  return { url: embedded.url, isNew: embedded.created, stop: embedded.stop };
}
