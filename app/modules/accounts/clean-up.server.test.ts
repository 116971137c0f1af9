import { expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import { signIn } from "./authentication.server.ts";
import { deleteExpiredSignInRecords } from "./clean-up.server.ts";
import { hitRateLimit } from "./rate-limit.server.ts";
import { createSession } from "./sessions.server.ts";

const DAY = 24 * 60 * 60_000;

test("14.8 purge: expired rate-limit windows, forgotten failures and expired sessions are deleted; current ones stay", async () => {
  const user = await createStaffUser({ roles: ["caseworker"] });
  const now = new Date("2026-11-28T12:00:00Z");
  const longAgo = new Date(now.getTime() - 31 * DAY);
  const client = { address: "198.51.100.8", userAgent: null };

  await hitRateLimit("test", "old", { limit: 5, windowMs: 60_000 }, longAgo);
  await hitRateLimit("test", "current", { limit: 5, windowMs: 60 * 60_000 }, now);
  await signIn(user.email, "an old wrong password", client, longAgo);
  await signIn("someone@example.org", "a recent wrong password", client, now);
  const expired = await createSession(user.id, { twoFactorVerified: false, now: longAgo });
  const current = await createSession(user.id, { twoFactorVerified: false, now });

  await deleteExpiredSignInRecords(now);

  expect((await prisma.rateLimitWindow.findMany()).map((row) => row.key)).toEqual(["current"]);
  expect(await prisma.failureThrottle.count({ where: { lastFailureAt: { lt: now } } })).toBe(0);
  expect(await prisma.failureThrottle.count()).toBeGreaterThan(0);
  expect(await prisma.session.findUnique({ where: { id: expired.session.id } })).toBeNull();
  expect(await prisma.session.findUnique({ where: { id: current.session.id } })).not.toBeNull();
});
