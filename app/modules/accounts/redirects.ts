// Where to send a staff member after signing in.

// Any origin would do: only whether the target stays on it matters.
const THIS_SITE = "http://signpost.invalid";

/**
 * Only paths on this site: a sign-in link must never send anyone elsewhere.
 * Judged as a browser reads it (the URL parser drops tabs and newlines and
 * reads "\" as "/"), so anything with control characters or backslashes, or
 * that parses to another origin, falls back. The path returned is the
 * parser's own, percent-encoded, so any Location header can carry it.
 */
export function safeRedirect(target: string | null | undefined, fallback: string): string {
  if (!target || !target.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, THIS_SITE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (url.origin !== THIS_SITE || path.startsWith("//")) return fallback;
  return path;
}

export function staffHome(user: { roles: readonly string[] }): string {
  if (user.roles.includes("admin")) return "/admin";
  if (user.roles.includes("moderator")) return "/moderation";
  if (user.roles.includes("caseworker")) return "/caseworker";
  return "/account";
}
