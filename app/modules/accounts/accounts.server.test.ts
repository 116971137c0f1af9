import { beforeEach, describe, expect, test } from "vitest";
import { backgroundJobsIdle } from "#app/background-jobs.server.ts";
import { prisma } from "#app/db.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import { acceptInvitation, createInvitation, findUsableToken, requestPasswordReset, resetPassword, revokeInvitation, INVITATION_LIFETIME_MS } from "./invitations.server.ts";
import { decideAccessRequest, submitAccessRequest } from "./access-requests.server.ts";
import { passwordProblem } from "./passwords.server.ts";
import { hitRateLimit } from "./rate-limit.server.ts";
import { createSession, validateSessionToken } from "./sessions.server.ts";
import { changePassword, endAllSessions, setUserDisabled, setUserRoles } from "./users.server.ts";
import { decrypt, encrypt, hashClientAddress } from "./encryption.server.ts";
import { isAllowedMutation } from "./same-origin.server.ts";
import { ListNotFound, createList, getList, listsFor, setListShared } from "#app/modules/referrals/lists.server.ts";
import type { InvitationResult } from "./invitations.server.ts";
import { StaffOrganizationSchema, createStaffOrganization, setUserOrganization, updateStaffOrganization } from "./staff-organizations.server.ts";

/** The token at the end of an invitation's link. */
function invitationToken(invitation: InvitationResult | null | undefined): string {
  if (invitation?.kind !== "created") throw new Error(`no invitation: ${invitation?.kind}`);
  return invitation.link.split("/").pop()!;
}

beforeEach(async () => {
  await prisma.session.deleteMany();
  await prisma.rateLimitWindow.deleteMany();
  await prisma.failureThrottle.deleteMany();
});

describe("passwords", () => {
  test("12 to 128 characters, no composition rules, not a common password", () => {
    expect(passwordProblem("short")).toMatch(/12/);
    expect(passwordProblem("a".repeat(129))).toMatch(/128/);
    expect(passwordProblem("password1234")).toMatch(/common/);
    expect(passwordProblem("iloveyou1234")).toMatch(/common/);
    expect(passwordProblem("qwerty123456")).toMatch(/common/);
    expect(passwordProblem("aaaaaaaaaaaaaaa")).toMatch(/common/);
    expect(passwordProblem("all lower case words here")).toBeNull();
  });
});

describe("encryption at rest", () => {
  test("round-trips, differs every time, and refuses tampering", () => {
    const sealed = encrypt("JBSWY3DPEHPK3PXP");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(encrypt("JBSWY3DPEHPK3PXP")).not.toBe(sealed);
    expect(decrypt(sealed)).toBe("JBSWY3DPEHPK3PXP");
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decrypt([parts[0], parts[1], parts[2], flipped.toString("base64")].join("."))).toThrow();
  });

  test("client addresses become a keyed hash", () => {
    expect(hashClientAddress("203.0.113.7")).toBe(hashClientAddress("203.0.113.7"));
    expect(hashClientAddress("203.0.113.7")).not.toBe(hashClientAddress("203.0.113.8"));
    expect(hashClientAddress(null)).toBeNull();
  });
});

describe("same-origin check on mutations", () => {
  const post = (headers: Record<string, string>) => new Request("http://signpost.example/login", { method: "POST", headers });
  test("allows reads, and writes from our own pages only", () => {
    expect(isAllowedMutation(new Request("http://signpost.example/search"))).toBe(true);
    expect(isAllowedMutation(post({ origin: "http://signpost.example" }))).toBe(true);
    expect(isAllowedMutation(post({ origin: "https://signpost.example" }))).toBe(true);
    expect(isAllowedMutation(post({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isAllowedMutation(post({ origin: "https://evil.example" }))).toBe(false);
    expect(isAllowedMutation(post({ origin: "null" }))).toBe(false);
    // A plain form post from a no-referrer page: Origin is "null", Sec-Fetch-Site tells the truth.
    expect(isAllowedMutation(post({ origin: "null", "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isAllowedMutation(post({ origin: "null", "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isAllowedMutation(post({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isAllowedMutation(post({}))).toBe(false);
  });
});

describe("rate limits in PostgreSQL", () => {
  test("count per scope and key within a window, and start again in the next", async () => {
    const rule = { limit: 3, windowMs: 60_000 };
    const now = new Date("2026-11-28T12:00:10Z");
    const results = [];
    for (let hit = 0; hit < 4; hit++) results.push(await hitRateLimit("test", "alice", rule, now));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(50);
    expect((await hitRateLimit("test", "bob", rule, now)).allowed).toBe(true);
    expect((await hitRateLimit("other", "alice", rule, now)).allowed).toBe(true);
    expect((await hitRateLimit("test", "alice", rule, new Date("2026-11-28T12:01:00Z"))).allowed).toBe(true);
  });

  test("concurrent hits are all counted", async () => {
    const rule = { limit: 100, windowMs: 60_000 };
    const now = new Date("2026-11-28T12:00:00Z");
    await Promise.all(Array.from({ length: 20 }, () => hitRateLimit("burst", "k", rule, now)));
    expect((await hitRateLimit("burst", "k", rule, now)).hits).toBe(21);
  });
});

describe("the audit log is append-only", () => {
  test("UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    await prisma.auditEvent.create({ data: { action: "user.created" } });
    await expect(prisma.$executeRawUnsafe("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count()).toBeGreaterThan(0);
  });
});

describe("invitations", () => {
  test("an invitation creates the account with its roles, once", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const link = await createInvitation({ email: "New.Moderator@Example.org", roles: ["moderator"] }, admin);
    if (link.kind !== "created") throw new Error(link.kind);
    expect(link.delivery).toBe("not-configured");
    const token = link.link.split("/").pop()!;
    expect(token).toMatch(/^[a-z2-9]{32}$/);
    const stored = await prisma.accountToken.findUniqueOrThrow({ where: { id: link.id } });
    expect(Buffer.from(stored.tokenHash).toString("utf8")).not.toContain(token);

    expect(await acceptInvitation(token, { name: "New Moderator", password: "password1234" })).toMatchObject({ kind: "bad-password" });
    const accepted = await acceptInvitation(token, { name: "New Moderator", password: "a fine long passphrase" });
    expect(accepted.kind).toBe("accepted");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.moderator@example.org" }, include: { roles: { include: { role: true } } } });
    expect(user.roles.map(({ role }) => role.name)).toEqual(["moderator"]);
    expect(await acceptInvitation(token, { name: "Again", password: "a fine long passphrase" })).toEqual({ kind: "invalid-link" });
    expect(await prisma.auditEvent.count({ where: { action: { in: ["invitation.created", "invitation.accepted"] } } })).toBeGreaterThanOrEqual(2);
  });

  test("revoked and expired invitations do not work", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const revoked = await createInvitation({ email: "a@example.org", roles: ["caseworker"] }, admin);
    if (revoked.kind !== "created") throw new Error(revoked.kind);
    expect(await revokeInvitation(revoked.id, admin)).toBe(true);
    expect(await findUsableToken(revoked.link.split("/").pop()!, "INVITATION")).toBeNull();

    const now = new Date("2026-11-28T00:00:00Z");
    const expiring = await createInvitation({ email: "b@example.org", roles: ["caseworker"] }, admin, { now });
    if (expiring.kind !== "created") throw new Error(expiring.kind);
    const token = expiring.link.split("/").pop()!;
    expect(await findUsableToken(token, "INVITATION", new Date(now.getTime() + INVITATION_LIFETIME_MS - 1))).not.toBeNull();
    expect(await findUsableToken(token, "INVITATION", new Date(now.getTime() + INVITATION_LIFETIME_MS))).toBeNull();
  });

  test("an approved access request becomes a caseworker invitation into the organization the admin confirms", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const lyon = await prisma.staffOrganization.create({ data: { name: "Lyon Family Centre", country: "FR", kind: "CHARITY" } });
    const id = await submitAccessRequest({ name: "Case Worker", organizationId: lyon.id, organizationNote: null, email: "cw@example.org", reason: "School counsellor" });
    const decision = await decideAccessRequest(id!, { decision: "approve", organizationId: lyon.id }, admin);
    if (decision.kind !== "decided") throw new Error(decision.kind);
    const token = invitationToken(decision.invitation);
    await acceptInvitation(token, { name: "Case Worker", password: "a fine long passphrase" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "cw@example.org" }, include: { roles: { include: { role: true } } } });
    expect(user.organizationId).toBe(lyon.id);
    expect(user.roles.map(({ role }) => role.name)).toEqual(["caseworker"]);
    expect(await decideAccessRequest(id!, { decision: "decline" }, admin)).toEqual({ kind: "not-pending" });
    // A request cannot name an organization that does not exist.
    expect(await submitAccessRequest({ name: "X", organizationId: crypto.randomUUID(), organizationNote: null, email: "x@example.org", reason: "Made-up organization" })).toBeNull();
  });

  test("11 organization claimed in an access request: only the admin's approval makes a member, so an intruder cannot read its shared lists", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const villeurbanne = await prisma.staffOrganization.create({ data: { name: "Villeurbanne Youth Service", country: "FR", kind: "CHARITY" } });
    const member = await prisma.user.update({ where: { id: (await createStaffUser({ roles: ["caseworker"] })).id }, data: { organizationId: villeurbanne.id } });
    const list = await createList(member, "Villeurbanne referrals");
    await setListShared(list.id, true, member);

    async function join(email: string, request: { organizationId: string | null; organizationNote: string | null }, confirmed: string | null) {
      const id = await submitAccessRequest({ name: "Someone", ...request, email, reason: "I work there, honestly" });
      const decision = await decideAccessRequest(id!, { decision: "approve", organizationId: confirmed }, admin);
      if (decision.kind !== "decided") throw new Error(decision.kind);
      await acceptInvitation(invitationToken(decision.invitation), { name: "Someone", password: "a fine long passphrase" });
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      return { id: user.id, email: user.email, organizationId: user.organizationId };
    }
    // Typing the name ("not in the list") is a note for the admin: it makes no one a member.
    const typed = await join("typed@example.org", { organizationId: null, organizationNote: "Villeurbanne Youth Service" }, null);
    // Picking it from the list is a claim; the admin approved the person without confirming it.
    const picked = await join("picked@example.org", { organizationId: villeurbanne.id, organizationNote: null }, null);
    for (const intruder of [typed, picked]) {
      expect(intruder.organizationId).toBeNull();
      expect((await listsFor(intruder)).shared).toEqual([]);
      await expect(getList(list.id, intruder)).rejects.toBeInstanceOf(ListNotFound);
    }
    // The admin's confirmation is what puts a person in it.
    const colleague = await join("colleague@example.org", { organizationId: villeurbanne.id, organizationNote: null }, villeurbanne.id);
    expect((await listsFor(colleague)).shared.map((shared) => shared.id)).toEqual([list.id]);
    expect(await prisma.auditEvent.count({ where: { action: "access_request.approved", details: { equals: { organizationId: villeurbanne.id } } } })).toBe(1);
  });

  test("a password reset sets a new password and ends every session", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const { token: sessionToken } = await createSession(user.id, { twoFactorVerified: false });
    await requestPasswordReset(user.email, {});
    await backgroundJobsIdle();
    const reset = await prisma.accountToken.findFirstOrThrow({ where: { purpose: "PASSWORD_RESET", userId: user.id } });
    expect(reset).toBeTruthy();
    // The token itself is only in the email; find it by making one we know.
    const { randomString, hashSecret } = await import("./tokens.server.ts");
    const known = randomString(32);
    await prisma.accountToken.update({ where: { id: reset.id }, data: { tokenHash: Buffer.from(hashSecret(known)) } });
    expect((await resetPassword(known, "a brand new passphrase")).kind).toBe("accepted");
    expect(await validateSessionToken(sessionToken)).toBeNull();
    expect((await resetPassword(known, "a brand new passphrase")).kind).toBe("invalid-link");
  });

  test("asking to reset an unknown account does nothing visible", async () => {
    expect(await requestPasswordReset("nobody@example.org", {})).toBeUndefined();
    await backgroundJobsIdle();
    expect(await prisma.accountToken.count({ where: { email: "nobody@example.org" } })).toBe(0);
  });
});

describe("changes of trust end sessions", () => {
  test("14.14 changing the password ends every other session and gives this one a new id", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const here = await createSession(user.id, { twoFactorVerified: false });
    const elsewhere = await createSession(user.id, { twoFactorVerified: false });
    const result = await changePassword(user, here.session, { current: "a long and unusual test password", next: "another long passphrase" });
    if (result.kind !== "changed") throw new Error(result.kind);
    expect(result.endedSessions).toBe(1);
    expect(result.session.id).not.toBe(here.session.id);
    expect(await validateSessionToken(here.token)).toBeNull();
    expect(await validateSessionToken(elsewhere.token)).toBeNull();
    expect(await validateSessionToken(result.token)).not.toBeNull();
    expect((await changePassword(user, result.session, { current: "wrong", next: "x".repeat(20) })).kind).toBe("wrong-current");
  });

  test("19 password change attempts are limited: wrong current passwords lock the form, for longer each time", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    const { session } = await createSession(user.id, { twoFactorVerified: false });
    const t0 = new Date("2026-11-28T12:00:00Z");
    const change = (current: string, at: Date) => changePassword(user, session, { current, next: "another long passphrase" }, "203.0.113.5", at);
    for (let attempt = 0; attempt < 5; attempt++) expect((await change("not my password", t0)).kind).toBe("wrong-current");
    expect(await change("a long and unusual test password", t0)).toEqual({ kind: "throttled", retryAfterSeconds: 60 });
    const afterLock = new Date(t0.getTime() + 60_000);
    expect((await change("not my password", afterLock)).kind).toBe("wrong-current");
    expect(await change("a long and unusual test password", afterLock)).toEqual({ kind: "throttled", retryAfterSeconds: 120 });
    expect((await change("a long and unusual test password", new Date(t0.getTime() + 180_000))).kind).toBe("changed");
  });

  test("14.14 any change of roles by an admin ends every session of that user", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const user = await createStaffUser({ roles: ["moderator"] });
    const first = await createSession(user.id, { twoFactorVerified: true });
    expect(await setUserRoles(user.id, ["moderator"], admin)).toEqual({ endedSessions: 0 });
    expect(await validateSessionToken(first.token)).not.toBeNull();
    expect(await setUserRoles(user.id, ["moderator", "caseworker"], admin)).toEqual({ endedSessions: 1 });
    expect(await validateSessionToken(first.token)).toBeNull();
    const second = await createSession(user.id, { twoFactorVerified: true });
    expect(await setUserRoles(user.id, ["caseworker"], admin)).toEqual({ endedSessions: 1 });
    expect(await validateSessionToken(second.token)).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "role.changed", targetId: user.id } })).toBe(2);
  });

  test("disabling an account, or an admin ending its sessions, signs it out everywhere", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const user = await createStaffUser({ roles: ["caseworker"] });
    const first = await createSession(user.id, { twoFactorVerified: false });
    expect(await endAllSessions(user.id, admin)).toBe(1);
    expect(await validateSessionToken(first.token)).toBeNull();
    const second = await createSession(user.id, { twoFactorVerified: false });
    await setUserDisabled(user.id, true, admin);
    expect(await validateSessionToken(second.token)).toBeNull();
  });
});

describe("staff organizations", () => {
  test("admins create and rename them (names are unique), and put people in them, each step audited", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const input = StaffOrganizationSchema.parse({ name: "  Leeds Youth Team ", country: "gb", kind: "SOCIAL_SERVICES" });
    expect(input).toEqual({ name: "Leeds Youth Team", country: "GB", kind: "SOCIAL_SERVICES" });
    expect(StaffOrganizationSchema.safeParse({ name: "X Team", country: "ZZ", kind: "SCHOOL" }).success).toBe(false);
    const created = await createStaffOrganization(input, admin);
    if (created.kind !== "saved") throw new Error(created.kind);
    expect(await createStaffOrganization(input, admin)).toEqual({ kind: "name-taken" });
    const other = await createStaffOrganization({ ...input, name: "Bradford Youth Team" }, admin);
    expect(await updateStaffOrganization(created.id, { ...input, name: "Bradford Youth Team" }, admin)).toEqual({ kind: "name-taken" });
    expect(await updateStaffOrganization(crypto.randomUUID(), input, admin)).toEqual({ kind: "not-found" });
    expect(other.kind).toBe("saved");

    const caseworker = await createStaffUser({ roles: ["caseworker"] });
    expect(await setUserOrganization(caseworker.id, crypto.randomUUID(), admin)).toBe(false);
    expect(await setUserOrganization(caseworker.id, created.id, admin)).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: caseworker.id } })).organizationId).toBe(created.id);
    expect(await prisma.auditEvent.findMany({ where: { actorId: admin.id, action: { in: ["organization.created", "user.organization_changed"] } }, orderBy: { id: "asc" }, select: { action: true, targetId: true } })).toEqual([
      { action: "organization.created", targetId: created.id },
      { action: "organization.created", targetId: other.kind === "saved" ? other.id : "" },
      { action: "user.organization_changed", targetId: caseworker.id },
    ]);
  });
});
