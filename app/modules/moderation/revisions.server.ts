import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { recordAudit } from "#app/modules/accounts/audit.server.ts";
import { announceDirectoryChange } from "#app/public-page-cache.server.ts";
import { ListingSchema, canonicalListing, checkListing, saveListing, type ListingInput } from "#app/modules/directory/listing.server.ts";
import { en } from "#app/modules/i18n/messages.en.ts";
import { diffListings, type FieldChange } from "./diff.ts";
import { currentListing } from "./snapshot.server.ts";
import { issuePath } from "#app/validation.server.ts";

// Four-eyes publishing. Every change is a revision (a complete snapshot, its
// author, time and reason). What the public sees changes only when a second
// moderator approves, except taking a listing down, which one moderator can do
// at once (a few times a day: see ARCHIVES_WITHOUT_REVIEW) and which is undone
// only through review.

/**
 * Take-downs one moderator may make at once in ARCHIVE_WINDOW_MS; past that,
 * each one waits for a second moderator, so that one account (or one stolen
 * session) cannot empty the directory, while an urgent take-down stays quick.
 */
export const ARCHIVES_WITHOUT_REVIEW = 3;
export const ARCHIVE_WINDOW_MS = 24 * 3_600_000;

export type Actor = { id: string; email: string };

export class ModerationError extends Error {
  constructor(
    readonly code: "not-found" | "not-pending" | "self-approval" | "slug-taken" | "not-archived" | "already-archived",
    message: string,
  ) {
    super(message);
  }
}

export type SubmitResult =
  | { kind: "saved"; revisionId: string; serviceId: string; number: number }
  | { kind: "invalid"; issues: { path: string; message: string }[] }
  | { kind: "conflict"; latestNumber: number; latestAuthor: string; changes: FieldChange[] };

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

async function lockService(tx: Prisma.TransactionClient, serviceId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM service WHERE id = ${serviceId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new ModerationError("not-found", "No such listing.");
}

async function latestRevision(tx: Prisma.TransactionClient, serviceId: string) {
  return tx.revision.findFirst({ where: { serviceId }, orderBy: { number: "desc" }, include: { author: true } });
}

async function addRevision(
  tx: Prisma.TransactionClient,
  data: {
    serviceId: string;
    number: number;
    kind: Prisma.RevisionCreateManyInput["kind"];
    status?: "PENDING" | "APPROVED";
    snapshot: ListingInput;
    /** What the public sees now (null for a new listing): the revision's changes are read against it. */
    baseSnapshot: ListingInput | null;
    reason: string;
    authorId: string;
    restoredFromId?: string;
  },
) {
  // A newer proposal replaces any older one still waiting for review.
  if ((data.status ?? "PENDING") === "PENDING") {
    await tx.revision.updateMany({ where: { serviceId: data.serviceId, status: "PENDING" }, data: { status: "SUPERSEDED" } });
  }
  return tx.revision.create({
    data: {
      serviceId: data.serviceId,
      number: data.number,
      kind: data.kind,
      status: data.status ?? "PENDING",
      snapshot: data.snapshot as Prisma.InputJsonValue,
      baseSnapshot: data.baseSnapshot === null ? Prisma.DbNull : (data.baseSnapshot as Prisma.InputJsonValue),
      reason: data.reason,
      authorId: data.authorId,
      restoredFromId: data.restoredFromId ?? null,
      ...(data.status === "APPROVED" ? { reviewedAt: new Date() } : {}),
    },
  });
}

/**
 * Saves an edit (or a new listing when serviceId is null) as a revision for
 * review. `baseNumber` is the revision the editor started from: if someone
 * saved since, nothing is written and the caller gets what differs.
 */
export async function submitRevision(input: {
  serviceId: string | null;
  baseNumber: number;
  listing: unknown;
  reason: string;
  author: Actor;
}, inTransaction?: Prisma.TransactionClient): Promise<SubmitResult> {
  const parsed = checkListing(input.listing);
  if (!parsed.success) return { kind: "invalid", issues: issuesOf(parsed.error) };
  const snapshot = canonicalListing(input.listing as ListingInput);

  // An import submits many revisions in one transaction of its own.
  const submit = async (tx: Prisma.TransactionClient): Promise<SubmitResult> => {
    let serviceId = input.serviceId;
    if (!serviceId) {
      if (await tx.service.findUnique({ where: { slug: parsed.data.slug } })) {
        return { kind: "invalid", issues: [{ path: "slug", message: "Another listing already uses this address name." }] };
      }
      serviceId = await createDraftShell(tx, parsed.data);
    } else {
      await lockService(tx, serviceId);
      const clash = await tx.service.findFirst({ where: { slug: parsed.data.slug, id: { not: serviceId } } });
      if (clash) return { kind: "invalid", issues: [{ path: "slug", message: "Another listing already uses this address name." }] };
    }
    const latest = await latestRevision(tx, serviceId);
    const latestNumber = latest?.number ?? 0;
    if (input.serviceId && latestNumber !== input.baseNumber) {
      return {
        kind: "conflict",
        latestNumber,
        latestAuthor: latest?.author.name ?? "",
        changes: diffListings((latest?.snapshot as ListingInput | undefined) ?? (await currentListing(serviceId)), snapshot),
      };
    }
    const revision = await addRevision(tx, {
      serviceId,
      number: latestNumber + 1,
      kind: input.serviceId ? "EDIT" : "CREATE",
      snapshot,
      baseSnapshot: input.serviceId ? await currentListing(serviceId) : null,
      reason: input.reason,
      authorId: input.author.id,
    });
    await recordAudit(
      { action: "revision.submitted", actor: input.author, targetType: "revision", targetId: revision.id, details: { serviceId, number: revision.number } },
      tx,
    );
    return { kind: "saved", revisionId: revision.id, serviceId, number: revision.number };
  };
  return inTransaction ? submit(inTransaction) : prisma.$transaction(submit);
}

// A new listing exists as a DRAFT row from its first revision, so revisions
// can point at it; the public never sees drafts. An existing organization is
// linked, not changed: its details change only through an approved revision.
async function createDraftShell(tx: Prisma.TransactionClient, listing: ReturnType<typeof ListingSchema.parse>) {
  const organization = await tx.organization.upsert({
    where: { slug: listing.organization.slug },
    create: { slug: listing.organization.slug, name: listing.organization.name },
    update: {},
  });
  const service = await tx.service.create({
    data: {
      slug: listing.slug,
      organizationId: organization.id,
      name: listing.name,
      shortDescription: listing.shortDescription,
      description: listing.description,
      sourceUrl: listing.sourceUrl,
      status: "DRAFT",
    },
  });
  return service.id;
}

export async function approveRevision(revisionId: string, reviewer: Actor, comment?: string) {
  await prisma.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!revision) throw new ModerationError("not-found", "No such revision.");
    await lockService(tx, revision.serviceId);
    const fresh = await tx.revision.findUniqueOrThrow({ where: { id: revisionId } });
    if (fresh.status !== "PENDING") throw new ModerationError("not-pending", "This revision is no longer waiting for review.");
    if (fresh.authorId === reviewer.id) {
      throw new ModerationError("self-approval", "You cannot approve your own revision: a second moderator must check it.");
    }
    const service = await tx.service.findUniqueOrThrow({ where: { id: fresh.serviceId } });
    const status = fresh.kind === "ARCHIVE" ? "ARCHIVED" : fresh.kind === "UNARCHIVE" || service.status !== "ARCHIVED" ? "PUBLISHED" : "ARCHIVED";
    const snapshot = fresh.snapshot as ListingInput;
    await saveListing({ ...snapshot, status, lastVerifiedAt: service.lastVerifiedAt ?? undefined }, { serviceId: service.id, tx });
    await tx.revision.update({
      where: { id: revisionId },
      data: { status: "APPROVED", reviewerId: reviewer.id, reviewComment: comment ?? null, reviewedAt: new Date() },
    });
    await recordAudit(
      { action: "revision.approved", actor: reviewer, targetType: "revision", targetId: revisionId, details: { serviceId: service.id, number: fresh.number, comment: comment ?? null } },
      tx,
    );
    if (fresh.kind === "ARCHIVE") {
      await recordAudit({ action: "service.archived", actor: reviewer, targetType: "service", targetId: service.id, details: { reason: fresh.reason, revision: fresh.number, requestedBy: fresh.authorId } }, tx);
    }
  });
  announceDirectoryChange();
}

export async function rejectRevision(revisionId: string, reviewer: Actor, comment: string) {
  const updated = await prisma.revision.updateMany({
    where: { id: revisionId, status: "PENDING" },
    data: { status: "REJECTED", reviewerId: reviewer.id, reviewComment: comment, reviewedAt: new Date() },
  });
  if (updated.count !== 1) throw new ModerationError("not-pending", "This revision is no longer waiting for review.");
  await recordAudit({ action: "revision.rejected", actor: reviewer, targetType: "revision", targetId: revisionId, details: { comment } });
}

/** Proposes an earlier revision's content again, as a new revision that goes through review. */
export async function restoreRevision(revisionId: string, author: Actor, reason: string) {
  return prisma.$transaction(async (tx) => {
    const old = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!old) throw new ModerationError("not-found", "No such revision.");
    await lockService(tx, old.serviceId);
    const latest = await latestRevision(tx, old.serviceId);
    const revision = await addRevision(tx, {
      serviceId: old.serviceId,
      number: (latest?.number ?? 0) + 1,
      kind: "RESTORE",
      snapshot: old.snapshot as ListingInput,
      baseSnapshot: await currentListing(old.serviceId),
      reason,
      authorId: author.id,
      restoredFromId: old.id,
    });
    await recordAudit(
      { action: "revision.restored", actor: author, targetType: "revision", targetId: revision.id, details: { restoredFrom: old.number } },
      tx,
    );
    return revision;
  });
}

export type ArchiveResult = { kind: "archived" } | { kind: "requested"; revisionId: string };

/**
 * Takes a listing down at once (one moderator is enough for safety), recorded
 * as an approved revision; past the moderator's allowance, proposes it instead.
 */
export async function archiveService(serviceId: string, moderator: Actor, reason: string, now = new Date()): Promise<ArchiveResult> {
  const result = await prisma.$transaction(async (tx): Promise<ArchiveResult> => {
    // One moderator's take-downs are counted one at a time, so that parallel requests cannot all slip under the limit.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`archive:${moderator.id}`}, 0))`;
    await lockService(tx, serviceId);
    const service = await tx.service.findUniqueOrThrow({ where: { id: serviceId } });
    if (service.status === "ARCHIVED") throw new ModerationError("already-archived", "This listing is already taken down.");
    const snapshot = (await currentListing(serviceId))!;
    const unreviewed = await tx.revision.count({
      where: { authorId: moderator.id, kind: "ARCHIVE", status: "APPROVED", reviewerId: null, createdAt: { gt: new Date(now.getTime() - ARCHIVE_WINDOW_MS) } },
    });
    const atOnce = unreviewed < ARCHIVES_WITHOUT_REVIEW;
    if (atOnce) await tx.service.update({ where: { id: serviceId }, data: { status: "ARCHIVED" } });
    const latest = await latestRevision(tx, serviceId);
    const revision = await addRevision(tx, {
      serviceId,
      number: (latest?.number ?? 0) + 1,
      kind: "ARCHIVE",
      status: atOnce ? "APPROVED" : "PENDING",
      snapshot: { ...snapshot, status: "ARCHIVED" },
      baseSnapshot: snapshot,
      reason,
      authorId: moderator.id,
    });
    if (!atOnce) {
      await recordAudit({ action: "service.archive_requested", actor: moderator, targetType: "revision", targetId: revision.id, details: { serviceId } }, tx);
      return { kind: "requested", revisionId: revision.id };
    }
    await recordAudit({ action: "service.archived", actor: moderator, targetType: "service", targetId: serviceId, details: { reason, revision: revision.number } }, tx);
    return { kind: "archived" };
  });
  if (result.kind === "archived") announceDirectoryChange();
  return result;
}

/** Putting an archived listing back needs a second moderator, like any other change. */
export async function requestUnarchive(serviceId: string, moderator: Actor, reason: string) {
  return prisma.$transaction(async (tx) => {
    await lockService(tx, serviceId);
    const service = await tx.service.findUniqueOrThrow({ where: { id: serviceId } });
    if (service.status !== "ARCHIVED") throw new ModerationError("not-archived", "This listing is not taken down.");
    const snapshot = (await currentListing(serviceId))!;
    const latest = await latestRevision(tx, serviceId);
    const revision = await addRevision(tx, {
      serviceId,
      number: (latest?.number ?? 0) + 1,
      kind: "UNARCHIVE",
      snapshot: { ...snapshot, status: "PUBLISHED" },
      baseSnapshot: snapshot,
      reason,
      authorId: moderator.id,
    });
    await recordAudit({ action: "service.unarchive_requested", actor: moderator, targetType: "revision", targetId: revision.id }, tx);
    return revision;
  });
}

export async function getRevisionForReview(revisionId: string) {
  const revision = await prisma.revision.findUnique({
    where: { id: revisionId },
    include: { author: { select: { id: true, name: true, email: true } }, reviewer: { select: { name: true } }, service: { select: { id: true, slug: true, name: true, status: true } } },
  });
  if (!revision) return null;
  // Read against the version it was written for, so the page says the same before and after approval.
  let base = revision.baseSnapshot as ListingInput | null;
  let baseKnown = revision.kind === "CREATE" || base !== null;
  if (!baseKnown && revision.status === "PENDING") {
    // Written before revisions kept their base: what the public sees now is what it would replace.
    base = await currentListing(revision.serviceId);
    baseKnown = true;
  }
  return { revision, changes: diffListings(base, revision.snapshot as ListingInput), baseKnown, context: await reviewContext(revision) };
}

/**
 * What the reviewer must know beyond the fields: for a request to put a
 * listing back, why it was taken down; for any change, the reports still open
 * on the listing (an edit may be the fix for one).
 */
async function reviewContext(revision: { serviceId: string; number: number; kind: string }) {
  const takedown =
    revision.kind === "UNARCHIVE"
      ? await prisma.revision.findFirst({
          where: { serviceId: revision.serviceId, kind: "ARCHIVE", number: { lt: revision.number } },
          orderBy: { number: "desc" },
          select: { reason: true, createdAt: true, author: { select: { name: true } } },
        })
      : null;
  const reports = await prisma.listingReport.findMany({
    where: { serviceId: revision.serviceId, status: { not: "RESOLVED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, reason: true, details: true, fromCaseworker: true, createdAt: true },
  });
  return {
    takedown: takedown ? { reason: takedown.reason, at: takedown.createdAt, by: takedown.author.name } : null,
    reports: reports.map((report) => ({ ...report, reasonLabel: (en as Record<string, string>)[`report.reason.${report.reason}`] ?? report.reason })),
  };
}

export async function listRevisions(serviceId: string) {
  return prisma.revision.findMany({
    where: { serviceId },
    orderBy: { number: "desc" },
    include: { author: { select: { name: true } }, reviewer: { select: { name: true } } },
  });
}

export async function listPendingRevisions() {
  return prisma.revision.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true } }, service: { select: { name: true, slug: true } } },
  });
}

/** The revision number an editor works against: the latest one, or 0 for a listing never edited here. */
export async function latestRevisionNumber(serviceId: string): Promise<number> {
  const latest = await prisma.revision.findFirst({ where: { serviceId }, orderBy: { number: "desc" }, select: { number: true } });
  return latest?.number ?? 0;
}
