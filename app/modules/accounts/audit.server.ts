import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { hashClientAddress } from "./encryption.server.ts";
import type { AuditAction } from "./audit-actions.ts";

// The audit log: who did what, when, to what. Append-only (a trigger refuses
// UPDATE, DELETE and TRUNCATE). Client addresses are stored as a keyed hash.

export type AuditEntry = {
  action: AuditAction;
  actor?: { id: string; email: string } | null;
  targetType?: "user" | "session" | "invitation" | "access_request" | "service" | "revision" | "report" | "suggestion" | "referral_pack" | "saved_list" | "organization";
  targetId?: string | null;
  clientAddress?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function recordAudit(entry: AuditEntry, db: Prisma.TransactionClient = prisma) {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      clientHash: hashClientAddress(entry.clientAddress),
      ...(entry.details === undefined ? {} : { details: entry.details }),
    },
  });
}

export type AuditFilter = { action?: string; actor?: string; from?: Date; to?: Date; page: number };
export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(filter: AuditFilter) {
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
  };
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      take: AUDIT_PAGE_SIZE,
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { events, total };
}
