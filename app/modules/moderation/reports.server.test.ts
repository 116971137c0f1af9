import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { approveRevisionAndFollowUp } from "./approval.server.ts";
import { submitReport } from "./feedback.server.ts";
import { loadQueue } from "./queue.server.ts";
import { getReportForEditor, linkReportToRevision } from "./reports.server.ts";
import { rejectRevision, submitRevision } from "./revisions.server.ts";
import { currentListing } from "./snapshot.server.ts";

// A report and the revision that fixes it: opened from the queue, the report
// shows above the editor; the saved edit is linked to it; the approval closes it.

beforeEach(async () => {
  await clearDirectory();
});

async function wrongNumberReport() {
  await createListing({ slug: "helpline", name: "Helpline" });
  const service = await prisma.service.findUniqueOrThrow({ where: { slug: "helpline" } });
  const reportId = await submitReport(service.id, { reason: "WRONG_CONTACT", details: "The number rings a closed office", fromCaseworker: true });
  return { service, reportId };
}

async function saveFix(serviceId: string, author: { id: string; email: string }) {
  const listing = (await currentListing(serviceId))!;
  const saved = await submitRevision({ serviceId, baseNumber: 0, listing: { ...listing, costNote: "Free to call" }, reason: "number fixed", author });
  if (saved.kind !== "saved") throw new Error(saved.kind);
  return saved;
}

test("23.7 the queue opens a report in the editor with the report, and names its reason in words", async () => {
  const { service, reportId } = await wrongNumberReport();
  const item = (await loadQueue()).items.find((row) => row.id === reportId)!;
  expect(item.href).toBe(`/moderation/services/${service.id}?report=${reportId}`);
  expect(item).toMatchObject({ reason: "WRONG_CONTACT", fromCaseworker: true, detail: "The number rings a closed office" });

  const report = await getReportForEditor(reportId, service.id);
  expect(report).toMatchObject({ id: reportId, reason: "WRONG_CONTACT", details: "The number rings a closed office", fromCaseworker: true, revision: null });
  // Another listing's editor does not show it.
  await createListing({ slug: "other" });
  const other = await prisma.service.findUniqueOrThrow({ where: { slug: "other" } });
  expect(await getReportForEditor(reportId, other.id)).toBeNull();
});

test("23.7 saving from a report links the revision; approving it resolves the report with a note naming the revision, audited", async () => {
  const author = await createStaffUser({ roles: ["moderator"] });
  const reviewer = await createStaffUser({ roles: ["moderator"] });
  const { service, reportId } = await wrongNumberReport();
  const saved = await saveFix(service.id, author);

  expect(await linkReportToRevision(reportId, { serviceId: service.id, number: saved.number }, author)).toBe(true);
  expect(await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ revisionId: saved.revisionId, status: "TAKEN", assigneeId: author.id });
  expect((await getReportForEditor(reportId, service.id))!.revision).toMatchObject({ id: saved.revisionId, number: saved.number, status: "PENDING" });
  const queued = (await loadQueue()).items.find((row) => row.id === reportId)!;
  expect(queued.fixRevision).toMatchObject({ id: saved.revisionId, number: saved.number });

  await approveRevisionAndFollowUp(saved.revisionId, reviewer);
  const report = await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId } });
  expect(report).toMatchObject({ status: "RESOLVED", resolvedById: reviewer.id, revisionId: saved.revisionId });
  expect(report.resolutionNote).toContain(`revision #${saved.number}`);
  const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "report.resolved_by_revision", targetId: reportId } });
  expect(audit).toMatchObject({ actorId: reviewer.id });
  expect(audit.details).toMatchObject({ revisionId: saved.revisionId, number: saved.number });
  expect((await loadQueue()).items.find((row) => row.id === reportId)).toBeUndefined();
});

test("23.7 a rejected fix leaves the report open; a report cannot be linked to another listing's revision", async () => {
  const author = await createStaffUser({ roles: ["moderator"] });
  const reviewer = await createStaffUser({ roles: ["moderator"] });
  const { service, reportId } = await wrongNumberReport();
  const saved = await saveFix(service.id, author);
  await createListing({ slug: "elsewhere" });
  const elsewhere = await prisma.service.findUniqueOrThrow({ where: { slug: "elsewhere" } });
  expect(await linkReportToRevision(reportId, { serviceId: elsewhere.id, number: saved.number }, author)).toBe(false);

  expect(await linkReportToRevision(reportId, { serviceId: service.id, number: saved.number }, author)).toBe(true);
  await rejectRevision(saved.revisionId, reviewer, "Wrong number again");
  expect(await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({ status: "TAKEN" });
});
