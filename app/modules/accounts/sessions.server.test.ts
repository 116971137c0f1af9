import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import {
  ADMIN_LIFETIME,
  RENEW_AFTER_MS,
  STAFF_LIFETIME,
  clearSessionCookie,
  createSession,
  sessionCookie,
  isExpired,
  readSessionToken,
  renewedExpiry,
  splitToken,
  validateSessionToken,
} from "./sessions.server.ts";
import { hashSecret, randomString, secretMatches } from "./tokens.server.ts";

const HOUR = 3_600_000;

describe("tokens", () => {
  test("random strings use the readable 32-letter alphabet and differ every time", () => {
    const values = new Set(Array.from({ length: 200 }, () => randomString()));
    expect(values.size).toBe(200);
    for (const value of values) expect(value).toMatch(/^[a-km-z2-9]{24}$/);
  });

  test("only the matching secret matches the stored hash", () => {
    const secret = randomString();
    const stored = hashSecret(secret);
    expect(stored).toHaveLength(32);
    expect(secretMatches(secret, stored)).toBe(true);
    expect(secretMatches(randomString(), stored)).toBe(false);
    expect(secretMatches(secret, stored.slice(0, 31))).toBe(false);
  });

  test("a session token is id.secret and nothing else", () => {
    expect(splitToken(`${"a".repeat(24)}.${"b".repeat(24)}`)).toEqual({ id: "a".repeat(24), secret: "b".repeat(24) });
    expect(splitToken("a".repeat(24))).toBeNull();
    expect(splitToken(`${"a".repeat(24)}.${"b".repeat(24)}.c`)).toBeNull();
    expect(splitToken(`${"A".repeat(24)}.${"b".repeat(24)}`)).toBeNull();
  });

  test("14.14 the cookie is __Host-sid (Secure, Path=/, no Domain) over https, sid over http", () => {
    const saved = process.env.PUBLIC_URL;
    const session = { absoluteExpiresAt: new Date(Date.now() + HOUR) };
    try {
      process.env.PUBLIC_URL = "https://signpost.example.org";
      const secure = sessionCookie("abc.def", session);
      expect(secure).toMatch(/^__Host-sid=abc\.def;/);
      expect(secure).toContain("; Secure");
      expect(secure).toContain("; Path=/");
      expect(secure).not.toMatch(/domain=/i);
      expect(clearSessionCookie()).toMatch(/^__Host-sid=;.*Max-Age=0/);
      expect(readSessionToken(new Request("https://signpost.example.org/", { headers: { cookie: "sid=old.one; __Host-sid=abc.def" } }))).toBe("abc.def");

      process.env.PUBLIC_URL = "http://localhost:3000";
      expect(sessionCookie("abc.def", session)).toMatch(/^sid=abc\.def;.*HttpOnly; SameSite=Lax; Path=\//);
      expect(readSessionToken(new Request("http://localhost:3000/", { headers: { cookie: "__Host-sid=x.y; sid=abc.def" } }))).toBe("abc.def");
    } finally {
      if (saved === undefined) delete process.env.PUBLIC_URL;
      else process.env.PUBLIC_URL = saved;
    }
  });

  test("the cookie is read by its name only", () => {
    const request = new Request("http://localhost/", { headers: { cookie: "other=1; sid=abc.def; x=y" } });
    expect(readSessionToken(request)).toBe("abc.def");
    expect(readSessionToken(new Request("http://localhost/"))).toBeNull();
  });
});

describe("expiry and renewal", () => {
  const start = new Date("2026-11-28T08:00:00Z");
  const session = {
    lastActiveAt: start,
    expiresAt: new Date(start.getTime() + STAFF_LIFETIME.idleMs),
    absoluteExpiresAt: new Date(start.getTime() + STAFF_LIFETIME.absoluteMs),
  };

  test("a session expires after 12 idle hours, or at its absolute limit", () => {
    expect(isExpired(session, new Date(start.getTime() + 12 * HOUR - 1))).toBe(false);
    expect(isExpired(session, new Date(start.getTime() + 12 * HOUR))).toBe(true);
    expect(isExpired({ ...session, expiresAt: new Date(start.getTime() + 40 * 24 * HOUR) }, new Date(start.getTime() + 30 * 24 * HOUR))).toBe(true);
  });

  test("use renews the idle expiry, but not more often than every few minutes, and never past the absolute limit", () => {
    expect(renewedExpiry(session, STAFF_LIFETIME, new Date(start.getTime() + RENEW_AFTER_MS - 1))).toBeNull();
    const later = new Date(start.getTime() + 2 * HOUR);
    expect(renewedExpiry(session, STAFF_LIFETIME, later)).toEqual(new Date(later.getTime() + 12 * HOUR));
    const nearTheEnd = new Date(session.absoluteExpiresAt.getTime() - HOUR);
    expect(renewedExpiry({ ...session, expiresAt: nearTheEnd }, STAFF_LIFETIME, nearTheEnd)).toEqual(session.absoluteExpiresAt);
  });

  test("admins get shorter sessions", () => {
    expect(ADMIN_LIFETIME.idleMs).toBeLessThan(STAFF_LIFETIME.idleMs);
    expect(ADMIN_LIFETIME.absoluteMs).toBeLessThan(STAFF_LIFETIME.absoluteMs);
  });
});

describe("sessions in the database", () => {
  beforeEach(async () => {
    await prisma.session.deleteMany();
  });

  test("only a hash of the secret is stored, and the token validates", async () => {
    const user = await createStaffUser({ roles: ["moderator"] });
    const { token, session } = await createSession(user.id, { twoFactorVerified: true });
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    const secret = token.split(".")[1]!;
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    expect(Buffer.from(row.secretHash)).toEqual(Buffer.from(hashSecret(secret)));

    const validated = await validateSessionToken(token);
    expect(validated?.session.user.email).toBe(user.email);
    expect(validated?.session.user.permissions).toContain("service:review");
    expect(validated?.session.twoFactorVerified).toBe(true);
  });

  test("a wrong secret for a real id is refused", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const { session } = await createSession(user.id, { twoFactorVerified: false });
    expect(await validateSessionToken(`${session.id}.${randomString()}`)).toBeNull();
  });

  test("an idle session expires and is deleted; a used one is renewed", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const start = new Date("2026-11-28T08:00:00Z");
    const { token, session } = await createSession(user.id, { twoFactorVerified: false, now: start });

    const used = await validateSessionToken(token, new Date(start.getTime() + 11 * HOUR));
    expect(used?.renewed).toBe(true);
    expect(used?.session.expiresAt).toEqual(new Date(start.getTime() + 23 * HOUR));

    expect(await validateSessionToken(token, new Date(start.getTime() + 23 * HOUR + 1))).toBeNull();
    expect(await prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  test("a disabled user's session no longer works", async () => {
    const user = await createStaffUser({ roles: ["moderator"] });
    const { token } = await createSession(user.id, { twoFactorVerified: true });
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await validateSessionToken(token)).toBeNull();
  });
});
