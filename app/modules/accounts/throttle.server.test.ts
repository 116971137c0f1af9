import { expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { claimAttempt, releaseAttempt, type ThrottlePolicy } from "./throttle.server.ts";

const POLICY: ThrottlePolicy = { memoryMs: 24 * 60 * 60_000, lock: { afterFailures: 2, firstMs: 60_000, maxMs: 60 * 60_000 } };

test("a key that has failed for months still gets a lock of at most the cap", async () => {
  const now = new Date("2026-11-28T12:00:00Z");
  await prisma.failureThrottle.create({
    data: { scope: "test", key: "persistent", failures: 5000, lastFailureAt: now, forgetAt: new Date(now.getTime() + 60_000) },
  });
  expect(await claimAttempt("test", "persistent", POLICY, now)).toEqual({ allowed: true, failures: 5001, lockedByThisClaim: true });
  expect(await claimAttempt("test", "persistent", POLICY, now)).toEqual({ allowed: false, retryAfterSeconds: 3600, firstRefusal: true });
});

test("a right answer gives its claim back and lifts the lock it started", async () => {
  const now = new Date("2026-11-28T12:00:00Z");
  expect((await claimAttempt("test", "k", POLICY, now)).allowed).toBe(true);
  const second = await claimAttempt("test", "k", POLICY, now);
  if (!second.allowed) throw new Error("refused");
  expect(second.lockedByThisClaim).toBe(true);
  await releaseAttempt("test", "k", POLICY, second);
  expect(await prisma.failureThrottle.findUniqueOrThrow({ where: { scope_key: { scope: "test", key: "k" } } })).toMatchObject({ failures: 1, lockedUntil: null });
  // Forgotten after the memory: counting starts again at one.
  const later = new Date(now.getTime() + POLICY.memoryMs);
  expect(await claimAttempt("test", "k", POLICY, later)).toEqual({ allowed: true, failures: 1, lockedByThisClaim: false });
});
