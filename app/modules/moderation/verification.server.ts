import { announceDirectoryChange } from "#app/public-page-cache.server.ts";
import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import type { Actor } from "./revisions.server.ts";
import { VERIFICATION_METHODS, VERIFICATION_OUTCOMES, type ListingCheckFilter } from "./options.ts";

// The verification cycle: each check is recorded; a successful one sets when
// the listing was last verified and when the next check is due (every six
// months unless the listing says otherwise).
//
// One moderator's "checked" is not reviewed by a second (that would double the
// work of every re-check); instead it must say what was checked, cannot be
// dated in the future, and its audit row names who, when and the new due date,
// so that checks can be sampled afterwards (docs/moderation.md).

export const MIN_CONFIRMATION_NOTE = 10;

export class VerificationError extends Error {
  constructor(
    readonly field: "notes" | "verifiedAt",
    message: string,
  ) {
    super(message);
  }
}

export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  // 31 August + 6 months is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export async function recordVerification(
  serviceId: string,
  input: {
    verifiedAt: Date;
    method: (typeof VERIFICATION_METHODS)[number];
    outcome: (typeof VERIFICATION_OUTCOMES)[number];
    notes?: string;
    intervalMonths?: number;
  },
  verifier: Actor,
) {
  if (input.verifiedAt.getTime() > Date.now()) throw new VerificationError("verifiedAt", "The date cannot be in the future.");
  if (input.outcome === "CONFIRMED" && (input.notes?.trim().length ?? 0) < MIN_CONFIRMATION_NOTE) {
    throw new VerificationError("notes", `Say what you checked and how (at least ${MIN_CONFIRMATION_NOTE} characters).`);
  }
  const recorded = await prisma.$transaction(async (tx) => {
    const service = await tx.service.findUniqueOrThrow({ where: { id: serviceId } });
    const verification = await tx.verification.create({
      data: { serviceId, verifiedAt: input.verifiedAt, method: input.method, outcome: input.outcome, notes: input.notes ?? null, verifierId: verifier.id },
    });
    const intervalMonths = input.intervalMonths ?? service.verificationIntervalMonths;
    const nextVerificationDueAt = input.outcome === "CONFIRMED" ? addMonths(input.verifiedAt, intervalMonths) : null;
    if (nextVerificationDueAt) {
      await tx.service.update({
        where: { id: serviceId },
        data: { lastVerifiedAt: input.verifiedAt, verificationIntervalMonths: intervalMonths, nextVerificationDueAt },
      });
    } else if (input.intervalMonths) {
      await tx.service.update({ where: { id: serviceId }, data: { verificationIntervalMonths: intervalMonths } });
    }
    const details = {
      method: input.method,
      outcome: input.outcome,
      verifiedAt: input.verifiedAt.toISOString(),
      ...(nextVerificationDueAt ? { nextVerificationDueAt: nextVerificationDueAt.toISOString() } : {}),
    };
    await recordAudit({ action: "verification.recorded", actor: verifier, targetType: "service", targetId: serviceId, details }, tx);
    return verification;
  });
  // The "last checked" date shows on public pages.
  announceDirectoryChange();
  return recorded;
}

export type CheckState =
  | { kind: "never" }
  | { kind: "due"; dueAt: Date; daysOverdue: number }
  | { kind: "upcoming"; dueAt: Date };

const DAY_MS = 86_400_000;

/**
 * Where a listing stands in the cycle. A listing with no due date was never
 * checked here (the demo and imported listings): its own state, not "due since
 * 1970", so that it neither hides nor outranks the listings that are late.
 */
export function checkState(service: { nextVerificationDueAt: Date | null }, now: Date): CheckState {
  const dueAt = service.nextVerificationDueAt;
  if (!dueAt) return { kind: "never" };
  if (dueAt.getTime() > now.getTime()) return { kind: "upcoming", dueAt };
  return { kind: "due", dueAt, daysOverdue: Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS) };
}

const CHECK_ROW = { id: true, name: true, slug: true, status: true, lastVerifiedAt: true, nextVerificationDueAt: true, organization: { select: { name: true } } } as const;

/** Published listings whose check is due, the most overdue first, then those never checked. */
export async function listDueVerifications(now = new Date()) {
  const [due, never] = await Promise.all([
    prisma.service.findMany({ where: { status: "PUBLISHED", nextVerificationDueAt: { lte: now } }, orderBy: [{ nextVerificationDueAt: "asc" }, { name: "asc" }], select: CHECK_ROW }),
    prisma.service.findMany({ where: { status: "PUBLISHED", nextVerificationDueAt: null }, orderBy: { name: "asc" }, select: CHECK_ROW }),
  ]);
  return [...due, ...never].map((service) => ({ ...service, state: checkState(service, now) }));
}

export type { ListingCheckFilter } from "./options.ts";

/**
 * The moderators' list of listings, by when their next check is due: the most
 * overdue first, then the never-checked, then the upcoming; drafts and
 * taken-down listings (not checked) last.
 */
export async function listListingsByCheck(filter: { q?: string; check: ListingCheckFilter }, now = new Date(), take = 200) {
  const search = filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" as const } }, { slug: { contains: filter.q.toLowerCase() } }] } : {};
  const published = { ...search, status: "PUBLISHED" as const };
  const select = CHECK_ROW;
  const byDue = [{ nextVerificationDueAt: "asc" as const }, { name: "asc" as const }];
  const in30Days = new Date(now.getTime() + 30 * DAY_MS);
  let rows;
  if (filter.check === "overdue") rows = await prisma.service.findMany({ where: { ...published, nextVerificationDueAt: { lte: now } }, orderBy: byDue, select, take });
  else if (filter.check === "never") rows = await prisma.service.findMany({ where: { ...published, nextVerificationDueAt: null }, orderBy: { name: "asc" }, select, take });
  else if (filter.check === "due-30-days") {
    rows = await prisma.service.findMany({ where: { ...published, nextVerificationDueAt: { gt: now, lte: in30Days } }, orderBy: byDue, select, take });
  } else {
    const groups = [
      () => prisma.service.findMany({ where: { ...published, nextVerificationDueAt: { lte: now } }, orderBy: byDue, select, take }),
      () => prisma.service.findMany({ where: { ...published, nextVerificationDueAt: null }, orderBy: { name: "asc" }, select, take }),
      () => prisma.service.findMany({ where: { ...published, nextVerificationDueAt: { gt: now } }, orderBy: byDue, select, take }),
      () => prisma.service.findMany({ where: { ...search, status: { not: "PUBLISHED" } }, orderBy: { name: "asc" }, select, take }),
    ];
    rows = [];
    for (const group of groups) {
      if (rows.length >= take) break;
      rows.push(...(await group()));
    }
    rows = rows.slice(0, take);
  }
  return rows.map((service) => ({ ...service, state: service.status === "PUBLISHED" ? checkState(service, now) : null }));
}

/**
 * A listing published for the first time is due its first check one interval
 * after publication, not at once: two moderators have just reviewed it against
 * its source, so it joins the cycle instead of jumping the queue. It stays
 * "not yet checked" (lastVerifiedAt is empty) until someone checks it.
 */
export async function scheduleFirstCheck(serviceId: string, publishedAt: Date, tx: Prisma.TransactionClient = prisma) {
  const service = await tx.service.findUniqueOrThrow({ where: { id: serviceId }, select: { status: true, nextVerificationDueAt: true, verificationIntervalMonths: true } });
  if (service.status !== "PUBLISHED" || service.nextVerificationDueAt) return null;
  const nextVerificationDueAt = addMonths(publishedAt, service.verificationIntervalMonths);
  await tx.service.update({ where: { id: serviceId }, data: { nextVerificationDueAt } });
  return nextVerificationDueAt;
}

export async function listVerifications(serviceId: string) {
  return prisma.verification.findMany({ where: { serviceId }, orderBy: { verifiedAt: "desc" }, include: { verifier: { select: { name: true } } } });
}

export type VerificationNotice = {
  /** Whole months since the last successful check; null when never checked. */
  monthsAgo: number | null;
  /** Past its due date and the grace period: the page shows a warning. */
  overdue: boolean;
};

export function verificationNotice(
  service: { lastVerifiedAt: Date | null; nextVerificationDueAt: Date | null },
  now: Date,
  graceDays: number,
): VerificationNotice {
  const monthsAgo = service.lastVerifiedAt
    ? Math.max(
        0,
        (now.getUTCFullYear() - service.lastVerifiedAt.getUTCFullYear()) * 12 +
          (now.getUTCMonth() - service.lastVerifiedAt.getUTCMonth()) -
          (now.getUTCDate() < service.lastVerifiedAt.getUTCDate() ? 1 : 0),
      )
    : null;
  const overdue = service.nextVerificationDueAt
    ? now.getTime() > service.nextVerificationDueAt.getTime() + graceDays * 86_400_000
    : false;
  return { monthsAgo, overdue };
}
