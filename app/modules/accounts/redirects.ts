// Where to send a staff member after signing in.

/** Only paths on this site: a sign-in link must never send anyone elsewhere. */
export function safeRedirect(target: string | null | undefined, fallback: string): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}

export function staffHome(user: { roles: readonly string[] }): string {
  if (user.roles.includes("admin")) return "/admin";
  if (user.roles.includes("moderator")) return "/moderation";
  if (user.roles.includes("caseworker")) return "/caseworker";
  return "/account";
}
