import type { Config } from "@react-router/dev/config";

export default {
  // Server-rendered: every public page works without JavaScript.
  ssr: true,
  future: {
    // Middleware: the same-origin check on every mutation and the staff session (app/root.tsx).
    v8_middleware: true,
  },
} satisfies Config;
