import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests drive the production build in a real Chromium. Playwright
// cannot download its own browser here, so Debian's chromium is used when present.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const isRoot = process.getuid?.() === 0;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // The machine is shared and often busy: generous waits (each still ends), never retries.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        ...(isRoot ? ["--no-sandbox"] : []),
        // This machine's network is closed: stop Chromium calling home.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    // Access rules and staff journeys do not depend on the screen: desktop only.
    { name: "phone", use: { ...devices["Pixel 7"] }, testIgnore: [/route-access/, /staff-/, /production-/, /api-/] },
  ],
  webServer: {
    // A fresh embedded database for every run (scripts/e2e-server.sh), or
    // DATABASE_URL's server when it is set, seeded with the demo directory.
    command: `bash scripts/e2e-server.sh ${PORT}`,
    url: `http://localhost:${PORT}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
  },
});
