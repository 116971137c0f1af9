import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { embeddedPgCtl } from "../../app/database/embedded-postgres.server.ts";
import { withConnection } from "../../app/database/connection.server.ts";
import { startProductionServer, type ProductionServer } from "../../scripts/lib/production-server.ts";

// PostgreSQL restarts under the app (pg_ctl stop -m fast / immediate, then
// start), while it is idle and in the middle of traffic: the process lives,
// pages give the calm 503 page while the database is away, everything answers
// again by itself once it is back, and no pooled connection is left checked out.
// The outage spec freezes the database instead; this one has its connections ended.

test.describe.configure({ mode: "serial" });

const DATABASE_PORT = 54_445;
const DATA_DIR = path.resolve(".data/restart-postgres");
// The embedded server's superuser, which owns the tables; the app signs in as a role of its own.
const OWNER_URL = `postgresql://signpost:signpost-local@127.0.0.1:${DATABASE_PORT}/signpost`;
let server: ProductionServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startProductionServer(3445, "restart", { postgresPort: DATABASE_PORT });
});

test.afterAll(async () => {
  // Whatever a failed test left behind: the app, then a server pg_ctl started.
  await server?.stop();
  if (fs.existsSync(path.join(DATA_DIR, "postmaster.pid"))) await embeddedPgCtl(DATA_DIR, ["stop", "-m", "immediate", "-w"]).catch(() => {});
});

async function get(pathname: string) {
  const response = await fetch(`${server.url}${pathname}`, { signal: AbortSignal.timeout(15_000) });
  return { status: response.status, body: await response.text() };
}

async function readiness(): Promise<{ ready: boolean; pool: { total: number; idle: number; waiting: number } }> {
  return (await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(15_000) })).json();
}

const form = { origin: "", "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" };

/** Searches, service pages, good and rejected form posts, all at once, until `until` settles. */
async function mixedTraffic(until: Promise<unknown>) {
  const headers = { ...form, origin: server.url };
  const requests = [
    () => fetch(`${server.url}/search?q=help&country=GB`),
    () => fetch(`${server.url}/services/childline`),
    () => fetch(`${server.url}/services/childline/report`, { method: "POST", headers, body: "reason=OTHER&details=restart+test" }),
    () => fetch(`${server.url}/services/childline/report`, { method: "POST", headers, body: "reason=NOT_A_REASON" }),
    () => fetch(`${server.url}/login`, { method: "POST", headers, body: "email=nobody%40example.org&password=wrong-password" }),
    () => fetch(`${server.url}/login`, { method: "POST", headers: { ...headers, origin: "https://evil.example" }, body: "email=a" }),
  ];
  let done = false;
  void until.finally(() => (done = true));
  await Promise.all(
    Array.from({ length: 12 }, async (_, worker) => {
      for (let round = 0; !done; round++) {
        const response = await requests[(worker + round) % requests.length]!().catch(() => null);
        await response?.arrayBuffer().catch(() => null);
      }
    }),
  );
}

async function stopDatabase(mode: "fast" | "immediate") {
  await embeddedPgCtl(DATA_DIR, ["stop", "-m", mode, "-w"]);
}

async function startDatabase() {
  await embeddedPgCtl(DATA_DIR, [
    "start",
    "-w",
    "-l",
    path.join(DATA_DIR, "restart-test.log"),
    "-o",
    `-p ${DATABASE_PORT} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
  ]);
}

async function expectCalmOutage() {
  await expect
    .poll(async () => (await get("/search?country=GB")).status, { timeout: 15_000, intervals: [250] })
    .toBe(503);
  expect((await get("/search?country=GB")).body).toContain("Emergency numbers");
  expect((await get("/healthz")).status).toBe(200);
}

async function expectRecovery() {
  await expect
    .poll(async () => (await get("/search?country=GB&q=help")).status, { timeout: 30_000, intervals: [250] })
    .toBe(200);
  expect((await get("/services/childline")).status).toBe(200);
  // Every connection that was checked out for a request has gone back to the pool.
  await expect
    .poll(
      async () => {
        const { pool } = await readiness();
        return { checkedOut: pool.total - pool.idle, waiting: pool.waiting };
      },
      { timeout: 15_000, intervals: [250] },
    )
    .toEqual({ checkedOut: 0, waiting: 0 });
}

for (const mode of ["fast", "immediate"] as const) {
  test(`14.3 database restart (-m ${mode}) after an idle period: calm 503, then recovery`, async () => {
    test.setTimeout(120_000);
    expect((await get("/search?country=GB&q=help")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // connections sit idle in the pool
    await stopDatabase(mode);
    await expectCalmOutage();
    await startDatabase();
    await expectRecovery();
  });

  test(`14.3 database restart (-m ${mode}) in the middle of mixed traffic: calm 503, then recovery`, async () => {
    test.setTimeout(120_000);
    let restarted!: () => void;
    const restart = new Promise<void>((resolve) => (restarted = resolve));
    const traffic = mixedTraffic(restart);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await stopDatabase(mode);
    await expectCalmOutage();
    await startDatabase();
    restarted();
    await traffic;
    await expectRecovery();
  });
}

test("14.3 no connection is left checked out after failed requests of every kind", async () => {
  const headers = { ...form, origin: server.url };
  const failures = [
    fetch(`${server.url}/services/no-such-service`),
    fetch(`${server.url}/search?country=ZZ&category=not-a-category&page=999999`),
    fetch(`${server.url}/services/childline/report`, { method: "POST", headers, body: "reason=NOT_A_REASON" }),
    fetch(`${server.url}/services/childline/report`, { method: "POST", headers: { ...headers, origin: "https://evil.example" }, body: "reason=OTHER" }),
    fetch(`${server.url}/login`, { method: "POST", headers, body: "email=nobody%40example.org&password=wrong-password" }),
    fetch(`${server.url}/reset-password/not-a-real-token`),
    fetch(`${server.url}/p/not-a-real-pack-token-abcdefghijk`),
    fetch(`${server.url}/api/hsds/services/not-a-uuid`),
  ];
  for (const response of await Promise.all(failures)) {
    expect(response.status, response.url).toBeLessThan(500);
    await response.arrayBuffer();
  }
  const { pool } = await readiness();
  expect({ checkedOut: pool.total - pool.idle, waiting: pool.waiting }).toEqual({ checkedOut: 0, waiting: 0 });
});

test("14.10 the app connects as a least-privilege role, not as a superuser or the tables' owner", async () => {
  expect((await get("/search?country=GB&q=help")).status).toBe(200); // the pool holds connections now
  const roles = await withConnection(OWNER_URL, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owns_audit: boolean }>(
      `SELECT DISTINCT r.rolname AS role, r.rolsuper AS superuser,
              r.rolname = (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event') AS owns_audit
         FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
        WHERE a.datname = 'signpost' AND a.pid <> pg_backend_pid()`,
    );
    return rows;
  });
  expect(roles.length).toBeGreaterThan(0);
  for (const role of roles) expect(role, role.role).toMatchObject({ superuser: false, owns_audit: false });
});

test("14.3 after a restart of its database, the app still stops cleanly and stops that database", async () => {
  test.setTimeout(60_000);
  await server.stop();
  // The app's own shutdown stops the server now running on its folder, started by pg_ctl, not by the app.
  await expect.poll(() => fs.existsSync(path.join(DATA_DIR, "postmaster.pid")), { timeout: 30_000 }).toBe(false);
});
