import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { submitReport, submitSuggestion } from "./feedback.server.ts";
import { loadQueue, nextQueueItemFor, resolveQueueItem, takeQueueItem } from "./queue.server.ts";
import { submitRevision } from "./revisions.server.ts";
import { currentListing } from "./snapshot.server.ts";

beforeEach(async () => {
  await clearDirectory();
  await prisma.serviceSuggestion.deleteMany();
});

test("unsafe reports come first, then revisions, caseworkers' reports, anonymous ones, suggestions and checks due", async () => {
  const moderator = await createStaffUser({ roles: ["moderator"] });
  await createListing({ slug: "one", name: "One", lastVerifiedAt: new Date("2026-11-01") });
  await createListing({ slug: "two", name: "Two" });
  const one = await prisma.service.findUniqueOrThrow({ where: { slug: "one" } });
  await prisma.service.update({ where: { id: one.id }, data: { nextVerificationDueAt: new Date("2027-05-01") } });
  const two = await prisma.service.findUniqueOrThrow({ where: { slug: "two" } });

  await submitSuggestion({ name: "A new helpline", description: "Heard about it at school." });
  await submitReport(one.id, { reason: "WRONG_CONTACT" });
  await submitReport(one.id, { reason: "CLOSED", fromCaseworker: true });
  await submitRevision({ serviceId: one.id, baseNumber: 0, listing: await currentListing(one.id), reason: "tidy", author: moderator });
  await submitReport(two.id, { reason: "UNSAFE", details: "The number reaches an adult stranger" });

  const queue = await loadQueue(new Date("2026-12-01"));
  expect(queue.items.map((item) => [item.type, item.title, item.reason ?? item.detail.split(":")[0]!.replace(/ by .*/, "")])).toEqual([
    ["report", "Two", "UNSAFE"],
    ["revision", "One", "EDIT #1"],
    ["report", "One", "CLOSED"],
    ["report", "One", "WRONG_CONTACT"],
    ["suggestion", "A new helpline", "Heard about it at school."],
    ["verification", "Two", "never verified"],
  ]);
  expect(queue.unsafe).toBe(1);
  expect(queue.counts).toEqual({ report: 3, revision: 1, suggestion: 1, verification: 1 });
});

test("a moderator takes an item and resolves it with a note, which leaves the queue", async () => {
  const moderator = await createStaffUser({ roles: ["moderator"] });
  await createListing({ slug: "three" });
  const service = await prisma.service.findUniqueOrThrow({ where: { slug: "three" } });
  const reportId = await submitReport(service.id, { reason: "OTHER", details: "Website is down" });
  expect(await takeQueueItem("report", reportId, moderator)).toBe(true);
  expect((await loadQueue()).items.find((item) => item.id === reportId)).toMatchObject({ status: "TAKEN", assigneeId: moderator.id });
  expect(await resolveQueueItem("report", reportId, moderator, "Website back up; checked")).toBe(true);
  expect((await loadQueue()).items.find((item) => item.id === reportId)).toBeUndefined();
  expect(await prisma.auditEvent.count({ where: { targetId: reportId, action: { in: ["queue.taken", "queue.resolved"] } } })).toBe(2);
});

test("23.6 checks due in the queue: the most overdue first, never-checked after them, none shown as decades old", async () => {
  await createListing({ slug: "never", name: "Never checked" });
  await createListing({ slug: "late", name: "Late" });
  await createListing({ slug: "very-late", name: "Very late" });
  await prisma.service.update({ where: { slug: "late" }, data: { nextVerificationDueAt: new Date("2026-11-01") } });
  await prisma.service.update({ where: { slug: "very-late" }, data: { nextVerificationDueAt: new Date("2025-07-14") } });
  const queue = await loadQueue(new Date("2026-12-01"));
  const checks = queue.items.filter((item) => item.type === "verification");
  expect(checks.map((item) => [item.title, item.check])).toEqual([
    ["Very late", { kind: "due", dueAt: new Date("2025-07-14"), daysOverdue: 505 }],
    ["Late", { kind: "due", dueAt: new Date("2026-11-01"), daysOverdue: 30 }],
    ["Never checked", { kind: "never" }],
  ]);
});

test("23.11 next item: after handling one, the next item this moderator can act on, never their own revision", async () => {
  const me = await createStaffUser({ roles: ["moderator"] });
  const colleague = await createStaffUser({ roles: ["moderator"] });
  await createListing({ slug: "mine", name: "Mine" });
  await createListing({ slug: "theirs", name: "Theirs" });
  const mine = await prisma.service.findUniqueOrThrow({ where: { slug: "mine" } });
  const theirs = await prisma.service.findUniqueOrThrow({ where: { slug: "theirs" } });
  const own = await submitRevision({ serviceId: mine.id, baseNumber: 0, listing: await currentListing(mine.id), reason: "mine", author: me });
  const other = await submitRevision({ serviceId: theirs.id, baseNumber: 0, listing: await currentListing(theirs.id), reason: "theirs", author: colleague });
  if (own.kind !== "saved" || other.kind !== "saved") throw new Error("not saved");
  const taken = await submitReport(theirs.id, { reason: "CLOSED" });
  await takeQueueItem("report", taken, colleague);
  const open = await submitReport(theirs.id, { reason: "OTHER", details: "Website is down" });

  expect(await nextQueueItemFor(me)).toMatchObject({ type: "revision", id: other.revisionId });
  expect(await nextQueueItemFor(me, { except: { type: "revision", id: other.revisionId } })).toMatchObject({ type: "report", id: open });
  expect(await nextQueueItemFor(colleague)).toMatchObject({ type: "revision", id: own.revisionId });
});
