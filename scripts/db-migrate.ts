// npm run db:migrate — applies every pending migration (as DATABASE_MIGRATION_URL's
// role, the tables' owner) and grants DATABASE_URL's role what the app needs; or
// the same on the embedded server. Safe to run again: applied migrations are skipped.
import { migrateDatabase, openDatabase } from "#app/database/local-database.server.ts";

const database = await openDatabase();
try {
  const applied = await migrateDatabase(database);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await database.stop();
}
