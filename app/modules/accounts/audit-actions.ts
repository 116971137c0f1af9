// Everything the audit log records, by name. Shared by the server and the audit page's filter.

export const AUDIT_ACTIONS = [
  "sign_in.succeeded",
  "sign_in.failed",
  "sign_in.throttled",
  "sign_out",
  "two_factor.enabled",
  "two_factor.succeeded",
  "two_factor.failed",
  "two_factor.recovery_code_used",
  "password.changed",
  "password.reset_requested",
  "password.reset",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "role.changed",
  "user.disabled",
  "user.enabled",
  "user.created",
  "session.revoked",
  "sessions.revoked_all",
  "access_request.submitted",
  "access_request.approved",
  "access_request.declined",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

