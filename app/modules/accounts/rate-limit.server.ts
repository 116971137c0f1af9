import { prisma } from "#app/db.server.ts";
import { hashClientAddress } from "./encryption.server.ts";

// Fixed-window counters in PostgreSQL, so that every app instance sees the
// same count: a limit reached through one instance holds on all of them.

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

function windowOf(rule: RateLimit, now: Date) {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return {
    windowStart: new Date(start),
    windowEnd: new Date(start + rule.windowMs),
    retryAfterSeconds: Math.ceil((start + rule.windowMs - now.getTime()) / 1000),
  };
}

/** Counts one more hit, then says whether it is within the limit. */
export async function hitRateLimit(scope: string, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const { windowStart, windowEnd, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_window (scope, key, window_start, hits, expires_at) VALUES (${scope}, ${key}, ${windowStart}, 1, ${windowEnd})
    ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
    RETURNING hits`;
  const hits = row?.hits ?? 1;
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds };
}

/** Takes back a hit that turned out not to count (a right answer where only failures are limited). */
export async function releaseRateLimitHit(scope: string, key: string, rule: RateLimit, now = new Date()) {
  const { windowStart } = windowOf(rule, now);
  await prisma.rateLimitWindow.updateMany({ where: { scope, key, windowStart, hits: { gt: 0 } }, data: { hits: { decrement: 1 } } });
}

/** Ended windows count nothing any more; deleted on a schedule. */
export async function deleteEndedWindows(now = new Date()): Promise<number> {
  const result = await prisma.rateLimitWindow.deleteMany({ where: { expiresAt: { lte: now } } });
  return result.count;
}

/** Public forms: a few posts per hour from one (hashed) client address. */
export const PUBLIC_FORM_LIMIT: RateLimit = { limit: 5, windowMs: 60 * 60_000 };

export async function hitPublicFormLimit(scope: string, clientAddress: string | null, now = new Date()) {
  return hitRateLimit(scope, hashClientAddress(clientAddress) ?? "unknown", PUBLIC_FORM_LIMIT, now);
}
