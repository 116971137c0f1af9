import { randomBytes } from "node:crypto";
import { parseEnv } from "#app/env.server.ts";
import { appRoleWeaknesses } from "./app-role.server.ts";
import { keptBesideData, migrateDatabase, openDatabase, type Database } from "./local-database.server.ts";

export type PreparedDatabase = Database & { seeded: boolean };

/**
 * Makes the database ready before the app serves a request: the configured or
 * embedded server, every migration applied (as the tables' owner) and the app's
 * role granted what it needs, and the demo data loaded into a brand-new embedded
 * database (or when SEED_DEMO_DATA=true). Sets DATABASE_URL, the app's own
 * role, for the rest of the process.
 */
export async function prepareDatabase(log: (message: string) => void, warn: (message: string) => void = log): Promise<PreparedDatabase> {
  const env = parseEnv();
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  // The embedded database's own secret key, so that encrypted data stays readable from run to run.
  if (!env.DATABASE_URL && !env.SECRET_KEY) {
    process.env.SECRET_KEY = keptBesideData(env.EMBEDDED_POSTGRES_DIR, "secret-key", () => randomBytes(32).toString("base64"));
  }
  // The embedded default (`npm run demo`) is this machine's: its address is derived, not required.
  if (!env.DATABASE_URL && !process.env.PUBLIC_URL) process.env.PUBLIC_URL = env.PUBLIC_URL;
  const applied = await migrateDatabase(database);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  const weaknesses = await appRoleWeaknesses(database.url);
  if (weaknesses.length > 0) {
    warn(
      `DATABASE_URL's role ${weaknesses.join(" and ")}, so it could rewrite the audit log: connect as a role of its own ` +
        `and give the owner's connection as DATABASE_MIGRATION_URL (docs/deploy.md).`,
    );
  }
  const wantsSeed = database.isNew || process.env.SEED_DEMO_DATA === "true";
  if (wantsSeed) {
    // Imported late: it needs DATABASE_URL, set just above.
    const { seedDemoData } = await import("./seed.server.ts");
    const count = await seedDemoData();
    log(`Loaded ${count} demo services.`);
  }
  return { ...database, seeded: wantsSeed };
}
