// npm run db:seed — loads the demo directory into DATABASE_URL (or the
// embedded server). Safe to run again: listings are matched by slug.
import { migrateDatabase, openDatabase } from "#app/database/local-database.server.ts";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  await migrateDatabase(database);
  const { seedDemoData } = await import("#app/database/seed.server.ts");
  console.log(`Loaded ${await seedDemoData()} demo services.`);
  const { prisma } = await import("#app/db.server.ts");
  await prisma.$disconnect();
} finally {
  await database.stop();
}
