import { prisma } from "#app/db.server.ts";
import { hashClientAddress } from "./encryption.server.ts";

// Fixed-window counters in PostgreSQL, so that every app instance sees the
// same count: a limit reached through one instance holds on all of them.

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { allowed: boolean; hits: number; retryAfterSeconds: number };

function windowOf(rule: RateLimit, now: Date) {
  const start = Math.floor(now.getTime() / rule.windowMs) * rule.windowMs;
  return { windowStart: new Date(start), retryAfterSeconds: Math.ceil((start + rule.windowMs - now.getTime()) / 1000) };
}

/** Counts one more hit, then says whether it is within the limit. */
export async function hitRateLimit(scope: string, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const { windowStart, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await prisma.$queryRaw<{ hits: number }[]>`
    INSERT INTO rate_limit_window (scope, key, window_start, hits) VALUES (${scope}, ${key}, ${windowStart}, 1)
    ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1
    RETURNING hits`;
  const hits = row?.hits ?? 1;
  return { allowed: hits <= rule.limit, hits, retryAfterSeconds };
}

/** Whether the limit is already reached, without counting. */
export async function isRateLimited(scope: string, key: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const { windowStart, retryAfterSeconds } = windowOf(rule, now);
  const row = await prisma.rateLimitWindow.findUnique({
    where: { scope_key_windowStart: { scope, key, windowStart } },
  });
  const hits = row?.hits ?? 0;
  return { allowed: hits < rule.limit, hits, retryAfterSeconds };
}

/** Old windows are useless; delete them now and then. */
export async function deleteExpiredWindows(olderThan: Date) {
  await prisma.rateLimitWindow.deleteMany({ where: { windowStart: { lt: olderThan } } });
}

/** Public forms: a few posts per hour from one (hashed) client address. */
export const PUBLIC_FORM_LIMIT: RateLimit = { limit: 5, windowMs: 60 * 60_000 };

export async function hitPublicFormLimit(scope: string, clientAddress: string | null, now = new Date()) {
  return hitRateLimit(scope, hashClientAddress(clientAddress) ?? "unknown", PUBLIC_FORM_LIMIT, now);
}
