import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.server.ts";
import { hitRateLimit, isRateLimited, type RateLimit } from "./rate-limit.server.ts";
import { createSession, describeDevice, loadStaffUser, replaceSession, type StaffSession } from "./sessions.server.ts";
import { checkSecondFactor, enableTwoFactor, matchingTotpStep } from "./two-factor.server.ts";

// Signing in. Errors never say whether an account exists. Failures slow the
// account down (a pause, not a lock-out) and each client address is limited,
// both counted in PostgreSQL; throttling is audited.

export const ACCOUNT_FAILURES: RateLimit = { limit: 5, windowMs: 15 * 60_000 };
export const ADDRESS_ATTEMPTS: RateLimit = { limit: 30, windowMs: 15 * 60_000 };

export type Client = { address: string | null; userAgent: string | null };

export type SignInResult =
  | { kind: "signed-in"; token: string; session: StaffSession; needsSecondFactor: boolean }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

export async function signIn(emailInput: string, password: string, client: Client, now = new Date()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const byAddress = await hitRateLimit("sign-in-address", client.address ?? "unknown", ADDRESS_ATTEMPTS, now);
  const byAccount = await isRateLimited("sign-in-failure", email, ACCOUNT_FAILURES, now);
  if (!byAddress.allowed || !byAccount.allowed) {
    await recordAudit({ action: "sign_in.throttled", clientAddress: client.address, details: { email } });
    return { kind: "throttled", retryAfterSeconds: Math.max(byAddress.retryAfterSeconds, byAccount.retryAfterSeconds) };
  }

  const user = await prisma.user.findUnique({ where: { email } });
  const passwordOk =
    user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !passwordOk) {
    await hitRateLimit("sign-in-failure", email, ACCOUNT_FAILURES, now);
    await recordAudit({
      action: "sign_in.failed",
      clientAddress: client.address,
      targetType: user ? "user" : undefined,
      targetId: user?.id ?? null,
      details: { email },
    });
    return { kind: "invalid" };
  }

  const needsSecondFactor = user.totpEnabledAt !== null;
  const { token, session } = await createSession(user.id, {
    twoFactorVerified: false,
    deviceLabel: describeDevice(client.userAgent),
    now,
  });
  await recordAudit({
    action: "sign_in.succeeded",
    actor: { id: user.id, email: user.email },
    targetType: "session",
    targetId: session.id,
    clientAddress: client.address,
    details: { secondFactorPending: needsSecondFactor },
  });
  return { kind: "signed-in", token, session, needsSecondFactor };
}

/** After the second factor the session is replaced: the cookie must be set to `token`. */
export type SecondFactorOutcome = { kind: "verified"; token: string; session: StaffSession } | { kind: "wrong" } | { kind: "rate-limited" };

export async function completeSecondFactor(session: StaffSession, code: string, client: Client, now = new Date()): Promise<SecondFactorOutcome> {
  const result = await checkSecondFactor(session.user.id, code, now);
  const actor = { id: session.user.id, email: session.user.email };
  if (result === "ok" || result === "recovery-code-used") {
    const replacement = await replaceSession(session, { twoFactorVerified: true, now });
    await recordAudit({
      action: result === "ok" ? "two_factor.succeeded" : "two_factor.recovery_code_used",
      actor,
      targetType: "session",
      targetId: replacement.session.id,
      clientAddress: client.address,
    });
    return { kind: "verified", ...replacement };
  }
  await recordAudit({ action: "two_factor.failed", actor, clientAddress: client.address, details: { rateLimited: result === "rate-limited" } });
  return { kind: result };
}

export type EnrolmentOutcome = { kind: "enabled"; recoveryCodes: string[]; token: string; session: StaffSession } | { kind: "wrong" };

/**
 * Turns two-factor on once a code from the person's app matches the new key.
 * That code is spent, and the session is replaced by a verified one.
 */
export async function enrolTwoFactor(session: StaffSession, key: Uint8Array, code: string, client: Client, now = new Date()): Promise<EnrolmentOutcome> {
  const step = matchingTotpStep(key, code, now);
  if (step === null) return { kind: "wrong" };
  const recoveryCodes = await enableTwoFactor(session.user.id, key, now, step);
  const replacement = await replaceSession(session, { twoFactorVerified: true, now });
  await recordAudit({
    action: "two_factor.enabled",
    actor: { id: session.user.id, email: session.user.email },
    targetType: "user",
    targetId: session.user.id,
    clientAddress: client.address,
  });
  return { kind: "enabled", recoveryCodes, ...replacement };
}

export async function reloadUser(userId: string) {
  return loadStaffUser(userId);
}
