import { startEmbeddedPostgres } from "#app/database/embedded-postgres.server.ts";

// The PostgreSQL server the tests use: DATABASE_URL's server when it is set
// (its database name is ignored: tests make their own databases), otherwise
// an embedded server kept apart from the development data.

export const TEMPLATE_DATABASE = "signpost_test_template";

export type TestDatabaseServer = {
  /** Connection string for `database` on this server. */
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    return { urlFor: (database) => withDatabase(configured, database), stop: async () => {} };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: process.env.TEST_POSTGRES_DIR ?? ".data/test-postgres",
    port: Number(process.env.TEST_POSTGRES_PORT ?? 54339),
    database: "postgres",
  });
  return { urlFor: (database) => withDatabase(embedded.adminUrl, database), stop: embedded.stop };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
