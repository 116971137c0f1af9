import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import { ACCOUNT_FAILURES, ADDRESS_ATTEMPTS, completeSecondFactor, enrolTwoFactor, signIn } from "./authentication.server.ts";
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

  test("repeated failures slow the account down, even for the right password, then it recovers", async () => {
    const user = await createStaffUser({ roles: ["moderator"] });
    const now = new Date("2026-11-28T09:00:00Z");
    for (let attempt = 0; attempt < ACCOUNT_FAILURES.limit; attempt++) {
      expect((await signIn(user.email, "wrong password number x", client(), now)).kind).toBe("invalid");
    }
    const throttled = await signIn(user.email, PASSWORD, client("198.51.100.9"), now);
    expect(throttled.kind).toBe("throttled");
    expect(await auditActions()).toContain("sign_in.throttled");

    const afterTheWindow = new Date(now.getTime() + ACCOUNT_FAILURES.windowMs);
    expect((await signIn(user.email, PASSWORD, client(), afterTheWindow)).kind).toBe("signed-in");
  });

  test("one client address is limited across accounts", async () => {
    const now = new Date("2026-11-28T10:00:00Z");
    for (let attempt = 0; attempt < ADDRESS_ATTEMPTS.limit; attempt++) {
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

    for (let attempt = 2; attempt < TOTP_ATTEMPTS.limit; attempt++) {
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
