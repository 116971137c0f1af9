import { expect, test } from "@playwright/test";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routes from "../../app/routes.ts";
import { createListFor, createStaff, createStaffOrganizationNamed, proposeEdit, serviceIdFor, sessionCookieFor } from "./staff-fixtures.ts";

// Every route in app/routes.ts, as each kind of visitor. A route added
// without an entry here fails; a staff route without a guard fails its row.

type Who = "anonymous" | "caseworker" | "moderator" | "admin";
type Expected = Record<Who, number | `redirect:${string}`>;

const all = (status: number): Expected => ({ anonymous: status, caseworker: status, moderator: status, admin: status });
const signIn = "redirect:/login";
const staffOnly = (caseworker: number, moderator: number, admin: number): Expected => ({
  anonymous: signIn,
  caseworker,
  moderator,
  admin,
});

const EXPECTED: Record<string, Expected> = {
  "/": all(200),
  "/search": all(200),
  "/services/:slug": all(200),
  "/services/:slug/report": all(200),
  "/suggest": all(200),
  "/request-access": all(200),
  "/safety": all(200),
  "/help/:path": all(200),
  "/p/:token": all(410),
  "/p/:token/print": all(410),
  // Concretely /api/hsds/no-such-page: a JSON 404 for everyone (api-hsds.spec.ts calls the real endpoints).
  "/api/hsds/*": all(404),
  "/login": { anonymous: 200, caseworker: "redirect:/caseworker", moderator: "redirect:/moderation", admin: "redirect:/admin" },
  "/login/two-factor": { anonymous: signIn, caseworker: "redirect:/caseworker", moderator: "redirect:/moderation", admin: "redirect:/admin" },
  "/logout": all(302),
  "/invitations/:token": all(200),
  "/reset-password": all(200),
  "/reset-password/:token": all(200),
  "/account": staffOnly(200, 200, 200),
  "/account/password": staffOnly(200, 200, 200),
  "/account/two-factor": staffOnly(200, 200, 200),
  "/admin": staffOnly(403, 403, 200),
  "/admin/users": staffOnly(403, 403, 200),
  "/admin/users/:userId": staffOnly(403, 403, 200),
  "/admin/invitations": staffOnly(403, 403, 200),
  "/admin/access-requests": staffOnly(403, 403, 200),
  "/admin/organizations": staffOnly(403, 403, 200),
  "/admin/organizations/:organizationId": staffOnly(403, 403, 200),
  "/admin/audit": staffOnly(403, 403, 200),
  "/moderation": staffOnly(403, 200, 200),
  "/moderation/services": staffOnly(403, 200, 200),
  "/moderation/services/new": staffOnly(403, 200, 200),
  "/moderation/services/:serviceId": staffOnly(403, 200, 200),
  "/moderation/services/:serviceId/verify": staffOnly(403, 200, 200),
  "/moderation/revisions/:revisionId": staffOnly(403, 200, 200),
  "/moderation/import": staffOnly(403, 200, 200),
  "/caseworker": staffOnly(200, 403, 200),
  // Someone else's list is not found, not forbidden: the admin may use lists, but not this one.
  "/caseworker/lists/:listId": staffOnly(200, 403, 404),
  "/caseworker/save": { anonymous: signIn, caseworker: "redirect:/caseworker", moderator: 403, admin: "redirect:/caseworker" },
  "/caseworker/packs": staffOnly(200, 403, 200),
  "/caseworker/packs/new": staffOnly(200, 403, 200),
  "/*": all(404),
};

function routePaths(entries: RouteConfigEntry[], parent = ""): string[] {
  return entries.flatMap((entry) => {
    const path = entry.index ? parent || "/" : entry.path ? `${parent}/${entry.path}` : parent;
    const own = entry.index || entry.path ? [path.replace(/\/+/g, "/")] : [];
    return [...own, ...routePaths(entry.children ?? [], path === "/" ? "" : path)];
  });
}

// Public pages sit under an optional language segment: "/:lang?/search" is checked as "/search"
// (and the localized forms are checked in public-languages.spec.ts).
const paths = [...new Set(routePaths(routes as RouteConfigEntry[]).map((path) => path.replace(/^\/:lang\?/, "") || "/"))];

test("every route has an expected access row", () => {
  expect(paths.sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.describe("route access", () => {
  const cookies: Partial<Record<Who, string>> = {};
  let adminId = "";
  let serviceId = "";
  let revisionId = "";
  let listId = "";
  let organizationId = "";

  test.beforeAll(async () => {
    const admin = await createStaff(["admin"], { twoFactor: true });
    adminId = admin.id;
    cookies.admin = await sessionCookieFor(admin);
    cookies.moderator = await sessionCookieFor(await createStaff(["moderator"], { twoFactor: true }));
    const caseworker = await createStaff(["caseworker"]);
    cookies.caseworker = await sessionCookieFor(caseworker);
    listId = await createListFor(caseworker, "Route access list");
    serviceId = await serviceIdFor("ceop-safety-centre");
    revisionId = await proposeEdit(admin, "ceop-safety-centre", "Route access test");
    organizationId = await createStaffOrganizationNamed(`Route access ${crypto.randomUUID().slice(0, 8)}`);
  });

  function concrete(path: string): string {
    return path
      .replace(":slug", "childline")
      .replace(":path", "talk")
      .replace(":token", "a".repeat(32))
      .replace(":userId", adminId)
      .replace(":serviceId", serviceId)
      .replace(":revisionId", revisionId)
      .replace(":listId", listId)
      .replace(":organizationId", organizationId)
      .replace("*", "no-such-page");
  }

  for (const path of Object.keys(EXPECTED)) {
    test(`GET ${path}`, async ({ request }) => {
      for (const who of ["anonymous", "caseworker", "moderator", "admin"] as const) {
        const response = await request.get(concrete(path), {
          headers: cookies[who] ? { cookie: cookies[who]! } : {},
          maxRedirects: 0,
        });
        const expected = EXPECTED[path]![who];
        if (typeof expected === "number") {
          expect(response.status(), `${who} GET ${path}`).toBe(expected);
        } else {
          expect(response.status(), `${who} GET ${path}`).toBe(302);
          expect(new URL(response.headers().location!, "http://x").pathname, `${who} GET ${path}`).toBe(expected.slice("redirect:".length));
        }
      }
    });
  }

  test("actions are guarded like their pages", async ({ request, baseURL }) => {
    const post = (who: Who, path: string) =>
      request.post(path, {
        headers: { origin: baseURL!, ...(cookies[who] ? { cookie: cookies[who]! } : {}) },
        form: { intent: "invite", email: "someone@example.org", role: "admin" },
        maxRedirects: 0,
      });
    expect((await post("anonymous", "/admin/invitations")).status()).toBe(302);
    expect((await post("caseworker", "/admin/invitations")).status()).toBe(403);
    expect((await post("moderator", "/admin/invitations")).status()).toBe(403);
    expect((await post("moderator", `/admin/users/${adminId}`)).status()).toBe(403);
    for (const path of ["/admin/organizations", `/admin/organizations/${organizationId}`]) {
      expect((await post("anonymous", path)).status(), path).toBe(302);
      expect((await post("caseworker", path)).status(), path).toBe(403);
      expect((await post("moderator", path)).status(), path).toBe(403);
    }
  });

  test("a mutation from another site, or with no origin at all, is refused", async ({ request }) => {
    const crossSite = await request.post("/admin/invitations", {
      headers: { origin: "https://attacker.example", cookie: cookies.admin! },
      form: { intent: "invite", email: "x@example.org", role: "admin" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBeGreaterThanOrEqual(400);
    expect(crossSite.status()).toBeLessThan(500);
    const noOrigin = await request.fetch("/admin/invitations", {
      method: "POST",
      headers: { cookie: cookies.admin!, "content-type": "application/x-www-form-urlencoded" },
      data: "intent=invite&email=y%40example.org&role=admin",
      maxRedirects: 0,
    });
    expect(noOrigin.status()).toBe(403);
  });
});
