// npm run packs:cleanup — deletes expired referral packs, ended rate-limit
// windows, forgotten sign-in failures and expired sessions. The running app does
// the same every hour (scripts/start-server.ts); this is for cron or by hand.
import { openDatabase } from "#app/database/local-database.server.ts";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
try {
  const { deleteExpiredPacks } = await import("#app/modules/referrals/packs.server.ts");
  console.log(`Deleted ${await deleteExpiredPacks()} expired referral packs.`);
  const { deleteExpiredSignInRecords } = await import("#app/modules/accounts/clean-up.server.ts");
  console.log(`Deleted ended sign-in records: ${JSON.stringify(await deleteExpiredSignInRecords())}.`);
  const { prisma } = await import("#app/db.server.ts");
  await prisma.$disconnect();
} finally {
  await database.stop();
}
