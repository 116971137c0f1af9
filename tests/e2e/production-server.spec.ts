import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startProductionServer, type ProductionServer } from "../../scripts/lib/production-server.ts";

// The production server as operators run it: health checks, refused methods
// and bodies, logs that keep nothing about visitors, and two instances on one
// database behaving as one site.

test.describe.configure({ mode: "serial" });

let first: ProductionServer;
let second: ProductionServer;
const DATABASE_PORT = 54_377;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  first = await startProductionServer(3301, "instance-a", { postgresPort: DATABASE_PORT });
  // The second instance uses the first one's (embedded) database, as a load-balanced pair would.
  second = await startProductionServer(3302, "instance-b", {
    env: { DATABASE_URL: `postgresql://signpost:signpost-local@127.0.0.1:${DATABASE_PORT}/signpost`, SEED_DEMO_DATA: "false" },
  });
});

test.afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

test("health checks, 405 for other methods, 413 for oversized bodies, 404 for unknown pages", async ({ request }) => {
  expect((await request.get(`${first.url}/healthz`)).status()).toBe(200);
  const ready = await request.get(`${first.url}/readyz`);
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ready: true, pool: { waiting: 0 } });
  const put = await request.fetch(`${first.url}/search`, { method: "PUT" });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toBe("GET, HEAD, POST");
  const big = await request.post(`${first.url}/suggest`, {
    headers: { origin: first.url, "content-type": "application/x-www-form-urlencoded" },
    data: `description=${"x".repeat(100_000)}`,
  });
  expect(big.status()).toBe(413);
  expect((await request.get(`${first.url}/no/such/page`)).status()).toBe(404);
  expect((await request.get(`${first.url}/search`)).headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("logs hold no client address, query string, form content, cookie or token", async ({ request }) => {
  await request.get(`${first.url}/search?country=GB&q=secretsearchword`);
  await request.get(`${first.url}/services/childline`);
  await request.post(`${first.url}/services/childline/report`, {
    headers: { origin: first.url },
    form: { reason: "OTHER", details: "secret report details" },
  });
  await request.post(`${first.url}/login`, {
    headers: { origin: first.url, cookie: "sid=secretcookievalue" },
    form: { email: "secret-person@example.org", password: "secret password value" },
  });
  await request.get(`${first.url}/p/abcdefghijkmnpqrstuvwxyz23456789`);
  await request.get(`${first.url}/invitations/zyxwvutsrqpnmkjihgfedcba98765432`);
  const logs = first.output();
  expect(logs).toContain('"path":"/search"');
  for (const secret of ["secretsearchword", "country=GB", "secret report details", "secret-person", "secret password", "secretcookievalue", "abcdefghijkmnpqrstuvwxyz23456789", "zyxwvutsrqpnmkjihgfedcba98765432", "127.0.0.1", "::1", "::ffff"]) {
    expect(logs, secret).not.toContain(secret);
  }
  for (const line of logs.split("\n").filter((entry) => entry.startsWith("{"))) {
    expect(() => JSON.parse(line), line).not.toThrow();
  }
});

test("two instances on one database: a session from one works on the other, a rate limit counted on one holds on the other", async ({ request }) => {
  const token = execFileSync("npx", ["tsx", "tests/e2e/support/create-session.ts"], {
    env: { ...process.env, DATABASE_URL: `postgresql://signpost:signpost-local@127.0.0.1:${DATABASE_PORT}/signpost` },
    encoding: "utf8",
  }).trim();
  for (const server of [first, second]) {
    const account = await request.get(`${server.url}/account`, { headers: { cookie: `sid=${token}` }, maxRedirects: 0 });
    expect(account.status(), server.url).toBe(200);
  }

  // Five suggestions an hour per client address, counted in PostgreSQL.
  const suggest = (server: ProductionServer) =>
    request.post(`${server.url}/suggest`, {
      headers: { origin: server.url },
      form: { name: "A helpline", description: "A helpline for young people in our town." },
      maxRedirects: 0,
    });
  const statuses = [];
  for (let attempt = 0; attempt < 5; attempt++) statuses.push((await suggest(first)).status());
  expect(statuses.every((status) => status === 200)).toBe(true);
  const limited = await suggest(second);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
});
