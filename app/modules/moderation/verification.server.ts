import { announceDirectoryChange } from "#app/public-page-cache.server.ts";
import { prisma } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import type { Actor } from "./revisions.server.ts";
import { VERIFICATION_METHODS, VERIFICATION_OUTCOMES } from "./options.ts";

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

/** Published listings whose check is due (never checked counts as due), the most overdue first. */
export async function listDueVerifications(now = new Date()) {
  return prisma.service.findMany({
    where: {
      status: "PUBLISHED",
      OR: [{ nextVerificationDueAt: { lte: now } }, { nextVerificationDueAt: null }],
    },
    orderBy: [{ nextVerificationDueAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, slug: true, lastVerifiedAt: true, nextVerificationDueAt: true },
  });
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
