import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { createInvitation } from "./invitations.server.ts";
import { staffOrganizationExists } from "./staff-organizations.server.ts";

// The public "request caseworker access" form feeds an admin queue. A request
// names an organization from the list, or describes one in a note; either way
// it only asks. Approving sends a caseworker invitation into the organization
// the admin confirms, which is what makes the person a member.

type Actor = { id: string; email: string };

export type AccessRequestInput = { name: string; organizationId: string | null; organizationNote: string | null; email: string; reason: string };

/** The request's id, or null when the chosen organization does not exist. */
export async function submitAccessRequest(input: AccessRequestInput, clientAddress?: string | null) {
  if (input.organizationId && !(await staffOrganizationExists(input.organizationId))) return null;
  const request = await prisma.accessRequest.create({
    data: { ...input, email: input.email.trim().toLowerCase() },
  });
  await recordAudit({ action: "access_request.submitted", targetType: "access_request", targetId: request.id, clientAddress });
  return request.id;
}

export async function listPendingAccessRequests() {
  return prisma.accessRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    include: { organization: { select: { id: true, name: true, country: true } } },
  });
}

export type AccessDecision = { decision: "approve"; organizationId: string | null } | { decision: "decline" };

export async function decideAccessRequest(
  id: string,
  decision: AccessDecision,
  actor: Actor,
  options: { clientAddress?: string | null } = {},
) {
  const organizationId = decision.decision === "approve" ? decision.organizationId : null;
  if (organizationId && !(await staffOrganizationExists(organizationId))) return { kind: "unknown-organization" as const };
  const now = new Date();
  const claimed = await prisma.accessRequest.updateMany({
    where: { id, status: "PENDING" },
    data: { status: decision.decision === "approve" ? "APPROVED" : "DECLINED", decidedAt: now, decidedById: actor.id },
  });
  if (claimed.count !== 1) return { kind: "not-pending" as const };
  const request = await prisma.accessRequest.findUniqueOrThrow({ where: { id } });
  await recordAudit({
    action: decision.decision === "approve" ? "access_request.approved" : "access_request.declined",
    actor,
    targetType: "access_request",
    targetId: id,
    clientAddress: options.clientAddress,
    ...(decision.decision === "approve" ? { details: { organizationId } } : {}),
  });
  if (decision.decision === "decline") return { kind: "decided" as const, invitation: null };
  const invitation = await createInvitation({ email: request.email, roles: ["caseworker"], organizationId }, actor, options);
  return { kind: "decided" as const, invitation };
}
