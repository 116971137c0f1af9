// npm run packs:cleanup — deletes expired referral packs. The running app does
// the same every hour (scripts/start-server.ts); this is for cron or by hand.
import { openDatabase } from "#app/database/local-database.server.ts";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { deleteExpiredPacks } = await import("#app/modules/referrals/packs.server.ts");
  console.log(`Deleted ${await deleteExpiredPacks()} expired referral packs.`);
  const { prisma } = await import("#app/db.server.ts");
  await prisma.$disconnect();
} finally {
  await database.stop();
}
