import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { submitReport, submitSuggestion } from "./feedback.server.ts";
import { loadQueue, resolveQueueItem, takeQueueItem } from "./queue.server.ts";
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
  expect(queue.items.map((item) => [item.type, item.title, item.detail.split(":")[0]!.replace(/ by .*/, "")])).toEqual([
    ["report", "Two", "UNSAFE"],
    ["revision", "One", "EDIT #1"],
    ["report", "One", "CLOSED (caseworker)"],
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
