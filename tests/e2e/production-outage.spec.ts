import { execFileSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { startProductionServer, type ProductionServer } from "../../scripts/lib/production-server.ts";

// The database goes away (every PostgreSQL process frozen, as in a network
// partition) while people use the site: pages answer within 2 s with the calm
// 503 page, the server does not crash, it recovers by itself, and no write it
// acknowledged is lost.

const DATABASE_PORT = 54_388;
let server: ProductionServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startProductionServer(3311, "outage", { postgresPort: DATABASE_PORT });
});

test.afterAll(async () => {
  signalDatabase("SIGCONT");
  await server?.stop();
});

function databaseProcesses(): number[] {
  const postmaster = Number(fs.readFileSync(".data/outage-postgres/postmaster.pid", "utf8").split("\n")[0]);
  const children = execFileSync("pgrep", ["-P", String(postmaster)], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
  return [postmaster, ...children];
}

function signalDatabase(signal: "SIGSTOP" | "SIGCONT") {
  if (!fs.existsSync(".data/outage-postgres/postmaster.pid")) return;
  for (const pid of databaseProcesses()) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

async function timed(path: string, init?: RequestInit) {
  const started = Date.now();
  const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) });
  const body = await response.text();
  return { status: response.status, ms: Date.now() - started, body };
}

test("a database outage gives calm 503s within 2 s, then recovery, and no acknowledged write is lost", async () => {
  test.setTimeout(120_000);
  const report = () =>
    timed("/services/childline/report", {
      method: "POST",
      headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: "reason=OTHER&details=outage+test",
    });
  let acknowledged = 0;
  for (let attempt = 0; attempt < 3; attempt++) if ((await report()).status === 200) acknowledged++;
  expect(acknowledged).toBe(3);
  expect((await timed("/search?country=GB")).status).toBe(200);

  signalDatabase("SIGSTOP");
  const during: { status: number; ms: number; startedAt: number }[] = [];
  const outageStarted = Date.now();
  while (Date.now() - outageStarted < 6_000) {
    const startedAt = Date.now() - outageStarted;
    const page = await timed("/search?country=GB&category=child-helpline");
    during.push({ status: page.status, ms: page.ms, startedAt });
    if (page.status === 503) expect(page.body).toContain("Emergency numbers");
    const write = await report();
    if (write.status === 200) acknowledged++;
  }
  // Every page answers within about 2 s, even the first ones that were waiting on
  // the database; once the outage is noticed, every page is the 503 page at once.
  expect(Math.max(...during.map((entry) => entry.ms)), JSON.stringify(during.slice(0, 5))).toBeLessThan(2_500);
  const settled = during.filter((entry) => entry.startedAt > 3_000);
  expect(settled.length).toBeGreaterThan(0);
  expect(settled.every((entry) => entry.status === 503 && entry.ms < 2_000), JSON.stringify(settled.slice(0, 5))).toBe(true);
  expect((await timed("/healthz")).status).toBe(200); // the process lives

  signalDatabase("SIGCONT");
  const recoveryStarted = Date.now();
  let recovered = false;
  while (!recovered && Date.now() - recoveryStarted < 15_000) {
    recovered = (await timed("/search?country=GB")).status === 200;
    if (!recovered) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(recovered).toBe(true);

  const client = new pg.Client({ connectionString: `postgresql://signpost:signpost-local@127.0.0.1:${DATABASE_PORT}/signpost` });
  await client.connect();
  const { rows } = await client.query("SELECT count(*)::int AS count FROM listing_report WHERE details = 'outage test'");
  await client.end();
  expect(rows[0].count).toBeGreaterThanOrEqual(acknowledged);
});
