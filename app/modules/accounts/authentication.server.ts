import { setTimeout as pause } from "node:timers/promises";
import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { throttleKey } from "./encryption.server.ts";
import { verifyAgainstNothing, verifyPassword } from "./passwords.server.ts";
import { releaseRateLimitHit } from "./rate-limit.server.ts";
import { createSession, describeDevice, loadStaffUser, replaceSession, type StaffSession } from "./sessions.server.ts";
import { claimAttempt, forgetFailures, releaseAttempt, type Claim, type ThrottlePolicy } from "./throttle.server.ts";
import { TOTP_ATTEMPTS, checkSecondFactor, enableTwoFactor, matchingTotpStep } from "./two-factor.server.ts";

// Signing in. Errors never say whether an account exists. Only failures are
// counted, per account from one client address and per client address, each
// with a lock that grows; failures from elsewhere only slow an account down,
// so nobody can lock a staff member out (docs/decisions/0004-sign-in-throttling.md).

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One account from one client address: 5 free failures, then locks of 1, 2, 4… minutes, at most an hour. */
export const ACCOUNT_FROM_ADDRESS: ThrottlePolicy = { memoryMs: DAY, lock: { afterFailures: 5, firstMs: MINUTE, maxMs: 60 * MINUTE } };
/** One client address, whatever the accounts: 20 free failures, then the same growing locks. */
export const ADDRESS: ThrottlePolicy = { memoryMs: DAY, lock: { afterFailures: 20, firstMs: MINUTE, maxMs: 60 * MINUTE } };
/** One account from everywhere: past 10 failures every attempt waits before it is judged, and is never refused. */
export const ACCOUNT_CEILING = { failures: 10, pauseMs: 2000, policy: { memoryMs: DAY } satisfies ThrottlePolicy };

export type Client = { address: string | null; userAgent: string | null };

export type SignInResult =
  | { kind: "signed-in"; token: string; session: StaffSession; needsSecondFactor: boolean }
  | { kind: "invalid" }
  | { kind: "throttled"; retryAfterSeconds: number };

function keysFor(email: string, client: Client) {
  const address = client.address ?? "unknown";
  return { accountFromAddress: throttleKey(email, address), address: throttleKey(address), account: throttleKey(email) };
}

export async function signIn(emailInput: string, password: string, client: Client, now = new Date()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const keys = keysFor(email, client);
  const user = await prisma.user.findUnique({ where: { email } });
  // What the audit log may say about the account: only one that exists, never what was typed.
  const target = user ? ({ targetType: "user", targetId: user.id } as const) : {};

  const refused = async (claim: Claim & { allowed: false }, limit: string): Promise<SignInResult> => {
    // One audit row per lock; later refusals are only counted in the throttle's row.
    if (claim.firstRefusal) await recordAudit({ action: "sign_in.throttled", clientAddress: client.address, ...target, details: { limit } });
    return { kind: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  };
  const byAddress = await claimAttempt("sign-in-address", keys.address, ADDRESS, now);
  if (!byAddress.allowed) return refused(byAddress, "client address");
  const byAccountFromAddress = await claimAttempt("sign-in-account-address", keys.accountFromAddress, ACCOUNT_FROM_ADDRESS, now);
  if (!byAccountFromAddress.allowed) {
    await releaseAttempt("sign-in-address", keys.address, ADDRESS, byAddress);
    return refused(byAccountFromAddress, "account from this client address");
  }
  const byAccount = await claimAttempt("sign-in-account", keys.account, ACCOUNT_CEILING.policy, now);
  if (byAccount.allowed && byAccount.failures > ACCOUNT_CEILING.failures) await pause(ACCOUNT_CEILING.pauseMs);

  const passwordOk =
    user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !passwordOk) {
    // The claims stand: this was a failure.
    await recordAudit({ action: "sign_in.failed", clientAddress: client.address, ...target, details: user ? { email: user.email } : undefined });
    return { kind: "invalid" };
  }

  await releaseAttempt("sign-in-address", keys.address, ADDRESS, byAddress);
  if (byAccount.allowed) await releaseAttempt("sign-in-account", keys.account, ACCOUNT_CEILING.policy, byAccount);
  const needsSecondFactor = user.totpEnabledAt !== null;
  // Signed in from here: that address's failures on the account are forgotten, once the second factor is also right.
  if (needsSecondFactor) await releaseAttempt("sign-in-account-address", keys.accountFromAddress, ACCOUNT_FROM_ADDRESS, byAccountFromAddress);
  else await forgetFailures("sign-in-account-address", keys.accountFromAddress);

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
    // Only wrong codes count toward the two-factor limit.
    await releaseRateLimitHit("totp", session.user.id, TOTP_ATTEMPTS, now);
    await forgetFailures("sign-in-account-address", keysFor(session.user.email, client).accountFromAddress);
    // A new session id once the second factor is passed (a privilege change).
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
