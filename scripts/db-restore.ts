// npm run db:restore -- <file>
// Replaces everything in the database (as DATABASE_MIGRATION_URL's role, the owner;
// or on the embedded server) with a backup made by npm run db:backup, in one
// transaction, then grants the app's role its rights again. Stop the app first.
import { parseArgs } from "node:util";
import { grantAppRoleIfSeparate, openDatabase } from "#app/database/local-database.server.ts";
import { BackupError, restoreDatabase } from "#app/database/backup.server.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error("Name the backup to restore: npm run db:restore -- backups/signpost-20261128T120000Z.dump");
  process.exit(1);
}
const database = await openDatabase();
try {
  await restoreDatabase(database.migrationUrl, file);
  // The backup holds no grants (--no-acl): the app's role gets its own again.
  await grantAppRoleIfSeparate(database);
  console.log(`Restored ${file}.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await database.stop();
}
