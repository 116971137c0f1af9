import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { sendMail } from "./mail.server.ts";
import { hashPassword, passwordProblem } from "./passwords.server.ts";
import { invalidateUserSessions } from "./sessions.server.ts";
import { hashSecret, randomString } from "./tokens.server.ts";
import type { RoleName } from "./permissions.ts";

// One-time links: an invitation to become staff (72 hours), or a password
// reset (1 hour). The token has 160 bits of randomness; only its hash is stored.

const HOUR = 3_600_000;
export const INVITATION_LIFETIME_MS = 72 * HOUR;
export const PASSWORD_RESET_LIFETIME_MS = 1 * HOUR;

type Actor = { id: string; email: string };

function newToken() {
  const token = randomString(32);
  return { token, tokenHash: Buffer.from(hashSecret(token)) };
}

export type CreatedLink = { id: string; path: string; delivery: "sent" | "not-configured" };

export async function createInvitation(
  input: { email: string; roles: RoleName[]; organizationId?: string | null },
  actor: Actor,
  options: { origin: string; clientAddress?: string | null; now?: Date },
): Promise<CreatedLink> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const { token, tokenHash } = newToken();
  const invitation = await prisma.accountToken.create({
    data: {
      purpose: "INVITATION",
      email,
      roles: input.roles,
      organizationId: input.organizationId ?? null,
      tokenHash,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      createdById: actor.id,
      createdAt: now,
    },
  });
  await recordAudit({
    action: "invitation.created",
    actor,
    targetType: "invitation",
    targetId: invitation.id,
    clientAddress: options.clientAddress,
    details: { email, roles: input.roles, organizationId: input.organizationId ?? null },
  });
  const path = `/invitations/${token}`;
  const delivery = await sendMail({
    to: email,
    subject: "Your invitation to Signpost",
    text: `You have been invited to join Signpost as ${input.roles.join(" and ")}.\n\nOpen this link within 72 hours to choose your password:\n${options.origin}${path}\n`,
  });
  return { id: invitation.id, path, delivery };
}

export async function listPendingInvitations(now = new Date()) {
  return prisma.accountToken.findMany({
    where: { purpose: "INVITATION", usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true } }, organization: { select: { name: true } } },
  });
}

export async function revokeInvitation(id: string, actor: Actor, clientAddress?: string | null) {
  const result = await prisma.accountToken.updateMany({
    where: { id, purpose: "INVITATION", usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 1) {
    await recordAudit({ action: "invitation.revoked", actor, targetType: "invitation", targetId: id, clientAddress });
  }
  return result.count === 1;
}

/** The usable token behind a link, or null when it is unknown, used, revoked or expired. */
export async function findUsableToken(token: string, purpose: "INVITATION" | "PASSWORD_RESET", now = new Date()) {
  if (!/^[a-z2-9]{32}$/.test(token)) return null;
  const row = await prisma.accountToken.findUnique({ where: { tokenHash: Buffer.from(hashSecret(token)) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.revokedAt || row.expiresAt <= now) return null;
  return row;
}

export type AcceptResult = { kind: "accepted"; userId: string } | { kind: "invalid-link" } | { kind: "bad-password"; message: string };

/** Accepting creates the account (or adds the roles to an existing one) and uses up the link. */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  clientAddress?: string | null,
  now = new Date(),
): Promise<AcceptResult> {
  const invitation = await findUsableToken(token, "INVITATION", now);
  if (!invitation) return { kind: "invalid-link" };
  const problem = passwordProblem(input.password);
  if (problem) return { kind: "bad-password", message: problem };
  const passwordHash = await hashPassword(input.password);

  const userId = await prisma.$transaction(async (tx) => {
    const claimed = await tx.accountToken.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return null;
    const user = await tx.user.upsert({
      where: { email: invitation.email },
      create: { email: invitation.email, name: input.name, passwordHash, passwordChangedAt: now },
      update: { name: input.name, passwordHash, passwordChangedAt: now },
    });
    // The admin who invited chose the organization; nothing the person typed counts.
    if (invitation.organizationId) {
      await tx.user.update({ where: { id: user.id }, data: { organizationId: invitation.organizationId } });
    }
    const roles = await tx.role.findMany({ where: { name: { in: invitation.roles } } });
    await tx.userRole.createMany({ data: roles.map((role) => ({ userId: user.id, roleId: role.id })), skipDuplicates: true });
    await tx.accountToken.update({ where: { id: invitation.id }, data: { userId: user.id } });
    await recordAudit(
      {
        action: "invitation.accepted",
        actor: { id: user.id, email: user.email },
        targetType: "invitation",
        targetId: invitation.id,
        clientAddress,
        details: { roles: invitation.roles },
      },
      tx,
    );
    return user.id;
  });
  return userId ? { kind: "accepted", userId } : { kind: "invalid-link" };
}

/**
 * Starts a password reset. Always looks the same to the requester, whether or
 * not the account exists; the link goes by email, or to the development log.
 */
export async function requestPasswordReset(emailInput: string, options: { origin: string; clientAddress?: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const email = emailInput.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.disabledAt || !user.passwordHash) return;
  const { token, tokenHash } = newToken();
  const reset = await prisma.accountToken.create({
    data: {
      purpose: "PASSWORD_RESET",
      email,
      roles: [],
      tokenHash,
      userId: user.id,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS),
      createdAt: now,
    },
  });
  await recordAudit({ action: "password.reset_requested", targetType: "user", targetId: user.id, clientAddress: options.clientAddress });
  await sendMail({
    to: email,
    subject: "Reset your Signpost password",
    text: `Someone asked to reset the password of your Signpost account. If it was you, open this link within an hour:\n${options.origin}/reset-password/${token}\n\nIf it was not you, ignore this email.`,
  });
  return reset.id;
}

export async function resetPassword(token: string, password: string, clientAddress?: string | null, now = new Date()): Promise<AcceptResult> {
  const reset = await findUsableToken(token, "PASSWORD_RESET", now);
  if (!reset?.userId) return { kind: "invalid-link" };
  const problem = passwordProblem(password);
  if (problem) return { kind: "bad-password", message: problem };
  const passwordHash = await hashPassword(password);
  const claimed = await prisma.accountToken.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
  if (claimed.count !== 1) return { kind: "invalid-link" };
  await prisma.user.update({ where: { id: reset.userId }, data: { passwordHash, passwordChangedAt: now } });
  await invalidateUserSessions(reset.userId);
  await recordAudit({ action: "password.reset", targetType: "user", targetId: reset.userId, clientAddress });
  return { kind: "accepted", userId: reset.userId };
}
