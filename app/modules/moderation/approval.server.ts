import { prisma } from "#app/db.server.ts";
import { resolveReportsFixedBy } from "./reports.server.ts";
import { approveRevision, type Actor } from "./revisions.server.ts";
import { scheduleFirstCheck } from "./verification.server.ts";

/**
 * Approving a revision, and what follows from it: the reports it fixes are
 * resolved, and a listing published for the first time gets its first check
 * date. These run right after the approval has committed; if they fail, the
 * approval stands and the report stays in the queue for a moderator to close.
 */
export async function approveRevisionAndFollowUp(revisionId: string, reviewer: Actor, comment?: string) {
  await approveRevision(revisionId, reviewer, comment);
  return prisma.$transaction(async (tx) => {
    const revision = await tx.revision.findUniqueOrThrow({ where: { id: revisionId }, select: { id: true, number: true, kind: true, serviceId: true, reviewedAt: true } });
    const resolvedReports = await resolveReportsFixedBy(revision, reviewer, tx);
    const firstCheckDueAt = revision.kind === "CREATE" ? await scheduleFirstCheck(revision.serviceId, revision.reviewedAt ?? new Date(), tx) : null;
    return { resolvedReports, firstCheckDueAt };
  });
}
