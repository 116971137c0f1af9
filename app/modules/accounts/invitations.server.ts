import { runAfterResponse } from "#app/background-jobs.server.ts";
import { prisma } from "#app/db.server.ts";
import { publicOrigin } from "#app/env.server.ts";
import { recordAudit } from "./audit.server.ts";
import { deliverMail, sendMailAfterResponse, type Delivery } from "./mail.server.ts";
import { hashPassword, passwordProblem } from "./passwords.server.ts";
import { invalidateUserSessions } from "./sessions.server.ts";
import { hashSecret, randomString } from "./tokens.server.ts";
import type { RoleName } from "./permissions.ts";

// One-time links: an invitation to become staff (72 hours), or a password
// reset (1 hour). The token has 160 bits of randomness; only its hash is stored.
// Links start with the configured PUBLIC_URL, never the request's Host header.
// An invitation only ever creates an account: it never touches an existing one.

const HOUR = 3_600_000;
export const INVITATION_LIFETIME_MS = 72 * HOUR;
export const PASSWORD_RESET_LIFETIME_MS = 1 * HOUR;

type Actor = { id: string; email: string };

function newToken() {
  const token = randomString(32);
  return { token, tokenHash: Buffer.from(hashSecret(token)) };
}

export type InvitationResult =
  | { kind: "created"; id: string; link: string; delivery: Delivery }
  /** That email has an account already: change its roles on its page instead. */
  | { kind: "account-exists"; userId: string };

export async function createInvitation(
  input: { email: string; roles: RoleName[]; organizationId?: string | null },
  actor: Actor,
  options: { clientAddress?: string | null; now?: Date } = {},
): Promise<InvitationResult> {
  const now = options.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { kind: "account-exists", userId: existing.id };
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
  const link = `${publicOrigin()}/invitations/${token}`;
  const delivery = sendMailAfterResponse({
    to: email,
    subject: "Your invitation to Signpost",
    text: `You have been invited to join Signpost as ${input.roles.join(" and ")}.\n\nOpen this link within 72 hours to choose your password:\n${link}\n`,
  });
  return { kind: "created", id: invitation.id, link, delivery };
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

/**
 * Accepting creates the account and uses up the link. When an account with
 * that email came to exist after the invitation was made, nothing changes:
 * whoever holds the link must not set that person's password.
 */
export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  clientAddress?: string | null,
  now = new Date(),
): Promise<AcceptResult | { kind: "account-exists" }> {
  const invitation = await findUsableToken(token, "INVITATION", now);
  if (!invitation) return { kind: "invalid-link" };
  if (await prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) return { kind: "account-exists" };
  const problem = passwordProblem(input.password);
  if (problem) return { kind: "bad-password", message: problem };
  const passwordHash = await hashPassword(input.password);

  const outcome = await prisma.$transaction(async (tx): Promise<AcceptResult | { kind: "account-exists" }> => {
    const claimed = await tx.accountToken.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return { kind: "invalid-link" };
    // Insert only: an account made since the check above is left alone (and the link is spent).
    const [user] = await tx.user.createManyAndReturn({
      data: [{ email: invitation.email, name: input.name, passwordHash, passwordChangedAt: now }],
      skipDuplicates: true,
    });
    if (!user) return { kind: "account-exists" };
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
    return { kind: "accepted", userId: user.id };
  });
  return outcome;
}

/**
 * Starts a password reset. The answer is the same whether or not the account
 * exists, and so is the work done before it: everything that depends on the
 * account (looking it up, the link, the email) runs after the response.
 */
export async function requestPasswordReset(emailInput: string, options: { clientAddress?: string | null; now?: Date }): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  runAfterResponse("password-reset", () => sendPasswordReset(email, options.clientAddress ?? null, options.now ?? new Date()));
}

async function sendPasswordReset(email: string, clientAddress: string | null, now: Date) {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.disabledAt || !user.passwordHash) return;
  const { token, tokenHash } = newToken();
  await prisma.accountToken.create({
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
  await recordAudit({ action: "password.reset_requested", targetType: "user", targetId: user.id, clientAddress });
  await deliverMail({
    to: email,
    subject: "Reset your Signpost password",
    text: `Someone asked to reset the password of your Signpost account. If it was you, open this link within an hour:\n${publicOrigin()}/reset-password/${token}\n\nIf it was not you, ignore this email.`,
  });
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
