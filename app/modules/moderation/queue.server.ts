import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import { listPendingRevisions, type Actor } from "./revisions.server.ts";
import { listDueVerifications, type CheckState } from "./verification.server.ts";
import type { REPORT_REASONS } from "./options.ts";

// One queue for everything moderators must look at, most urgent first:
// unsafe listings, then changes waiting for a second pair of eyes, then
// reports (a caseworker's before an anonymous one), suggestions, and checks due.

export type QueueItemType = "report" | "revision" | "suggestion" | "verification";

export type QueueItem = {
  type: QueueItemType;
  id: string;
  priority: number;
  title: string;
  detail: string;
  createdAt: Date;
  status: "OPEN" | "TAKEN";
  assigneeId: string | null;
  href: string;
  /** Revisions: the author, who may not approve it. */
  authorId?: string;
  unsafe?: boolean;
  /** Reports: what is wrong (shown in words), and the revision saved to fix it. */
  reason?: (typeof REPORT_REASONS)[number];
  fromCaseworker?: boolean;
  fixRevision?: { id: string; number: number; status: string } | null;
  /** Checks: how overdue, or never checked. */
  check?: CheckState;
};

const PRIORITY = { unsafeReport: 0, revision: 1, caseworkerReport: 2, report: 3, suggestion: 4, verification: 5 };

export async function loadQueue(now = new Date()): Promise<{ items: QueueItem[]; counts: Record<QueueItemType, number>; unsafe: number }> {
  const [reports, revisions, suggestions, due] = await Promise.all([
    prisma.listingReport.findMany({
      where: { status: { not: "RESOLVED" } },
      include: { service: { select: { id: true, name: true } }, revision: { select: { id: true, number: true, status: true } } },
    }),
    listPendingRevisions(),
    prisma.serviceSuggestion.findMany({ where: { status: { not: "RESOLVED" } } }),
    listDueVerifications(now),
  ]);
  const items: QueueItem[] = [
    ...reports.map((report) => ({
      type: "report" as const,
      id: report.id,
      priority: report.reason === "UNSAFE" ? PRIORITY.unsafeReport : report.fromCaseworker ? PRIORITY.caseworkerReport : PRIORITY.report,
      title: report.service.name,
      detail: report.details ?? "",
      createdAt: report.createdAt,
      status: report.status as "OPEN" | "TAKEN",
      assigneeId: report.assigneeId,
      // The editor shows the report at the top and links what is saved from there to it.
      href: `/moderation/services/${report.service.id}?report=${report.id}`,
      unsafe: report.reason === "UNSAFE",
      reason: report.reason,
      fromCaseworker: report.fromCaseworker,
      fixRevision: report.revision,
    })),
    ...revisions.map((revision) => ({
      type: "revision" as const,
      id: revision.id,
      priority: PRIORITY.revision,
      title: revision.service.name,
      detail: `${revision.kind} #${revision.number} by ${revision.author.name}: ${revision.reason}`,
      createdAt: revision.createdAt,
      status: "OPEN" as const,
      assigneeId: null,
      href: `/moderation/revisions/${revision.id}`,
      authorId: revision.author.id,
    })),
    ...suggestions.map((suggestion) => ({
      type: "suggestion" as const,
      id: suggestion.id,
      priority: PRIORITY.suggestion,
      title: suggestion.name,
      detail: suggestion.description,
      createdAt: suggestion.createdAt,
      status: suggestion.status as "OPEN" | "TAKEN",
      assigneeId: suggestion.assigneeId,
      href: `/moderation/services/new?suggestion=${suggestion.id}`,
    })),
    ...due.map((service) => ({
      type: "verification" as const,
      id: service.id,
      priority: PRIORITY.verification,
      title: service.name,
      detail: service.lastVerifiedAt ? `last verified ${service.lastVerifiedAt.toISOString().slice(0, 10)}` : "never verified",
      createdAt: service.nextVerificationDueAt ?? now,
      status: "OPEN" as const,
      assigneeId: null,
      href: `/moderation/services/${service.id}/verify`,
      check: service.state,
    })),
  ];
  // Most urgent first; within a priority, the oldest first, and checks in
  // listDueVerifications' order (most overdue, then never checked).
  const checkOrder = new Map(due.map((service, index) => [service.id, index]));
  items.sort(
    (a, b) =>
      a.priority - b.priority ||
      (a.type === "verification" && b.type === "verification" ? checkOrder.get(a.id)! - checkOrder.get(b.id)! : 0) ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      a.id.localeCompare(b.id),
  );
  const counts = { report: reports.length, revision: revisions.length, suggestion: suggestions.length, verification: due.length };
  return { items, counts, unsafe: reports.filter((report) => report.reason === "UNSAFE").length };
}

/** Whether this moderator can act on an item: not their own revision, not a report someone else has taken. */
export function canActOn(item: QueueItem, moderatorId: string) {
  if (item.type === "revision") return item.authorId !== moderatorId;
  return item.status !== "TAKEN" || item.assigneeId === moderatorId;
}

/** The most urgent item this moderator can act on next (after handling `except`). */
export async function nextQueueItemFor(moderator: Actor, options: { except?: { type: QueueItemType; id: string } } = {}, now = new Date()) {
  const { items } = await loadQueue(now);
  return items.find((item) => canActOn(item, moderator.id) && !(item.type === options.except?.type && item.id === options.except.id)) ?? null;
}

export async function takeQueueItem(type: "report" | "suggestion", id: string, moderator: Actor) {
  const data = { status: "TAKEN" as const, assigneeId: moderator.id };
  const updated =
    type === "report"
      ? await prisma.listingReport.updateMany({ where: { id, status: { not: "RESOLVED" } }, data })
      : await prisma.serviceSuggestion.updateMany({ where: { id, status: { not: "RESOLVED" } }, data });
  if (updated.count === 1) await recordAudit({ action: "queue.taken", actor: moderator, targetType: type, targetId: id });
  return updated.count === 1;
}

export async function resolveQueueItem(type: "report" | "suggestion", id: string, moderator: Actor, note: string, draftServiceId?: string) {
  const data = { status: "RESOLVED" as const, resolvedById: moderator.id, resolutionNote: note, resolvedAt: new Date() };
  const updated =
    type === "report"
      ? await prisma.listingReport.updateMany({ where: { id, status: { not: "RESOLVED" } }, data })
      : await prisma.serviceSuggestion.updateMany({
          where: { id, status: { not: "RESOLVED" } },
          data: { ...data, ...(draftServiceId ? { draftServiceId } : {}) },
        });
  if (updated.count === 1) {
    await recordAudit({
      action: draftServiceId ? "suggestion.drafted" : "queue.resolved",
      actor: moderator,
      targetType: type,
      targetId: id,
      details: { note, ...(draftServiceId ? { draftServiceId } : {}) },
    });
  }
  return updated.count === 1;
}

export async function getSuggestion(id: string) {
  return prisma.serviceSuggestion.findUnique({ where: { id } });
}

type Suggestion = NonNullable<Awaited<ReturnType<typeof getSuggestion>>>;

/** The editor's fields a suggestion fills in; a moderator checks and completes the rest. */
export function prefillFromSuggestion(suggestion: Suggestion): Record<string, string> {
  const prefill: Record<string, string> = {
    name: suggestion.name,
    "organization.name": suggestion.organizationName ?? "",
    website: suggestion.website ?? "",
    sourceUrl: suggestion.website ?? "",
    description: suggestion.description,
  };
  const contact = suggestion.contact?.trim();
  if (contact) {
    // The contact goes in the row of its kind: an email is not a number to call.
    const kind = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact) ? "EMAIL" : /^https?:\/\//i.test(contact) ? "WEB_FORM" : /^\+?[\d\s().-]{3,}$/.test(contact) ? "PHONE" : null;
    if (kind) {
      prefill["contactChannels[0].kind"] = kind;
      prefill["contactChannels[0].value"] = contact;
    } else {
      prefill["contactChannels[0].label"] = contact;
    }
  }
  if (suggestion.country) {
    prefill["areas[0].kind"] = "COUNTRY";
    prefill["areas[0].country"] = suggestion.country;
  }
  return prefill;
}

/**
 * Claims a suggestion for the moderator drafting it, so two moderators never
 * draft the same service: false when it is drafted already, or another
 * moderator holds it.
 */
export async function claimSuggestionForDraft(id: string, moderator: Actor): Promise<boolean> {
  const claimed = await prisma.serviceSuggestion.updateMany({
    where: { id, OR: [{ status: "OPEN" }, { status: "TAKEN", assigneeId: moderator.id }] },
    data: { status: "TAKEN", assigneeId: moderator.id },
  });
  return claimed.count === 1;
}
