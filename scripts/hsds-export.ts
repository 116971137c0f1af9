// npm run hsds:export -- <folder>
// Writes the published directory as HSDS 3: services.json, services.ndjson and
// a tabular data package (tabular/*.csv with datapackage.json).
import { parseArgs } from "node:util";
import { openDatabase } from "#app/database/local-database.server.ts";

const { positionals } = parseArgs({ allowPositionals: true });
const folder = positionals[0];
if (!folder) {
  console.error("Name a folder to write to: npm run hsds:export -- export/");
  process.exit(1);
}
const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { exportDirectory } = await import("#app/modules/hsds/export.server.ts");
  const summary = await exportDirectory(folder);
  console.log(`Exported ${summary.services} published services to ${folder}: ${summary.files.join(", ")}`);
} finally {
  const { prisma } = await import("#app/db.server.ts");
  await prisma.$disconnect();
  await database.stop();
}
