import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser, buildListing } from "#tests/factories.ts";
import { getPublishedService } from "#app/modules/directory/service-summary.server.ts";
import type { ListingInput } from "#app/modules/directory/listing.server.ts";
import {
  ARCHIVES_WITHOUT_REVIEW,
  ModerationError,
  approveRevision,
  archiveService,
  getRevisionForReview,
  latestRevisionNumber,
  rejectRevision,
  requestUnarchive,
  restoreRevision,
  submitRevision,
} from "./revisions.server.ts";
import { currentListing } from "./snapshot.server.ts";

let moderatorA: { id: string; email: string };
let moderatorB: { id: string; email: string };
let admin: { id: string; email: string };

beforeEach(async () => {
  await clearDirectory();
  moderatorA = await createStaffUser({ roles: ["moderator"] });
  moderatorB = await createStaffUser({ roles: ["moderator"] });
  admin = await createStaffUser({ roles: ["admin"] });
});

async function publishedListing(overrides: Partial<ListingInput> = {}) {
  const listing = await createListing({ slug: "helpline", name: "Helpline", contactChannels: [{ kind: "PHONE", value: "0800 111 111" }], ...overrides });
  const service = await prisma.service.findUniqueOrThrow({ where: { slug: listing.slug } });
  return { listing, serviceId: service.id };
}

function withPhone(listing: ListingInput, phone: string): ListingInput {
  return { ...listing, contactChannels: [{ kind: "PHONE", value: phone }] };
}

async function publicPhone(slug = "helpline") {
  return (await getPublishedService(slug, new Date()))?.contacts[0]?.value;
}

async function expectRefused(promise: Promise<unknown>, code: ModerationError["code"]) {
  await expect(promise).rejects.toBeInstanceOf(ModerationError);
  await expect(promise).rejects.toMatchObject({ code });
}

describe("an edit goes live only when a second moderator approves it", () => {
  test("pending → approved by another moderator publishes the change", async () => {
    const { listing, serviceId } = await publishedListing();
    const saved = await submitRevision({ serviceId, baseNumber: 0, listing: withPhone(listing, "0800 222 222"), reason: "New number", author: moderatorA });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    expect(await publicPhone()).toBe("0800 111 111");

    const review = await getRevisionForReview(saved.revisionId);
    expect(review?.changes).toEqual([{ key: "contact:PHONE:0800222222", label: "Phone number", before: "0800 111 111", after: "0800 222 222", sensitive: true }]);

    await approveRevision(saved.revisionId, moderatorB, "Checked on their website");
    expect(await publicPhone()).toBe("0800 222 222");
    const revision = await prisma.revision.findUniqueOrThrow({ where: { id: saved.revisionId } });
    expect(revision).toMatchObject({ status: "APPROVED", reviewerId: moderatorB.id, reviewComment: "Checked on their website" });
  });

  test("nobody approves their own revision, not even an admin", async () => {
    const { listing, serviceId } = await publishedListing();
    const byA = await submitRevision({ serviceId, baseNumber: 0, listing: withPhone(listing, "0800 333 333"), reason: "x", author: moderatorA });
    if (byA.kind !== "saved") throw new Error(byA.kind);
    await expectRefused(approveRevision(byA.revisionId, moderatorA), "self-approval");
    expect(await publicPhone()).toBe("0800 111 111");

    const byAdmin = await submitRevision({ serviceId, baseNumber: 1, listing: withPhone(listing, "0800 444 444"), reason: "y", author: admin });
    if (byAdmin.kind !== "saved") throw new Error(byAdmin.kind);
    await expectRefused(approveRevision(byAdmin.revisionId, admin), "self-approval");
    await approveRevision(byAdmin.revisionId, moderatorA);
    expect(await publicPhone()).toBe("0800 444 444");
  });

  test("a rejected revision changes nothing and cannot be approved afterwards", async () => {
    const { listing, serviceId } = await publishedListing();
    const saved = await submitRevision({ serviceId, baseNumber: 0, listing: withPhone(listing, "0900 666 666"), reason: "x", author: moderatorA });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    await rejectRevision(saved.revisionId, moderatorB, "This is a premium-rate number");
    await expectRefused(approveRevision(saved.revisionId, moderatorB), "not-pending");
    await expectRefused(rejectRevision(saved.revisionId, moderatorB, "again"), "not-pending");
    expect(await publicPhone()).toBe("0800 111 111");
  });

  test("a newer revision supersedes an older pending one, which can no longer be approved", async () => {
    const { listing, serviceId } = await publishedListing();
    const first = await submitRevision({ serviceId, baseNumber: 0, listing: withPhone(listing, "0800 555 001"), reason: "a", author: moderatorA });
    const second = await submitRevision({ serviceId, baseNumber: 1, listing: withPhone(listing, "0800 555 002"), reason: "b", author: moderatorB });
    if (first.kind !== "saved" || second.kind !== "saved") throw new Error("not saved");
    expect((await prisma.revision.findUniqueOrThrow({ where: { id: first.revisionId } })).status).toBe("SUPERSEDED");
    await expectRefused(approveRevision(first.revisionId, moderatorB), "not-pending");
    await approveRevision(second.revisionId, moderatorA);
    expect(await publicPhone()).toBe("0800 555 002");
  });

  test("an invalid listing is refused with each problem, and nothing is saved", async () => {
    const { listing, serviceId } = await publishedListing();
    const result = await submitRevision({
      serviceId,
      baseNumber: 0,
      listing: { ...listing, name: "", contactChannels: [{ kind: "PHONE", value: "" }] },
      reason: "x",
      author: moderatorA,
    });
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["name", "contactChannels[0].value"]));
    expect(await latestRevisionNumber(serviceId)).toBe(0);
  });
});

describe("23.1 a review shows exactly what the revision changed", () => {
  test("re-ordered opening hours are no change; the phone change comes first; the page reads the same after approval", async () => {
    const { listing, serviceId } = await publishedListing({
      timezone: "Europe/London",
      hours: [
        { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" },
        { days: [6], opens: "10:00", closes: "14:00" },
      ],
      locations: [{ name: "Centre", address: "1 High Street", locality: "Leeds", country: "GB", latitude: 53.8, longitude: -1.55 }],
    });
    const reordered: ListingInput = {
      ...withPhone(listing, "0800 999 999"),
      hours: [
        { days: [6], opens: "10:00", closes: "14:00" },
        { days: [5, 4, 3, 2, 1], opens: "09:00", closes: "17:00" },
      ],
      safety: { ...listing.safety!, maximumAge: 17 },
      locations: [{ name: "Centre", address: "1 High Street", locality: "Leeds", country: "GB", latitude: 53.81, longitude: -1.55 }],
    };
    const saved = await submitRevision({ serviceId, baseNumber: 0, listing: reordered, reason: "New number", author: moderatorA });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    const before = (await getRevisionForReview(saved.revisionId))!.changes;
    expect(before.map((change) => change.label)).toEqual(["Phone number", "Maximum age", "Places to visit"]);
    expect(before[0]).toMatchObject({ before: "0800 111 111", after: "0800 999 999", sensitive: true });
    // Coordinates and ages are not contact details.
    expect(before.slice(1).every((change) => !change.sensitive)).toBe(true);

    await approveRevision(saved.revisionId, moderatorB);
    expect((await getRevisionForReview(saved.revisionId))!.changes).toEqual(before);
  });

  test("codes read as words and days as names", async () => {
    const { listing, serviceId } = await publishedListing();
    const saved = await submitRevision({
      serviceId,
      baseNumber: 0,
      listing: { ...listing, timezone: "Europe/London", hours: [{ days: [1, 3], opens: "09:00", closes: "12:00" }], safety: { ...listing.safety!, tellsPolice: "ONLY_IF_SOMEONE_IS_AT_RISK" } },
      reason: "Hours",
      author: moderatorA,
    });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    const changes = (await getRevisionForReview(saved.revisionId))!.changes;
    const text = changes.map((change) => `${change.label}: ${change.after}`).join("\n");
    expect(text).toContain("Opening hours: Monday, Wednesday 09:00–12:00");
    expect(text).not.toMatch(/ONLY_IF|contactChannels\[|hours\[/);
  });
});

describe("two moderators editing the same listing", () => {
  test("the second save gets a conflict with what differs, and nothing is overwritten", async () => {
    const { listing, serviceId } = await publishedListing();
    const base = await latestRevisionNumber(serviceId);
    const first = await submitRevision({ serviceId, baseNumber: base, listing: withPhone(listing, "0800 777 001"), reason: "A's edit", author: moderatorA });
    expect(first.kind).toBe("saved");
    const second = await submitRevision({ serviceId, baseNumber: base, listing: { ...listing, name: "Helpline (B's name)" }, reason: "B's edit", author: moderatorB });
    expect(second.kind).toBe("conflict");
    if (second.kind !== "conflict") return;
    expect(second.latestNumber).toBe(1);
    expect(second.changes.map((change) => change.label).sort()).toEqual(["Name", "Phone number"]);
    expect(await prisma.revision.count({ where: { serviceId } })).toBe(1);
  });
});

describe("restore and archive", () => {
  test("restoring an earlier revision proposes it again, for review", async () => {
    const { listing, serviceId } = await publishedListing();
    const one = await submitRevision({ serviceId, baseNumber: 0, listing: withPhone(listing, "0800 100 001"), reason: "1", author: moderatorA });
    if (one.kind !== "saved") throw new Error(one.kind);
    await approveRevision(one.revisionId, moderatorB);
    const two = await submitRevision({ serviceId, baseNumber: 1, listing: withPhone(listing, "0800 100 002"), reason: "2", author: moderatorA });
    if (two.kind !== "saved") throw new Error(two.kind);
    await approveRevision(two.revisionId, moderatorB);

    const restored = await restoreRevision(one.revisionId, moderatorB, "Revision 2 was wrong");
    expect(restored).toMatchObject({ kind: "RESTORE", status: "PENDING", number: 3, restoredFromId: one.revisionId });
    expect(await publicPhone()).toBe("0800 100 002");
    await expectRefused(approveRevision(restored.id, moderatorB), "self-approval");
    await approveRevision(restored.id, moderatorA);
    expect(await publicPhone()).toBe("0800 100 001");
  });

  test("one moderator takes a listing down at once; putting it back needs a second", async () => {
    const { serviceId } = await publishedListing();
    await archiveService(serviceId, moderatorA, "The number now reaches someone else");
    expect(await getPublishedService("helpline", new Date())).toBeNull();
    const archive = await prisma.revision.findFirstOrThrow({ where: { serviceId, kind: "ARCHIVE" } });
    expect(archive.status).toBe("APPROVED");
    expect(await prisma.auditEvent.count({ where: { action: "service.archived", targetId: serviceId } })).toBe(1);
    await expectRefused(archiveService(serviceId, moderatorB, "again"), "already-archived");

    const unarchive = await requestUnarchive(serviceId, moderatorA, "Number fixed");
    expect(await getPublishedService("helpline", new Date())).toBeNull();
    await expectRefused(approveRevision(unarchive.id, moderatorA), "self-approval");
    await approveRevision(unarchive.id, moderatorB);
    expect(await getPublishedService("helpline", new Date())).not.toBeNull();
  });

  test("23.9 the moderator asked to put a listing back sees why it was taken down, and the open reports", async () => {
    const { serviceId } = await publishedListing();
    await prisma.listingReport.create({ data: { serviceId, reason: "WRONG_CONTACT", details: "The number reaches a shop" } });
    await archiveService(serviceId, moderatorA, "The number now reaches someone else");
    const unarchive = await requestUnarchive(serviceId, moderatorA, "Number fixed");
    const review = (await getRevisionForReview(unarchive.id))!;
    expect(review.context.takedown).toMatchObject({ reason: "The number now reaches someone else" });
    expect(review.context.reports.map((report) => `${report.reasonLabel}: ${report.details}`)).toEqual([
      "The phone number, email or link is wrong: The number reaches a shop",
    ]);
  });

  test("approving an edit of an archived listing keeps it down", async () => {
    const { listing, serviceId } = await publishedListing();
    await archiveService(serviceId, moderatorA, "unsafe");
    const edit = await submitRevision({ serviceId, baseNumber: 1, listing: withPhone(listing, "0800 999 999"), reason: "fix", author: moderatorA });
    if (edit.kind !== "saved") throw new Error(edit.kind);
    await approveRevision(edit.revisionId, moderatorB);
    expect((await prisma.service.findUniqueOrThrow({ where: { id: serviceId } })).status).toBe("ARCHIVED");
  });
});

describe("taking many listings down", () => {
  async function publishedListings(count: number) {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) ids.push((await publishedListing({ slug: `listing-${index}`, name: `Listing ${index}` })).serviceId);
    return ids;
  }
  async function status(serviceId: string) {
    return (await prisma.service.findUniqueOrThrow({ where: { id: serviceId } })).status;
  }

  test("19 bulk archive: past ARCHIVES_WITHOUT_REVIEW take-downs in a day, a moderator's next one waits for a second moderator", async () => {
    const ids = await publishedListings(ARCHIVES_WITHOUT_REVIEW + 2);
    for (const id of ids.slice(0, ARCHIVES_WITHOUT_REVIEW)) expect(await archiveService(id, moderatorA, "Numbers dead")).toEqual({ kind: "archived" });
    const next = ids[ARCHIVES_WITHOUT_REVIEW]!;
    const request = await archiveService(next, moderatorA, "Numbers dead");
    expect(request.kind).toBe("requested");
    if (request.kind !== "requested") return;
    expect(await status(next)).toBe("PUBLISHED");
    expect(await prisma.revision.findUniqueOrThrow({ where: { id: request.revisionId } })).toMatchObject({ kind: "ARCHIVE", status: "PENDING", authorId: moderatorA.id });
    expect(await prisma.auditEvent.count({ where: { action: "service.archive_requested", actorId: moderatorA.id, targetId: request.revisionId } })).toBe(1);

    await expectRefused(approveRevision(request.revisionId, moderatorA), "self-approval");
    await approveRevision(request.revisionId, moderatorB);
    expect(await status(next)).toBe("ARCHIVED");
    expect(await getPublishedService("listing-3", new Date())).toBeNull();
    // Another moderator's own allowance is untouched: an urgent take-down still happens at once.
    expect(await archiveService(ids[ARCHIVES_WITHOUT_REVIEW + 1]!, moderatorB, "Unsafe")).toEqual({ kind: "archived" });
  });

  test("19 bulk archive: take-downs sent all at once by one moderator still stop at the limit", async () => {
    const ids = await publishedListings(ARCHIVES_WITHOUT_REVIEW + 3);
    const results = await Promise.all(ids.map((id) => archiveService(id, moderatorA, "All at once")));
    expect(results.filter((result) => result.kind === "archived")).toHaveLength(ARCHIVES_WITHOUT_REVIEW);
    expect(results.filter((result) => result.kind === "requested")).toHaveLength(3);
  });
});

describe("new listings", () => {
  test("a new listing is a draft nobody sees until a second moderator approves it", async () => {
    const draft = buildListing({ slug: "new-service", name: "New service", status: "DRAFT" });
    const saved = await submitRevision({ serviceId: null, baseNumber: 0, listing: draft, reason: "Found on a partner's list", author: moderatorA });
    if (saved.kind !== "saved") throw new Error(saved.kind);
    expect(await getPublishedService("new-service", new Date())).toBeNull();
    expect((await getRevisionForReview(saved.revisionId))?.changes.length).toBeGreaterThan(5);
    await approveRevision(saved.revisionId, moderatorB);
    expect((await getPublishedService("new-service", new Date()))?.name).toBe("New service");
    expect(await currentListing(saved.serviceId)).toMatchObject({ slug: "new-service", status: "PUBLISHED" });
  });

  test("a draft does not change the organization it joins until approved", async () => {
    await publishedListing({ organization: { slug: "shared-org", name: "Shared organization" } });
    const draft = buildListing({ slug: "another", organization: { slug: "shared-org", name: "Renamed by a draft" } });
    await submitRevision({ serviceId: null, baseNumber: 0, listing: draft, reason: "x", author: moderatorA });
    expect((await prisma.organization.findUniqueOrThrow({ where: { slug: "shared-org" } })).name).toBe("Shared organization");
  });

  test("a slug already in use is refused", async () => {
    await publishedListing();
    const result = await submitRevision({ serviceId: null, baseNumber: 0, listing: buildListing({ slug: "helpline" }), reason: "x", author: moderatorA });
    expect(result).toMatchObject({ kind: "invalid", issues: [{ path: "slug" }] });
  });
});
