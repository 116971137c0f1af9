import pino from "pino";

// Structured JSON logs. What a log line may hold is decided here: never a
// client address, query string, form content, cookie or token. Paths keep
// their shape but lose any secret in them (/p/<token> → /p/:token).
// Staff actions are recorded in the audit log, not here.

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "signpost" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

const SECRET_SEGMENTS: [RegExp, string][] = [
  [/^(\/(?:es|fr))?\/p\/[^/]+/, "$1/p/:token"],
  [/^\/invitations\/[^/]+/, "/invitations/:token"],
  [/^\/reset-password\/[^/]+/, "/reset-password/:token"],
];

/** The path of a request as it may be logged: no query string, no token. */
export function loggablePath(url: string): string {
  let path = url.split("?")[0] ?? "/";
  for (const [pattern, replacement] of SECRET_SEGMENTS) path = path.replace(pattern, replacement);
  return path;
}
