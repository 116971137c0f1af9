// npm run db:restore -- <file>
// Replaces everything in DATABASE_URL (or the embedded server) with a backup
// made by npm run db:backup, in one transaction. Stop the app first.
import { parseArgs } from "node:util";
import { openDatabase } from "#app/database/local-database.server.ts";
import { BackupError, restoreDatabase } from "#app/database/backup.server.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("Name the backup to restore: npm run db:restore -- backups/signpost-20261128T120000Z.dump");
  process.exit(1);
}
const database = await openDatabase();
try {
  await restoreDatabase(database.url, file);
  console.log(`Restored ${file}.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
