import { prisma } from "#app/db.server.ts";
import { publicOrigin } from "#app/env.server.ts";
import { randomString, hashSecret, secretMatches } from "./tokens.server.ts";
import type { Permission } from "./permissions.ts";

// Lucia's session design (lucia-auth.com): the cookie holds "id.secret"; the
// database holds the id and SHA-256(secret). A session expires after a period
// of inactivity, is renewed while it is used, and never outlives an absolute limit.

/**
 * "sid" says nothing about the site. Over HTTPS it is "__Host-sid": the
 * browser then takes it only from this exact host, Secure, for every path, so
 * no other subdomain can set or shadow it. Plain "sid" over http (development, tests).
 */
export function sessionCookieName(origin = publicOrigin()): string {
  return origin.startsWith("https:") ? "__Host-sid" : "sid";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type SessionLifetime = { idleMs: number; absoluteMs: number };
export const STAFF_LIFETIME: SessionLifetime = { idleMs: 12 * HOUR, absoluteMs: 30 * DAY };
/** Admins can change who is staff: shorter sessions. */
export const ADMIN_LIFETIME: SessionLifetime = { idleMs: 1 * HOUR, absoluteMs: 12 * HOUR };
/** Renewal writes to the database at most this often. */
export const RENEW_AFTER_MS = 5 * MINUTE;

export function lifetimeFor(roles: readonly string[]): SessionLifetime {
  return roles.includes("admin") ? ADMIN_LIFETIME : STAFF_LIFETIME;
}

export type SessionTimes = { lastActiveAt: Date; expiresAt: Date; absoluteExpiresAt: Date };

export function isExpired(session: SessionTimes, now: Date): boolean {
  return now >= session.expiresAt || now >= session.absoluteExpiresAt;
}

/** The new inactivity expiry when the session is used now, or null when it is too soon to write. */
export function renewedExpiry(session: SessionTimes, lifetime: SessionLifetime, now: Date): Date | null {
  if (now.getTime() - session.lastActiveAt.getTime() < RENEW_AFTER_MS) return null;
  return new Date(Math.min(now.getTime() + lifetime.idleMs, session.absoluteExpiresAt.getTime()));
}

export function splitToken(token: string): { id: string; secret: string } | null {
  const match = /^([a-z2-9]{24})\.([a-z2-9]{24})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export type StaffUser = {
  id: string;
  email: string;
  name: string;
  organizationId: string | null;
  roles: string[];
  permissions: Permission[];
  totpEnabled: boolean;
};

export type StaffSession = {
  id: string;
  user: StaffUser;
  /** The second factor was checked in this session. */
  twoFactorVerified: boolean;
  expiresAt: Date;
  absoluteExpiresAt: Date;
};

export async function createSession(
  userId: string,
  options: { twoFactorVerified: boolean; deviceLabel?: string | null; now?: Date },
): Promise<{ token: string; session: StaffSession }> {
  const now = options.now ?? new Date();
  const user = await loadStaffUser(userId);
  if (!user) throw new Error("Cannot create a session for a missing or disabled user");
  const lifetime = lifetimeFor(user.roles);
  const id = randomString();
  const secret = randomString();
  const row = await prisma.session.create({
    data: {
      id,
      secretHash: Buffer.from(hashSecret(secret)),
      userId,
      createdAt: now,
      lastActiveAt: now,
      expiresAt: new Date(now.getTime() + lifetime.idleMs),
      absoluteExpiresAt: new Date(now.getTime() + lifetime.absoluteMs),
      twoFactorVerifiedAt: options.twoFactorVerified ? now : null,
      deviceLabel: options.deviceLabel ?? null,
    },
  });
  return {
    token: `${id}.${secret}`,
    session: {
      id,
      user,
      twoFactorVerified: options.twoFactorVerified,
      expiresAt: row.expiresAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
    },
  };
}

/**
 * The session a cookie token stands for, renewed if it is due, or null when
 * the token is malformed, unknown, wrong, expired, or its user is disabled.
 */
export async function validateSessionToken(
  token: string,
  now = new Date(),
): Promise<{ session: StaffSession; renewed: boolean } | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await prisma.session.findUnique({ where: { id: parts.id } });
  if (!row || !secretMatches(parts.secret, new Uint8Array(row.secretHash))) return null;
  if (isExpired(row, now)) {
    await prisma.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  const user = await loadStaffUser(row.userId);
  if (!user) {
    await prisma.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  const newExpiry = renewedExpiry(row, lifetimeFor(user.roles), now);
  if (newExpiry) {
    await prisma.session.update({ where: { id: row.id }, data: { lastActiveAt: now, expiresAt: newExpiry } });
  }
  return {
    session: {
      id: row.id,
      user,
      twoFactorVerified: row.twoFactorVerifiedAt !== null,
      expiresAt: newExpiry ?? row.expiresAt,
      absoluteExpiresAt: row.absoluteExpiresAt,
    },
    renewed: newExpiry !== null,
  };
}

/**
 * Ends a session and gives its holder a new one (new id, new secret) on the
 * same device: after every change of privilege (second factor passed, password
 * changed), so a token someone learned or planted before it is worth nothing after.
 */
export async function replaceSession(
  old: { id: string; user: { id: string } },
  options: { twoFactorVerified: boolean; now?: Date },
): Promise<{ token: string; session: StaffSession }> {
  const row = await prisma.session.findUnique({ where: { id: old.id }, select: { deviceLabel: true } });
  const replacement = await createSession(old.user.id, { ...options, deviceLabel: row?.deviceLabel ?? null });
  await invalidateSession(old.id);
  return replacement;
}

export async function invalidateSession(sessionId: string) {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user, except optionally the one in use. Returns how many ended. */
export async function invalidateUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const result = await prisma.session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return result.count;
}

export async function listUserSessions(userId: string, now = new Date()) {
  return prisma.session.findMany({
    where: { userId, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    orderBy: { lastActiveAt: "desc" },
    select: { id: true, createdAt: true, lastActiveAt: true, deviceLabel: true, twoFactorVerifiedAt: true },
  });
}

/** An active user with their roles and permissions, or null when missing or disabled. */
export async function loadStaffUser(userId: string): Promise<StaffUser | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    include: { roles: { include: { role: { include: { permissions: { include: { permission: true } } } } } } },
  });
  if (!user || user.disabledAt) return null;
  const permissions = new Set<Permission>();
  for (const { role } of user.roles) {
    for (const { permission } of role.permissions) permissions.add(permission.name as Permission);
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    organizationId: user.organizationId,
    roles: user.roles.map(({ role }) => role.name).sort(),
    permissions: [...permissions].sort(),
    totpEnabled: user.totpEnabledAt !== null,
  };
}

export function sessionCookie(token: string, session: { absoluteExpiresAt: Date }, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((session.absoluteExpiresAt.getTime() - now.getTime()) / 1000));
  return serializeCookie(token, maxAge);
}

export function clearSessionCookie(): string {
  return serializeCookie("", 0);
}

function serializeCookie(value: string, maxAge: number): string {
  const origin = publicOrigin();
  const secure = origin.startsWith("https:") || process.env.NODE_ENV === "production" ? "; Secure" : "";
  return `${sessionCookieName(origin)}=${value}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${maxAge}${secure}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const wanted = sessionCookieName();
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === wanted) return rest.join("=") || null;
  }
  return null;
}

/** "Firefox on Linux": enough for a person to recognise their own sessions, nothing more. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /Firefox\//.test(userAgent)
    ? "Firefox"
    : /Edg\//.test(userAgent)
      ? "Edge"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "A browser";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "another system";
  return `${browser} on ${system}`;
}
