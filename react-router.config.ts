import type { Config } from "@react-router/dev/config";

export default {
  // Server-rendered: every public page works without JavaScript.
  ssr: true,
  future: {
    // Middleware: the same-origin check on every mutation and the staff session (app/root.tsx).
    v8_middleware: true,
  },
  // Our pages send Referrer-Policy: no-referrer, so browsers post plain HTML
  // forms (no JavaScript) with "Origin: null", which React Router's own check
  // would refuse. Our middleware then accepts "null" only with
  // Sec-Fetch-Site: same-origin (app/modules/accounts/same-origin.server.ts).
  allowedActionOrigins: ["null"],
} satisfies Config;
