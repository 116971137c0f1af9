import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import type { Actor } from "./revisions.server.ts";

// A report and its fix: a moderator opens a report from the queue in the
// editor, the revision they save is linked to it, and the second moderator's
// approval resolves it with a note naming that revision.

/** The report shown above the editor; null when it is not about this listing. */
export async function getReportForEditor(reportId: string, serviceId: string) {
  return prisma.listingReport.findFirst({
    where: { id: reportId, serviceId },
    select: {
      id: true,
      reason: true,
      details: true,
      fromCaseworker: true,
      createdAt: true,
      status: true,
      revision: { select: { id: true, number: true, status: true } },
    },
  });
}

/**
 * Links the revision just saved from a report to that report, and takes the
 * report for its author. False when the report is resolved or about another listing.
 */
export async function linkReportToRevision(reportId: string, revision: { serviceId: string; number: number }, moderator: Actor): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const saved = await tx.revision.findUnique({ where: { serviceId_number: revision }, select: { id: true, number: true } });
    if (!saved) return false;
    const linked = await tx.listingReport.updateMany({
      where: { id: reportId, serviceId: revision.serviceId, status: { not: "RESOLVED" } },
      data: { revisionId: saved.id, status: "TAKEN", assigneeId: moderator.id },
    });
    if (linked.count !== 1) return false;
    await recordAudit({ action: "report.linked", actor: moderator, targetType: "report", targetId: reportId, details: { revisionId: saved.id, number: saved.number } }, tx);
    return true;
  });
}

/** On approval: every open report this revision was written to fix is resolved, naming it. */
export async function resolveReportsFixedBy(revision: { id: string; number: number }, reviewer: Actor, tx: Prisma.TransactionClient) {
  const reports = await tx.listingReport.findMany({ where: { revisionId: revision.id, status: { not: "RESOLVED" } }, select: { id: true } });
  const note = `Fixed by revision #${revision.number}, approved by a second moderator.`;
  for (const report of reports) {
    await tx.listingReport.update({
      where: { id: report.id },
      data: { status: "RESOLVED", resolvedById: reviewer.id, resolutionNote: note, resolvedAt: new Date() },
    });
    await recordAudit(
      { action: "report.resolved_by_revision", actor: reviewer, targetType: "report", targetId: report.id, details: { note, revisionId: revision.id, number: revision.number } },
      tx,
    );
  }
  return reports.length;
}

/** Reports this revision resolved when it was approved. */
export async function countReportsResolvedBy(revisionId: string) {
  return prisma.listingReport.count({ where: { revisionId, status: "RESOLVED" } });
}
