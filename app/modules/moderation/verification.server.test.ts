import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { buildListing, clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { approveRevisionAndFollowUp } from "./approval.server.ts";
import { submitRevision } from "./revisions.server.ts";
import {
  VerificationError,
  addMonths,
  checkState,
  listDueVerifications,
  listListingsByCheck,
  recordVerification,
  verificationNotice,
  type ListingCheckFilter,
} from "./verification.server.ts";

beforeEach(async () => {
  await clearDirectory();
});

describe("due dates", () => {
  test("months are added by the calendar, clamped to the month's end", () => {
    expect(addMonths(new Date("2026-01-15T10:00:00Z"), 6).toISOString()).toBe("2026-07-15T10:00:00.000Z");
    expect(addMonths(new Date("2026-08-31T00:00:00Z"), 6).toISOString()).toBe("2027-02-28T00:00:00.000Z");
  });

  test("a confirmed check sets last verified and the next due date; other outcomes keep it due", async () => {
    const moderator = await createStaffUser({ roles: ["moderator"] });
    await createListing({ slug: "a" });
    const service = await prisma.service.findUniqueOrThrow({ where: { slug: "a" } });
    const checkedAt = new Date("2026-11-01T09:00:00Z");

    await recordVerification(service.id, { verifiedAt: checkedAt, method: "PHONE_CALL", outcome: "UNREACHABLE" }, moderator);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).lastVerifiedAt).toBeNull();
    expect((await listDueVerifications(checkedAt)).map((row) => row.slug)).toEqual(["a"]);

    await recordVerification(service.id, { verifiedAt: checkedAt, method: "PHONE_CALL", outcome: "CONFIRMED", notes: "Spoke to the manager" }, moderator);
    const checked = await prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(checked.lastVerifiedAt).toEqual(checkedAt);
    expect(checked.nextVerificationDueAt).toEqual(new Date("2027-05-01T09:00:00Z"));
    expect(await listDueVerifications(new Date("2027-04-30T00:00:00Z"))).toEqual([]);
    expect((await listDueVerifications(new Date("2027-05-02T00:00:00Z"))).map((row) => row.slug)).toEqual(["a"]);
    expect(await prisma.verification.count({ where: { serviceId: service.id } })).toBe(2);
  });

  test("the interval can be set per listing", async () => {
    const moderator = await createStaffUser({ roles: ["moderator"] });
    await createListing({ slug: "b" });
    const service = await prisma.service.findUniqueOrThrow({ where: { slug: "b" } });
    await recordVerification(service.id, { verifiedAt: new Date("2026-11-01T00:00:00Z"), method: "WEBSITE", outcome: "CONFIRMED", notes: "Their website lists the same hours", intervalMonths: 3 }, moderator);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).nextVerificationDueAt).toEqual(new Date("2027-02-01T00:00:00Z"));
  });
});

describe("a check is accountable", () => {
  test("19 verification: marking a listing checked needs a note of what was checked, and the audit log shows who, when and the new due date", async () => {
    const moderator = await createStaffUser({ roles: ["moderator"] });
    await createListing({ slug: "c" });
    const service = await prisma.service.findUniqueOrThrow({ where: { slug: "c" } });
    const checkedAt = new Date("2026-11-01T09:00:00Z");
    for (const notes of [undefined, "", "   ok   "]) {
      await expect(recordVerification(service.id, { verifiedAt: checkedAt, method: "WEBSITE", outcome: "CONFIRMED", notes }, moderator)).rejects.toBeInstanceOf(VerificationError);
    }
    await expect(
      recordVerification(service.id, { verifiedAt: new Date(Date.now() + 86_400_000), method: "WEBSITE", outcome: "CONFIRMED", notes: "Checked tomorrow, supposedly" }, moderator),
    ).rejects.toBeInstanceOf(VerificationError);
    expect(await prisma.verification.count({ where: { serviceId: service.id } })).toBe(0);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: service.id } })).lastVerifiedAt).toBeNull();

    await recordVerification(service.id, { verifiedAt: checkedAt, method: "PHONE_CALL", outcome: "CONFIRMED", notes: "Called; same number and hours" }, moderator);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "verification.recorded", targetId: service.id } });
    expect(event).toMatchObject({ actorId: moderator.id, actorEmail: moderator.email });
    expect(event.details).toEqual({ method: "PHONE_CALL", outcome: "CONFIRMED", verifiedAt: checkedAt.toISOString(), nextVerificationDueAt: "2027-05-01T09:00:00.000Z" });
  });
});

describe("what the public sees", () => {
  test("months since the last check, and a warning once past due plus the grace period", () => {
    const service = { lastVerifiedAt: new Date("2026-01-10T00:00:00Z"), nextVerificationDueAt: new Date("2026-07-10T00:00:00Z") };
    expect(verificationNotice(service, new Date("2026-03-09T00:00:00Z"), 30)).toEqual({ monthsAgo: 1, overdue: false });
    expect(verificationNotice(service, new Date("2026-08-09T00:00:00Z"), 30)).toEqual({ monthsAgo: 6, overdue: false });
    expect(verificationNotice(service, new Date("2026-08-10T00:00:01Z"), 30)).toEqual({ monthsAgo: 7, overdue: true });
    expect(verificationNotice({ lastVerifiedAt: null, nextVerificationDueAt: null }, new Date(), 30)).toEqual({ monthsAgo: null, overdue: false });
  });
});

describe("23.6 overdue checks are findable", () => {
  const now = new Date("2026-12-01T00:00:00Z");

  async function listingDue(slug: string, nextVerificationDueAt: Date | null, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") {
    await createListing({ slug, name: slug, status });
    return prisma.service.update({ where: { slug }, data: { nextVerificationDueAt } });
  }

  test("23.6 a listing's check is never checked, due (with how overdue) or upcoming (with its date)", () => {
    expect(checkState({ nextVerificationDueAt: null }, now)).toEqual({ kind: "never" });
    expect(checkState({ nextVerificationDueAt: new Date("2025-07-14T00:00:00Z") }, now)).toEqual({ kind: "due", dueAt: new Date("2025-07-14T00:00:00Z"), daysOverdue: 505 });
    expect(checkState({ nextVerificationDueAt: new Date("2027-01-01T00:00:00Z") }, now)).toEqual({ kind: "upcoming", dueAt: new Date("2027-01-01T00:00:00Z") });
  });

  test("23.6 checks due: the most overdue first, then the never-checked as their own group", async () => {
    await listingDue("never-a", null);
    await listingDue("a-little-late", new Date("2026-11-20T00:00:00Z"));
    await listingDue("very-late", new Date("2025-07-14T00:00:00Z"));
    await listingDue("not-yet", new Date("2027-03-01T00:00:00Z"));
    await listingDue("draft", null, "DRAFT");
    const due = await listDueVerifications(now);
    expect(due.map((row) => [row.slug, row.state.kind])).toEqual([
      ["very-late", "due"],
      ["a-little-late", "due"],
      ["never-a", "never"],
    ]);
    expect(due[0]!.state).toMatchObject({ daysOverdue: 505 });
  });

  test("23.6 the listings page sorts by next check and filters overdue / never checked / due in 30 days", async () => {
    await listingDue("never-b", null);
    await listingDue("late", new Date("2026-06-01T00:00:00Z"));
    await listingDue("soon", new Date("2026-12-20T00:00:00Z"));
    await listingDue("later", new Date("2027-06-01T00:00:00Z"));
    const slugs = async (check: ListingCheckFilter) => (await listListingsByCheck({ check }, now)).map((row) => row.slug);
    expect(await slugs("all")).toEqual(["late", "never-b", "soon", "later"]);
    expect(await slugs("overdue")).toEqual(["late"]);
    expect(await slugs("never")).toEqual(["never-b"]);
    expect(await slugs("due-30-days")).toEqual(["soon"]);
    expect((await listListingsByCheck({ check: "all" }, now)).find((row) => row.slug === "never-b")!.state).toEqual({ kind: "never" });
  });

  test("23.6 a newly approved listing's first check is due one interval after approval, not at once", async () => {
    const author = await createStaffUser({ roles: ["moderator"] });
    const reviewer = await createStaffUser({ roles: ["moderator"] });
    const saved = await submitRevision({ serviceId: null, baseNumber: 0, listing: buildListing({ slug: "brand-new" }), reason: "new service", author });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    const before = new Date();
    await approveRevisionAndFollowUp(saved.revisionId, reviewer);
    const service = await prisma.service.findUniqueOrThrow({ where: { slug: "brand-new" } });
    expect(service.status).toBe("PUBLISHED");
    expect(service.lastVerifiedAt).toBeNull();
    expect(service.nextVerificationDueAt!.getTime()).toBeGreaterThanOrEqual(addMonths(before, 6).getTime());
    expect(service.nextVerificationDueAt!.getTime()).toBeLessThanOrEqual(addMonths(new Date(), 6).getTime());
    expect((await listDueVerifications()).map((row) => row.slug)).not.toContain("brand-new");
  });
});
