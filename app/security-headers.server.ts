import { randomBytes } from "node:crypto";

// Headers every response carries. The Content-Security-Policy is enforced:
// scripts run only with this response's nonce, and nothing loads from another
// origin (a visitor's browser must not call out to third parties).

export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

export function securityHeaders(nonce: string, isDevelopment: boolean, isProduction = process.env.NODE_ENV === "production"): Record<string, string> {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite's development server injects styles and talks over a websocket.
    isDevelopment ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    isDevelopment ? "connect-src 'self' ws:" : "connect-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
  ].join("; ");
  return {
    ...(isProduction ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
    "Content-Security-Policy": policy,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "geolocation=(self), camera=(), microphone=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}
