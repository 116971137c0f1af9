import { prisma } from "#app/db.server.ts";
import { recordAudit } from "./audit.server.ts";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.server.ts";
import { invalidateSession, invalidateUserSessions, replaceSession, type StaffSession } from "./sessions.server.ts";
import { ROLES, type RoleName } from "./permissions.ts";
import { claimAttempt, forgetFailures, releaseAttempt, type ThrottlePolicy } from "./throttle.server.ts";

// Managing staff accounts. A change of roles, being disabled or changing the
// password ends sessions, so that a change of trust takes effect at once.

type Actor = { id: string; email: string };

export async function listUsers(search?: string) {
  const term = search?.trim().toLowerCase();
  return prisma.user.findMany({
    where: term ? { OR: [{ email: { contains: term } }, { name: { contains: term, mode: "insensitive" } }] } : {},
    orderBy: { email: "asc" },
    take: 200,
    include: { roles: { include: { role: true } } },
  });
}

export async function getUserForAdmin(id: string) {
  return prisma.user.findUnique({
    where: { id },
    include: { roles: { include: { role: true } }, sessions: { orderBy: { lastActiveAt: "desc" } } },
  });
}

export async function setUserRoles(userId: string, roles: RoleName[], actor: Actor, clientAddress?: string | null) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { roles: { include: { role: true } } } });
  const before = user.roles.map(({ role }) => role.name).sort();
  const after: string[] = [...new Set(roles)].sort();
  if (before.join() === after.join()) return { endedSessions: 0 };
  const roleRows = await prisma.role.findMany({ where: { name: { in: after } } });
  await prisma.$transaction([
    prisma.userRole.deleteMany({ where: { userId } }),
    prisma.userRole.createMany({ data: roleRows.map((role) => ({ userId, roleId: role.id })) }),
  ]);
  // Any change, gained roles too: the person signs in again and gets a session made for what they may now do.
  const endedSessions = await invalidateUserSessions(userId);
  await recordAudit({
    action: "role.changed",
    actor,
    targetType: "user",
    targetId: userId,
    clientAddress,
    details: { before, after, endedSessions },
  });
  return { endedSessions };
}

export async function setUserDisabled(userId: string, disabled: boolean, actor: Actor, clientAddress?: string | null) {
  await prisma.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null } });
  const endedSessions = disabled ? await invalidateUserSessions(userId) : 0;
  await recordAudit({
    action: disabled ? "user.disabled" : "user.enabled",
    actor,
    targetType: "user",
    targetId: userId,
    clientAddress,
    details: { endedSessions },
  });
}

export async function endAllSessions(userId: string, actor: Actor, clientAddress?: string | null) {
  const endedSessions = await invalidateUserSessions(userId);
  await recordAudit({ action: "sessions.revoked_all", actor, targetType: "user", targetId: userId, clientAddress, details: { endedSessions } });
  return endedSessions;
}

/** A user ends one of their own sessions. */
export async function endOwnSession(userId: string, sessionId: string, actor: Actor, clientAddress?: string | null) {
  const session = await prisma.session.findFirst({ where: { id: sessionId, userId } });
  if (!session) return false;
  await invalidateSession(sessionId);
  await recordAudit({ action: "session.revoked", actor, targetType: "session", targetId: sessionId, clientAddress });
  return true;
}

export type ChangePasswordResult =
  | { kind: "changed"; endedSessions: number; token: string; session: StaffSession }
  | { kind: "wrong-current" }
  | { kind: "bad-password"; message: string }
  | { kind: "throttled"; retryAfterSeconds: number };

/** Wrong current passwords, per user: 5 free, then locks of 1, 2, 4… minutes, at most an hour (as signing in). */
export const PASSWORD_CHANGE_FAILURES: ThrottlePolicy = { memoryMs: 24 * 60 * 60_000, lock: { afterFailures: 5, firstMs: 60_000, maxMs: 60 * 60_000 } };

/** Changing the password ends every other session of the user, and replaces this one (set the cookie to `token`). */
export async function changePassword(
  actor: Actor,
  current: Pick<StaffSession, "id" | "user" | "twoFactorVerified">,
  input: { current: string; next: string },
  clientAddress?: string | null,
  now = new Date(),
): Promise<ChangePasswordResult> {
  // A stolen session must not become a way to guess the password.
  const claim = await claimAttempt("password-change", actor.id, PASSWORD_CHANGE_FAILURES, now);
  if (!claim.allowed) return { kind: "throttled", retryAfterSeconds: claim.retryAfterSeconds };
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) return { kind: "wrong-current" };
  await releaseAttempt("password-change", actor.id, PASSWORD_CHANGE_FAILURES, claim);
  const problem = passwordProblem(input.next);
  if (problem) return { kind: "bad-password", message: problem };
  await forgetFailures("password-change", actor.id);
  await prisma.user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.next), passwordChangedAt: new Date() } });
  const endedSessions = await invalidateUserSessions(actor.id, { except: current.id });
  const replacement = await replaceSession(current, { twoFactorVerified: current.twoFactorVerified });
  await recordAudit({ action: "password.changed", actor, targetType: "user", targetId: actor.id, clientAddress, details: { endedSessions } });
  return { kind: "changed", endedSessions, ...replacement };
}

/** The first admin, from the command line (npm run admin:create). */
export async function createUserWithPassword(input: { email: string; name: string; password: string; roles: RoleName[] }) {
  const problem = passwordProblem(input.password);
  if (problem) throw new Error(problem);
  const unknown = input.roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) throw new Error(`Unknown roles: ${unknown.join(", ")}`);
  const email = input.email.trim().toLowerCase();
  const roleRows = await prisma.role.findMany({ where: { name: { in: input.roles } } });
  const user = await prisma.user.create({
    data: {
      email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      passwordChangedAt: new Date(),
      roles: { create: roleRows.map((role) => ({ roleId: role.id })) },
    },
  });
  await recordAudit({ action: "user.created", targetType: "user", targetId: user.id, details: { email, roles: input.roles, via: "command line" } });
  return user;
}
