import type { Config } from "@react-router/dev/config";

export default {
  // Server-rendered: every public page works without JavaScript.
  ssr: true,
} satisfies Config;
