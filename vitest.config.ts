import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests run against a real PostgreSQL:
// tests/setup/global-setup.ts migrates a template database once, and every
// worker gets its own copy (tests/setup/worker-database.ts).
export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-database.ts", "tests/setup/fail-on-console-error.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
