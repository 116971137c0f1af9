// npm run db:migration:new -- <name> [--empty]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// brings the migrations up to schema.prisma, or an empty file for hand-written
// SQL (full-text, trigram and geo indexes, triggers, reference rows).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "#app/database/local-database.server.ts";
import { MIGRATIONS_DIR, diffMigrationsToSchema } from "#app/database/schema-engine.server.ts";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { empty: { type: "boolean" } } });
const name = z
  .string({ error: "Give the migration a name: npm run db:migration:new -- add_verification" })
  .regex(/^[a-z0-9_]+$/, "Use lower-case letters, digits and underscores in the name")
  .parse(positionals[0]);

const database = await openDatabase();
try {
  const sql = values.empty ? "-- Hand-written migration.\n" : await diffMigrationsToSchema(database.migrationUrl);
  if (!sql) {
    console.log("schema.prisma and the migrations already agree: nothing to write (use --empty for hand-written SQL).");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);
  }
} finally {
  await database.stop();
}
