import pino from "pino";
import { routePath } from "#app/route-paths.ts";

// Structured JSON logs. What a log line may hold is decided here: never a
// client address, query string, form content, cookie or token. Paths keep
// their shape but lose any secret in them (/p/<token> → /p/:token), read as
// the router reads them (app/route-paths.ts), whatever their case or escapes.
// Staff actions are recorded in the audit log, not here.

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "signpost" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

// Prefixes, not whole routes: whatever follows a token is dropped with it.
const SECRET_SEGMENTS: [RegExp, string][] = [
  // ":lang?" is any one segment to the router, not only es and fr.
  [/^(\/[^/]+)?\/p\/[^/]+/i, "$1/p/:token"],
  [/^\/invitations\/[^/]+/i, "/invitations/:token"],
  [/^\/reset-password\/[^/]+/i, "/reset-password/:token"],
];

/** The path of a request as it may be logged: no query string, no token. */
export function loggablePath(url: string): string {
  const path = routePath(url);
  for (const [pattern, replacement] of SECRET_SEGMENTS) {
    if (pattern.test(path)) return path.replace(pattern, replacement);
  }
  return url.split(/[?#]/)[0] || "/";
}
