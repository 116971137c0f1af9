// npm run db:backup [-- --out backups]
// Writes backups/signpost-<UTC time>.dump with pg_dump (custom format) from
// DATABASE_MIGRATION_URL (the owner; else DATABASE_URL), or from the embedded
// server when DATABASE_URL is unset.
import { parseArgs } from "node:util";
import { openDatabase } from "#app/database/local-database.server.ts";
import { BackupError, backupDatabase } from "#app/database/backup.server.ts";

const { values } = parseArgs({ options: { out: { type: "string", default: "backups" } } });
const database = await openDatabase();
try {
  const file = await backupDatabase(database.migrationUrl, values.out);
  console.log(`Backup written: ${file}`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
