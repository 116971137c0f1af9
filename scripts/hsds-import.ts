// npm run hsds:import -- <file or folder> --as <moderator email> [--country GB] [--language en] [--source name] [--dry-run]
// Imports HSDS services (HSDS 3 JSON or NDJSON, an HSDS 3 tabular data package,
// or HSDS 1.1 CSVs) as drafts waiting for review: nothing is published. Prints
// created / updated / unchanged / rejected, and why each rejected record was.
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateDatabase, openDatabase } from "#app/database/local-database.server.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { as: { type: "string" }, country: { type: "string" }, language: { type: "string" }, source: { type: "string" }, "dry-run": { type: "boolean", default: false } },
});
const Arguments = z.object({
  target: z.string({ error: "Name a file or folder: npm run hsds:import -- services.json --as moderator@example.org" }),
  as: z.email({ error: "--as takes the email of a moderator or admin, who is recorded as the author of the drafts" }),
  country: z.string().regex(/^[A-Z]{2}$/, "--country takes a two-letter code such as GB").optional(),
  language: z.string().regex(/^[a-z]{2,3}$/, "--language takes a code such as en").optional(),
});
const parsed = Arguments.safeParse({ target: positionals[0], as: values.as, country: values.country?.toUpperCase(), language: values.language });
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(1);
}

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
// Loaded once DATABASE_URL is known: they open the database.
const { readPath, SourceError } = await import("#app/modules/hsds/sources.server.ts");
const { importSource, previewImport } = await import("#app/modules/hsds/import.server.ts");
const { importAuthor } = await import("#app/modules/hsds/importer.server.ts");
const { prisma } = await import("#app/db.server.ts");
try {
  await migrateDatabase(database);
  const author = await importAuthor(parsed.data.as);
  if (!author) throw new SourceError(`${parsed.data.as} is not an active moderator or admin.`);
  const source = readPath(parsed.data.target);
  const options = { source: values.source ?? path.basename(path.resolve(parsed.data.target)), author, country: parsed.data.country, language: parsed.data.language };
  const report = values["dry-run"] ? await previewImport(source, options) : await importSource(source, options);
  console.log(`${source.format}: ${source.records.length} records from ${options.source}${values["dry-run"] ? " (dry run: nothing written)" : ""}`);
  console.log(`created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}`);
  for (const rejection of report.rejected) console.log(`  rejected ${rejection.originalId}${rejection.name ? ` (${rejection.name})` : ""}: ${rejection.reason}`);
  if (!values["dry-run"] && report.created + report.updated > 0) console.log("The drafts wait for review in /moderation.");
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
