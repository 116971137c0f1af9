import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import { ACCOUNT_CEILING, ADDRESS, completeSecondFactor, enrolTwoFactor, signIn } from "./authentication.server.ts";
import { hashClientAddress } from "./encryption.server.ts";
import { validateSessionToken } from "./sessions.server.ts";
import { TOTP_ATTEMPTS, generateTotpSecret } from "./two-factor.server.ts";

const PASSWORD = "a long and unusual test password";

function client(address = "203.0.113.7") {
  return { address, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" };
}

async function auditActions() {
  return (await prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((event) => event.action);
}

beforeEach(async () => {
  await prisma.rateLimitWindow.deleteMany();
  await prisma.failureThrottle.deleteMany();
  await prisma.session.deleteMany();
});

describe("signing in", () => {
  test("the right password signs in and is audited with a hashed client address", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const result = await signIn(user.email.toUpperCase(), PASSWORD, client());
    expect(result.kind).toBe("signed-in");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "sign_in.succeeded", actorId: user.id } });
    expect(event.clientHash).toBeTruthy();
    expect(event.clientHash).not.toContain("203.0.113.7");
    expect(JSON.stringify({ ...event, id: String(event.id) })).not.toContain("203.0.113.7");
  });

  test("a wrong password and an unknown account get the same answer", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    expect(await signIn(user.email, "not the password at all", client())).toEqual({ kind: "invalid" });
    expect(await signIn("nobody@example.org", PASSWORD, client())).toEqual({ kind: "invalid" });
    expect(await prisma.auditEvent.count({ where: { action: "sign_in.failed" } })).toBeGreaterThanOrEqual(2);
  });

  test("a disabled account cannot sign in", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await signIn(user.email, PASSWORD, client())).toEqual({ kind: "invalid" });
  });

  test("one client address is limited across accounts", async () => {
    const now = new Date("2026-11-28T10:00:00Z");
    for (let attempt = 0; attempt < ADDRESS.lock!.afterFailures; attempt++) {
      await signIn(`guess-${attempt}@example.org`, "some password guess", client("192.0.2.1"), now);
    }
    expect((await signIn("another@example.org", "x".repeat(12), client("192.0.2.1"), now)).kind).toBe("throttled");
    expect((await signIn("another@example.org", "x".repeat(12), client("192.0.2.2"), now)).kind).toBe("invalid");
  });

  test("with two-factor on, the session waits for the code", async () => {
    const key = generateTotpSecret();
    const user = await createStaffUser({ roles: ["moderator"], totpSecret: key });
    const result = await signIn(user.email, PASSWORD, client());
    if (result.kind !== "signed-in") throw new Error(result.kind);
    expect(result.needsSecondFactor).toBe(true);
    expect(result.session.twoFactorVerified).toBe(false);

    expect(await completeSecondFactor(result.session, "000000", client())).toEqual({ kind: "wrong" });
    const verified = await completeSecondFactor(result.session, generateTOTP(key, 30, 6), client());
    if (verified.kind !== "verified") throw new Error(verified.kind);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: verified.session.id } });
    expect(row.twoFactorVerifiedAt).not.toBeNull();
  });

  test("two-factor attempts are rate limited, and a recovery code works once", async () => {
    const key = generateTotpSecret();
    const { enableTwoFactor } = await import("./two-factor.server.ts");
    const user = await createStaffUser({ roles: ["admin"] });
    const recoveryCodes = await enableTwoFactor(user.id, key);
    expect(recoveryCodes).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.every((row) => !recoveryCodes.includes(row.codeEncrypted))).toBe(true);

    const signedIn = await signIn(user.email, PASSWORD, client());
    if (signedIn.kind !== "signed-in") throw new Error(signedIn.kind);
    expect(await completeSecondFactor(signedIn.session, recoveryCodes[0]!, client())).toMatchObject({ kind: "verified" });
    expect(await completeSecondFactor(signedIn.session, recoveryCodes[0]!, client())).toEqual({ kind: "wrong" });

    // The used code's second try was the first wrong one.
    for (let attempt = 1; attempt < TOTP_ATTEMPTS.limit; attempt++) {
      expect(await completeSecondFactor(signedIn.session, "123456", client())).toEqual({ kind: "wrong" });
    }
    expect(await completeSecondFactor(signedIn.session, generateTOTP(key, 30, 6), client())).toEqual({ kind: "rate-limited" });
  });
});

describe("14.14 one use per code, a new session id on every change of privilege", () => {
  const step = (at: Date) => BigInt(Math.floor(at.getTime() / 30_000));

  async function signedIn(email: string, now = new Date()) {
    const result = await signIn(email, PASSWORD, client(), now);
    if (result.kind !== "signed-in") throw new Error(result.kind);
    return result;
  }

  test("14.14 a TOTP code is accepted once, and an older one never after it", async () => {
    const key = generateTotpSecret();
    const user = await createStaffUser({ roles: ["moderator"], totpSecret: key });
    const now = new Date();
    const code = generateHOTP(key, step(now), 6);
    const first = await signedIn(user.email, now);
    const second = await signedIn(user.email, now);
    expect(await completeSecondFactor(first.session, code, client(), now)).toMatchObject({ kind: "verified" });
    expect(await completeSecondFactor(second.session, code, client(), now)).toEqual({ kind: "wrong" });
    expect(await completeSecondFactor(second.session, generateHOTP(key, step(now) - 1n, 6), client(), now)).toEqual({ kind: "wrong" });
    const later = new Date(now.getTime() + 30_000);
    expect(await completeSecondFactor(second.session, generateHOTP(key, step(later), 6), client(), later)).toMatchObject({ kind: "verified" });
  });

  test("14.14 passing the second factor replaces the session with a new id", async () => {
    const key = generateTotpSecret();
    const user = await createStaffUser({ roles: ["moderator"], totpSecret: key });
    const now = new Date();
    const pending = await signedIn(user.email, now);
    const result = await completeSecondFactor(pending.session, generateHOTP(key, step(now), 6), client(), now);
    if (result.kind !== "verified") throw new Error(result.kind);
    expect(result.session.id).not.toBe(pending.session.id);
    expect(result.token).not.toBe(pending.token);
    expect(await validateSessionToken(pending.token)).toBeNull();
    const renewed = await validateSessionToken(result.token);
    expect(renewed?.session.twoFactorVerified).toBe(true);
    expect(renewed?.session.user.id).toBe(user.id);
  });

  test("14.14 enrolling in two-factor replaces the session, and the enrolment code cannot sign in again", async () => {
    const user = await createStaffUser({ roles: ["moderator"] });
    const now = new Date();
    const pending = await signedIn(user.email, now);
    const key = generateTotpSecret();
    const code = generateHOTP(key, step(now), 6);
    expect(await enrolTwoFactor(pending.session, key, "000000", client(), now)).toEqual({ kind: "wrong" });
    const enrolled = await enrolTwoFactor(pending.session, key, code, client(), now);
    if (enrolled.kind !== "enabled") throw new Error(enrolled.kind);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(await validateSessionToken(pending.token)).toBeNull();
    expect((await validateSessionToken(enrolled.token))?.session.twoFactorVerified).toBe(true);

    const again = await signedIn(user.email, now);
    expect(await completeSecondFactor(again.session, code, client(), now)).toEqual({ kind: "wrong" });
  });
});

describe("sign-in throttling (docs/decisions/0004-sign-in-throttling.md)", () => {
  const WRONG = "a wrong guess of the password";

  test("14.5 racy sign-in limit: of 15 parallel wrong guesses on one account from one address, only 5 are judged", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const now = new Date("2026-11-28T11:00:00Z");
    const results = await Promise.all(Array.from({ length: 15 }, () => signIn(user.email, WRONG, client(), now)));
    expect(results.filter((result) => result.kind === "invalid")).toHaveLength(5);
    expect(results.filter((result) => result.kind === "throttled")).toHaveLength(10);
  });

  test("14.7 lock-out: failures lock that account from that address only, for longer each time", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const t0 = new Date("2026-11-28T12:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(user.email, WRONG, client("198.51.100.1"), t0)).kind).toBe("invalid");
    expect(await signIn(user.email, PASSWORD, client("198.51.100.1"), t0)).toEqual({ kind: "throttled", retryAfterSeconds: 60 });
    // The real person, elsewhere, is not held back by those failures.
    expect((await signIn(user.email, PASSWORD, client("203.0.113.50"), t0)).kind).toBe("signed-in");

    // After the lock, one more guess is judged, and the next lock is twice as long.
    expect((await signIn(user.email, WRONG, client("198.51.100.1"), at(60))).kind).toBe("invalid");
    expect(await signIn(user.email, PASSWORD, client("198.51.100.1"), at(61))).toEqual({ kind: "throttled", retryAfterSeconds: 119 });
    expect((await signIn(user.email, PASSWORD, client("198.51.100.1"), at(180))).kind).toBe("signed-in");
    // Signing in forgets that address's failures on the account.
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(user.email, WRONG, client("198.51.100.1"), at(181))).kind).toBe("invalid");
  });

  test("14.7 lock-out: someone else's failures never refuse the right password and second factor", async () => {
    const key = generateTotpSecret();
    const user = await createStaffUser({ roles: ["moderator"], totpSecret: key });
    const now = new Date("2026-11-28T13:00:00Z");
    const attackers = ["198.51.100.1", "198.51.100.2", "198.51.100.3"];
    await Promise.all(attackers.flatMap((address) => Array.from({ length: 10 }, () => signIn(user.email, WRONG, client(address), now))));

    const started = Date.now();
    const result = await signIn(user.email, PASSWORD, client("203.0.113.50"), now);
    if (result.kind !== "signed-in") throw new Error(result.kind);
    // Over its ceiling the account is slowed for every address, never refused.
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACCOUNT_CEILING.pauseMs);
    // The code of the moment the test pretends it is.
    const code = generateHOTP(key, BigInt(Math.floor(now.getTime() / 30_000)), 6);
    expect(await completeSecondFactor(result.session, code, client("203.0.113.50"), now)).toMatchObject({ kind: "verified" });
  });

  test("14.7 lock-out: successful second factors do not count toward the two-factor limit", async () => {
    const { enableTwoFactor } = await import("./two-factor.server.ts");
    const user = await createStaffUser({ roles: ["admin"] });
    const recoveryCodes = await enableTwoFactor(user.id, generateTotpSecret());
    const signedIn = await signIn(user.email, PASSWORD, client());
    if (signedIn.kind !== "signed-in") throw new Error(signedIn.kind);
    for (const code of recoveryCodes.slice(0, 7)) expect(await completeSecondFactor(signedIn.session, code, client())).toMatchObject({ kind: "verified" });
    expect(await completeSecondFactor(signedIn.session, "000000", client())).toEqual({ kind: "wrong" });
  });

  test("14.8 unbounded audit: repeated throttled sign-ins write one audit row per lock", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const now = new Date("2026-11-28T14:00:00Z");
    const rowsFrom = (address: string, action: string) => prisma.auditEvent.count({ where: { action, clientHash: hashClientAddress(address) } });
    for (let attempt = 0; attempt < 40; attempt++) await signIn(user.email, WRONG, client("192.0.2.40"), now);
    expect(await rowsFrom("192.0.2.40", "sign_in.throttled")).toBe(1);
    expect(await rowsFrom("192.0.2.40", "sign_in.failed")).toBe(5);

    // Many accounts from one address: the address's own lock, audited once too.
    await Promise.all(Array.from({ length: 30 }, (_, n) => signIn(`guess-${n}@example.org`, WRONG, client("192.0.2.41"), now)));
    expect(await rowsFrom("192.0.2.41", "sign_in.throttled")).toBe(1);
    expect(await rowsFrom("192.0.2.41", "sign_in.failed")).toBe(20);
  });

  test("14.8 unbounded audit: an email that matches no account is never stored", async () => {
    const typed = "my Secret passphrase typed in the wrong box";
    const now = new Date("2026-11-28T15:00:00Z");
    for (let attempt = 0; attempt < 8; attempt++) await signIn(typed, WRONG, client("192.0.2.50"), now);
    const stored = await prisma.$queryRaw<{ row: string }[]>`
      SELECT to_jsonb(a)::text AS row FROM audit_event a
      UNION ALL SELECT to_jsonb(r)::text FROM rate_limit_window r
      UNION ALL SELECT to_jsonb(f)::text FROM failure_throttle f`;
    expect(stored.length).toBeGreaterThan(0);
    for (const { row } of stored) expect(row.toLowerCase()).not.toContain("passphrase");
  });
});
