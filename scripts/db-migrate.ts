// npm run db:migrate — applies every pending migration to DATABASE_URL (or to
// the embedded server). Safe to run again: applied migrations are skipped.
import { openDatabase } from "#app/database/local-database.server.ts";
import { applyMigrations } from "#app/database/schema-engine.server.ts";

const database = await openDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await database.stop();
}
