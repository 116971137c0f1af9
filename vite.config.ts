import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: {
    // Public pages must not pull anything from another origin, fonts included.
    assetsInlineLimit: 0,
  },
});
