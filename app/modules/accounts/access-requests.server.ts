import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { createInvitation } from "./invitations.server.ts";

// The public "request caseworker access" form feeds an admin queue; approving
// a request sends the person a caseworker invitation.

type Actor = { id: string; email: string };

export async function submitAccessRequest(
  input: { name: string; organizationName: string; email: string; reason: string },
  clientAddress?: string | null,
) {
  const request = await prisma.accessRequest.create({
    data: { ...input, email: input.email.trim().toLowerCase() },
  });
  await recordAudit({ action: "access_request.submitted", targetType: "access_request", targetId: request.id, clientAddress });
  return request.id;
}

export async function listPendingAccessRequests() {
  return prisma.accessRequest.findMany({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" } });
}

export async function decideAccessRequest(
  id: string,
  decision: "approve" | "decline",
  actor: Actor,
  options: { clientAddress?: string | null } = {},
) {
  const now = new Date();
  const claimed = await prisma.accessRequest.updateMany({
    where: { id, status: "PENDING" },
    data: { status: decision === "approve" ? "APPROVED" : "DECLINED", decidedAt: now, decidedById: actor.id },
  });
  if (claimed.count !== 1) return null;
  const request = await prisma.accessRequest.findUniqueOrThrow({ where: { id } });
  await recordAudit({
    action: decision === "approve" ? "access_request.approved" : "access_request.declined",
    actor,
    targetType: "access_request",
    targetId: id,
    clientAddress: options.clientAddress,
  });
  if (decision === "decline") return { invitation: null };
  // The organization is copied onto the account when the invitation is accepted.
  const invitation = await createInvitation({ email: request.email, roles: ["caseworker"] }, actor, options);
  return { invitation };
}
