import { prisma } from "#app/db.server.ts";
import { deleteEndedWindows } from "./rate-limit.server.ts";
import { deleteForgottenFailures } from "./throttle.server.ts";

// What anonymous traffic and staff sign-ins leave behind, deleted once it is of
// no use: the running app does it hourly (scripts/start-server.ts), and
// `npm run packs:cleanup` by hand.

export async function deleteExpiredSignInRecords(now = new Date()) {
  const rateLimitWindows = await deleteEndedWindows(now);
  const failureThrottles = await deleteForgottenFailures(now);
  const { count: sessions } = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return { rateLimitWindows, failureThrottles, sessions };
}
