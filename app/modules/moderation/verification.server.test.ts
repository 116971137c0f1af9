import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { VerificationError, addMonths, listDueVerifications, recordVerification, verificationNotice } from "./verification.server.ts";

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
