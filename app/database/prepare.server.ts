import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { parseEnv } from "#app/env.server.ts";
import { openDatabase, type Database } from "./local-database.server.ts";
import { applyMigrations } from "./schema-engine.server.ts";

export type PreparedDatabase = Database & { seeded: boolean };

/**
 * Makes the database ready before the app serves a request: the configured or
 * embedded server, every migration applied, and the demo data loaded into a
 * brand-new embedded database (or when SEED_DEMO_DATA=true). Sets DATABASE_URL
 * for the rest of the process.
 */
export async function prepareDatabase(log: (message: string) => void): Promise<PreparedDatabase> {
  const env = parseEnv();
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  if (!env.DATABASE_URL && !env.SECRET_KEY) process.env.SECRET_KEY = embeddedSecretKey(env.EMBEDDED_POSTGRES_DIR);
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  const wantsSeed = database.isNew || process.env.SEED_DEMO_DATA === "true";
  if (wantsSeed) {
    // Imported late: it needs DATABASE_URL, set just above.
    const { seedDemoData } = await import("./seed.server.ts");
    const count = await seedDemoData();
    log(`Loaded ${count} demo services.`);
  }
  return { ...database, seeded: wantsSeed };
}

// The embedded database's own secret key, made once and kept beside its data,
// so that a local run needs no configuration and keeps its encrypted data readable.
function embeddedSecretKey(dataDir: string): string {
  const file = `${dataDir.replace(/\/$/, "")}.secret-key`;
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}
