// React Router matches a route after percent-decoding each segment of the
// path, ignoring letter case and a trailing slash, and answers its
// single-fetch requests at "<path>.data". Code outside the router that must
// recognise a route (log masking, body limits, a pack's headers) reads paths
// here, the same way, so "/P/<token>" or "/%70/<token>" cannot slip past it.

/** The path a route is matched against: decoded, single slashes, without ".data" or a trailing slash. */
export function routePath(url: string): string {
  let path = url.split(/[?#]/)[0] || "/";
  path = path === "/_root.data" ? "/" : path.replace(/\.data$/, "");
  try {
    path = path
      .split("/")
      .map((segment) => decodeURIComponent(segment).replaceAll("/", "%2F"))
      .join("/");
  } catch {
    // A malformed escape: the router keeps the path as it is too.
  }
  return path.replace(/\/{2,}/g, "/").replace(/(.)\/$/, "$1");
}

/** A shared referral pack or its print version: "/p/<token>", in any language ("/:lang?/p/<token>"). */
const PACK_PATH = /^(?:\/[^/]+)?\/p\/[^/]+(?:\/print)?$/i;

export function isPackPath(url: string): boolean {
  return PACK_PATH.test(routePath(url));
}

/** What every answer at a pack's address carries, whatever its status: never indexed, never kept. */
export const PACK_HEADERS = { "X-Robots-Tag": "noindex, nofollow", "Cache-Control": "no-store" } as const;

/** Staff pages and signing in: "/admin…", "/moderation…", "/login"… (never under a language prefix). */
const STAFF_PATH = /^\/(admin|moderation|caseworker|account|login|logout|invitations|reset-password)(\/|$)/i;

export function isStaffPath(url: string): boolean {
  return STAFF_PATH.test(routePath(url));
}

/** Staff pages hold names, notes and unpublished drafts: no browser or proxy keeps them (ASVS 8.2.1). */
export const STAFF_HEADERS = { "Cache-Control": "no-store" } as const;
