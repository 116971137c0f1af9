// Typed permission strings. The rows and their grants to roles are inserted by
// a migration (20261128105000_roles_permissions_audit); this list must match it.

export const PERMISSIONS = [
  "user:invite",
  "user:manage",
  "access-request:decide",
  "audit:read",
  "service:edit",
  "service:review",
  "service:archive",
  "report:handle",
  "verification:record",
  "referral:use",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["admin", "moderator", "caseworker"] as const;
export type RoleName = (typeof ROLES)[number];

/**
 * A stolen moderator or admin account could redirect a child to a predator's
 * phone number, so their permissions need a second factor. Caseworkers' own
 * tools do not (two-factor stays optional for them).
 */
export function requiresTwoFactor(permission: Permission): boolean {
  return permission !== "referral:use";
}

/** Roles whose holders must enrol in two-factor authentication. */
export function roleRequiresTwoFactor(role: string): boolean {
  return role === "admin" || role === "moderator";
}
