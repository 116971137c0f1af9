import { Prisma } from "#app/generated/prisma/client.ts";
import { prisma } from "#app/db.server.ts";

// Failure throttles (docs/decisions/0004-sign-in-throttling.md): failures
// counted per key in PostgreSQL, so every app instance sees the same count,
// with a lock that doubles with each failure past the free ones. An attempt
// claims its failure before it is judged, in one statement that also checks
// the lock, so parallel guesses cannot all slip through; a right answer gives
// the claim back. Keys are keyed hashes (throttleKey), never typed text.

export type ThrottlePolicy = {
  /** Failures are forgotten this long after the last one. */
  memoryMs: number;
  /** Without a lock the count only informs (the account ceiling). */
  lock?: { afterFailures: number; firstMs: number; maxMs: number };
};

export type Claim =
  | { allowed: true; failures: number; lockedByThisClaim: boolean }
  | { allowed: false; retryAfterSeconds: number; firstRefusal: boolean };

// Far past any cap, and far below where 2^n overflows after months of guessing.
const MAX_DOUBLINGS = 30;

/** The lock that starts with the given failure: none for the free ones, then 1×, 2×, 4×… the first, up to the cap. */
function lockAfter(failures: number, policy: ThrottlePolicy): number {
  const lock = policy.lock;
  if (!lock || failures < lock.afterFailures) return 0;
  return Math.min(lock.firstMs * 2 ** Math.min(failures - lock.afterFailures, MAX_DOUBLINGS), lock.maxMs);
}

/** Counts one more failure unless the key is locked; a locked key is refused without counting. */
export async function claimAttempt(scope: string, key: string, policy: ThrottlePolicy, now = new Date()): Promise<Claim> {
  const forgetAt = new Date(now.getTime() + policy.memoryMs);
  const firstLock = lockAfter(1, policy);
  const failures = Prisma.sql`(CASE WHEN t.forget_at <= ${now} THEN 1 ELSE t.failures + 1 END)`;
  const lockedUntil = policy.lock
    ? Prisma.sql`CASE WHEN ${failures} >= ${policy.lock.afterFailures}
        THEN ${now}::timestamptz + LEAST(${policy.lock.firstMs}::float8 * power(2, LEAST(${failures} - ${policy.lock.afterFailures}, ${MAX_DOUBLINGS})), ${policy.lock.maxMs}::float8) * interval '1 millisecond'
        END`
    : Prisma.sql`NULL::timestamptz`;
  const [claimed] = await prisma.$queryRaw<{ failures: number; locked_until: Date | null }[]>`
    INSERT INTO failure_throttle AS t (scope, key, failures, last_failure_at, locked_until, refusals, forget_at)
    VALUES (${scope}, ${key}, 1, ${now}, ${firstLock > 0 ? new Date(now.getTime() + firstLock) : null}::timestamptz, 0, ${forgetAt})
    ON CONFLICT (scope, key) DO UPDATE
      SET failures = ${failures}, locked_until = ${lockedUntil}, last_failure_at = ${now}, refusals = 0, forget_at = ${forgetAt}
      WHERE t.locked_until IS NULL OR t.locked_until <= ${now}
    RETURNING failures, locked_until`;
  if (claimed) return { allowed: true, failures: claimed.failures, lockedByThisClaim: claimed.locked_until !== null };

  // Locked: count the refusal, so that only the first of a lock is audited.
  const [refused] = await prisma.$queryRaw<{ refusals: number; locked_until: Date | null }[]>`
    UPDATE failure_throttle SET refusals = refusals + 1 WHERE scope = ${scope} AND key = ${key}
    RETURNING refusals, locked_until`;
  const until = refused?.locked_until?.getTime() ?? now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)), firstRefusal: refused?.refusals === 1 };
}

/** The attempt was right after all: it is not a failure, and a lock it started is lifted. */
export async function releaseAttempt(scope: string, key: string, policy: ThrottlePolicy, claim: Claim & { allowed: true }) {
  // A lock started by a later claim stays, unless the failures left are all free ones;
  // no claim can have been counted after a lock this one started.
  const lockedUntil = policy.lock
    ? Prisma.sql`CASE WHEN ${claim.lockedByThisClaim} OR failures - 1 < ${policy.lock.afterFailures} THEN NULL ELSE locked_until END`
    : Prisma.sql`NULL`;
  await prisma.$executeRaw`
    UPDATE failure_throttle SET failures = GREATEST(failures - 1, 0), locked_until = ${lockedUntil}
    WHERE scope = ${scope} AND key = ${key}`;
}

/** The person proved who they are: their failures here no longer count. */
export async function forgetFailures(scope: string, key: string) {
  await prisma.failureThrottle.deleteMany({ where: { scope, key } });
}

/** Failures past their memory (and so past any lock) are deleted on a schedule. */
export async function deleteForgottenFailures(now = new Date()): Promise<number> {
  const result = await prisma.failureThrottle.deleteMany({ where: { forgetAt: { lte: now } } });
  return result.count;
}
