import { expect, test } from "@playwright/test";
import { checkConformance, formatChecks } from "../hsds-conformance.ts";

// The HSDS API over real HTTP on the production build: the conformance walk
// (as the ORUK validator does it) finds no failure, and the HTTP details hold.

test("the HSDS API passes the conformance walk", async ({ request }) => {
  const checks = await checkConformance(async (path) => {
    const response = await request.get(`/api/hsds${path}`);
    return { status: response.status(), body: await response.json() };
  });
  console.log(formatChecks(checks));
  expect(checks.filter((check) => check.result === "fail")).toEqual([]);
  expect(checks.length).toBeGreaterThan(20);
});

test("CORS for any origin, JSON errors, and no cookie", async ({ request }) => {
  const response = await request.get("/api/hsds/services?per_page=500", { headers: { Origin: "https://partner.example.org" } });
  expect(response.status()).toBe(400);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["set-cookie"]).toBeUndefined();
  expect((await response.json()).message).toContain("per_page");
  const method = await request.post("/api/hsds/services", { headers: { Origin: "https://partner.example.org" } });
  expect(method.status()).toBeGreaterThanOrEqual(400);
});
