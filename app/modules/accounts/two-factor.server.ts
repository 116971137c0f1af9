import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { encodeBase32NoPadding, decodeBase32IgnorePadding } from "@oslojs/encoding";
import { renderSVG } from "uqr";
import { prisma } from "#app/db.server.ts";
import { decrypt, encrypt } from "./encryption.server.ts";
import { randomString } from "./tokens.server.ts";
import { hitRateLimit, type RateLimit } from "./rate-limit.server.ts";

// TOTP (RFC 6238: 30-second steps, 6 digits) with @oslojs/otp. Secrets and
// recovery codes are encrypted at rest; attempts are rate limited per user.
// A code is accepted once: the last accepted time step is kept per user, and
// only a later step is accepted after it (RFC 6238 section 5.2).

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
export const TOTP_ATTEMPTS: RateLimit = { limit: 5, windowMs: 15 * 60_000 };

export function generateTotpSecret(): Uint8Array {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return key;
}

export function encodeTotpSecret(key: Uint8Array): string {
  return encodeBase32NoPadding(key);
}

export function decodeTotpSecret(encoded: string): Uint8Array {
  return decodeBase32IgnorePadding(encoded);
}

/** What the authenticator app scans, as an SVG QR code drawn on the server, and the same as text. */
export function enrolmentDetails(key: Uint8Array, email: string) {
  const uri = createTOTPKeyURI("Signpost", email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  return { uri, qrSvg: renderSVG(uri, { border: 2 }), secretText: encodeTotpSecret(key) };
}

/** The time step a code belongs to (now, or one step either side for clock drift), or null when it matches none. */
export function matchingTotpStep(key: Uint8Array, code: string, now = new Date()): bigint | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const current = BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS));
  for (const step of [current - 1n, current, current + 1n]) {
    if (verifyHOTP(key, step, TOTP_DIGITS, digits)) return step;
  }
  return null;
}

/** Records the step as used, unless it (or a later one) already was: one statement, so two requests cannot both win. */
async function claimTotpStep(userId: string, step: bigint): Promise<boolean> {
  const claimed = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return claimed.count === 1;
}

/**
 * Turns two-factor on after the person proved their app works; returns the
 * recovery codes to show once. `usedStep`: the step of the code that proved it, spent.
 */
export async function enableTwoFactor(userId: string, key: Uint8Array, now = new Date(), usedStep: bigint | null = null): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomString(10)));
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.user.update({
      where: { id: userId },
      data: { totpSecret: encrypt(encodeTotpSecret(key)), totpEnabledAt: now, totpLastStep: usedStep },
    }),
    prisma.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeEncrypted: encrypt(code) })) }),
  ]);
  return codes;
}

function formatRecoveryCode(raw: string): string {
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export type SecondFactorResult = "ok" | "recovery-code-used" | "wrong" | "rate-limited";

/** Checks a TOTP code, or a recovery code (used once), within the attempt limit. */
export async function checkSecondFactor(userId: string, input: string, now = new Date()): Promise<SecondFactorResult> {
  const attempt = await hitRateLimit("totp", userId, TOTP_ATTEMPTS, now);
  if (!attempt.allowed) return "rate-limited";
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { recoveryCodes: { where: { usedAt: null } } } });
  if (!user?.totpSecret) return "wrong";
  const step = matchingTotpStep(decodeTotpSecret(decrypt(user.totpSecret)), input, now);
  if (step !== null) return (await claimTotpStep(userId, step)) ? "ok" : "wrong";

  const normalized = input.trim().toLowerCase();
  for (const recovery of user.recoveryCodes) {
    if (decrypt(recovery.codeEncrypted) === normalized) {
      // Only one request can use a code: the update succeeds once.
      const used = await prisma.recoveryCode.updateMany({ where: { id: recovery.id, usedAt: null }, data: { usedAt: now } });
      return used.count === 1 ? "recovery-code-used" : "wrong";
    }
  }
  return "wrong";
}
