import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing } from "#tests/factories.ts";
import { emptyFields, schemaProblems } from "#tests/hsds-schemas.ts";
import { handleHsdsRequest } from "./api.server.ts";

// The HSDS API, called as the route calls it, every answer checked against
// the official HSDS 3.0 schemas.

// The requests claim another host: links must still name the configured PUBLIC_URL.
const ORIGIN = "http://attacker.example";
const PUBLIC_URL = "https://signpost.example.org";
process.env.PUBLIC_URL = PUBLIC_URL;
let clientCounter = 0;

async function get(pathAndQuery: string, headers: Record<string, string> = {}) {
  const url = new URL(`/api/hsds${pathAndQuery}`, ORIGIN);
  clientCounter += 1;
  const response = await handleHsdsRequest(new Request(url, { headers }), url.pathname.replace(/^\/api\/hsds/, "") || "/", `192.0.2.${clientCounter % 250}`);
  const text = await response.text();
  return { response, text, body: text ? (JSON.parse(text.split("\n")[0]!) as Record<string, any>) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

beforeAll(async () => {
  await clearDirectory();
  await createListing({
    slug: "leeds-counselling",
    name: "Leeds counselling",
    organization: { slug: "leeds-org", name: "Leeds organization", description: "Helps in Leeds." },
    categories: ["counselling"],
    audiences: ["children"],
    hours: [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }],
    timezone: "Europe/London",
    safety: { anonymousContact: "YES", tellsPolice: "ONLY_IF_SOMEONE_IS_AT_RISK", tellsParents: "NEVER", childCanUseWithoutParent: "YES", minimumAge: 5, maximumAge: 18 },
    accessFeatures: ["step-free"],
    contactChannels: [
      { kind: "PHONE", value: "0113 000 0000" },
      { kind: "EMAIL", value: "help@leeds.example.org" },
      { kind: "CHAT", value: "https://leeds.example.org/chat", hours: [{ days: [6], opens: "18:00", closes: "22:00" }] },
    ],
    locations: [{ name: "Leeds centre", address: "1 Park Row", locality: "Leeds", postalCode: "LS1 5AB", subdivision: "GB-LDS", country: "GB", latitude: 53.7997, longitude: -1.5492 }],
    languages: ["en", "pl"],
    lastVerifiedAt: new Date("2026-10-01T00:00:00Z"),
  });
  await createListing({ slug: "helpline-24-7", name: "A national helpline", alwaysOpen: true, categories: ["child-helpline"], audiences: ["teenagers"] });
  await createListing({ slug: "not-yet", name: "A draft service", status: "DRAFT" });
});

const ids = async () => {
  const rows = await prisma.service.findMany({ select: { id: true, slug: true, organizationId: true } });
  return Object.fromEntries(rows.map((row) => [row.slug, row]));
};

test("14.1 GET / names the version, the profile and where the OpenAPI document is, at PUBLIC_URL whatever the Host", async () => {
  const { response, body } = await get("/");
  expect(response.status).toBe(200);
  expect(body).toEqual({ version: "3.0", profile: expect.stringMatching(/^https:\/\//), openapi_url: `${PUBLIC_URL}/api/hsds/openapi.json` });
  const openapi = (await get("/openapi.json")).body!;
  expect(openapi.openapi).toMatch(/^3\./);
  expect(openapi.servers[0].url).toBe(`${PUBLIC_URL}/api/hsds`);
  expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/services", "/services/{id}", "/service_at_locations"]));
});

describe("services", () => {
  test("a page of published services only, each valid against the HSDS service_list schema, no empty fields", async () => {
    const { body } = await get("/services");
    expect(body).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false });
    expect(body!.contents.map((service: { name: string }) => service.name)).toEqual(["A national helpline", "Leeds counselling"]);
    for (const service of body!.contents) {
      expect(schemaProblems("compiled/service_list.json", service)).toEqual([]);
      expect(emptyFields(service)).toEqual([]);
    }
  });

  test("one service, fully nested and valid against service.json: phones, schedules, areas, places, languages, terms and the safety disclosure", async () => {
    const { "leeds-counselling": leeds } = await ids();
    const { response, body } = await get(`/services/${leeds!.id}`);
    expect(response.status).toBe(200);
    expect(schemaProblems("service.json", body)).toEqual([]);
    expect(emptyFields(body)).toEqual([]);
    expect(body).toMatchObject({
      id: leeds!.id,
      status: "active",
      email: "help@leeds.example.org",
      minimum_age: 5,
      maximum_age: 18,
      assured_date: "2026-10-01",
      organization: { id: leeds!.organizationId, name: "Leeds organization", description: "Helps in Leeds." },
    });
    expect(body!.phones).toEqual([expect.objectContaining({ number: "0113 000 0000", type: "voice" })]);
    expect(body!.schedules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opens_at: "09:00", closes_at: "17:00" }),
        expect.objectContaining({ byday: "SA", opens_at: "18:00", notes: "Hours of chat: https://leeds.example.org/chat" }),
      ]),
    );
    expect(body!.service_at_locations[0].location).toMatchObject({ location_type: "physical", latitude: 53.7997, addresses: [expect.objectContaining({ postal_code: "LS1 5AB", city: "Leeds" })] });
    expect(body!.languages.map((language: { code: string }) => language.code)).toEqual(["en", "pl"]);
    const values = body!.attributes.map((attribute: { value?: string }) => attribute.value).filter(Boolean);
    expect(values).toEqual(expect.arrayContaining(["YES", "ONLY_IF_SOMEONE_IS_AT_RISK", "NEVER", "step-free"]));
    // Ids are stable: the same service gives the same ids on every request.
    expect((await get(`/services/${leeds!.id}`)).body).toEqual(body);
  });

  test("a service open around the clock says so in RRULE terms", async () => {
    const { "helpline-24-7": helpline } = await ids();
    const { body } = await get(`/services/${helpline!.id}`);
    expect(body!.schedules).toEqual([expect.objectContaining({ freq: "WEEKLY", byday: "MO,TU,WE,TH,FR,SA,SU", opens_at: "00:00", closes_at: "23:59" })]);
  });

  test("drafts and unknown ids are 404 with a message; a malformed id too", async () => {
    const { "not-yet": draft } = await ids();
    for (const id of [draft!.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const { response, body } = await get(`/services/${id}`);
      expect(response.status).toBe(404);
      expect(body!.message).toMatch(/No (published )?service/);
    }
  });

  test.each([
    ["?search=leeds", ["Leeds counselling"]],
    ["?modified_after=2000-01-01T00:00:00Z", ["A national helpline", "Leeds counselling"]],
    ["?modified_after=2999-01-01T00:00:00Z", []],
    ["?minimum_age=19", ["A national helpline"]],
    ["?maximum_age=4", ["A national helpline"]],
    ["?day=SA", ["A national helpline", "Leeds counselling"]],
    ["?day=SU", ["A national helpline"]],
    ["?day=MO&start_time=17:30&end_time=18:00", ["A national helpline"]],
    ["?day=TU&start_time=16:00&end_time=16:30", ["A national helpline", "Leeds counselling"]],
    ["?postcode=LS1&proximity=1000", ["Leeds counselling"]],
  ])("filter %s", async (query, names) => {
    const { body } = await get(`/services${query}`);
    expect(body!.contents.map((service: { name: string }) => service.name)).toEqual(names);
  });

  test("taxonomy_term_id, taxonomy_id and organization_id filters", async () => {
    const terms = (await get("/taxonomy_terms?search=counselling")).body!.contents;
    const counselling = terms.find((term: { code: string }) => term.code === "counselling");
    expect((await get(`/services?taxonomy_term_id=${counselling.id}`)).body!.total_items).toBe(1);
    expect((await get(`/services?taxonomy_id=${counselling.taxonomy_id}`)).body!.total_items).toBe(2);
    const { "leeds-counselling": leeds } = await ids();
    expect((await get(`/services?organization_id=${leeds!.organizationId}`)).body!.total_items).toBe(1);
  });

  test("minimal and full", async () => {
    const minimal = (await get("/services?minimal=true")).body!.contents;
    expect(Object.keys(minimal[0]).sort()).toEqual(["id", "last_modified", "name", "status"]);
    const full = (await get("/services?full=true")).body!.contents;
    for (const service of full) expect(schemaProblems("service.json", service)).toEqual([]);
    expect(full[1].phones).toBeDefined();
  });

  test("format=ndjson streams every service, one JSON object a line, without pages", async () => {
    const { response, text } = await get("/services?format=ndjson&per_page=1");
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = text.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((service) => service.name)).toEqual(["A national helpline", "Leeds counselling"]);
  });
});

describe("pagination", () => {
  test("first, middle, last and past the end", async () => {
    const first = (await get("/services?per_page=1")).body!;
    expect(first).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false });
    const last = (await get("/services?per_page=1&page=2")).body!;
    expect(last).toMatchObject({ page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    expect(last.contents[0].id).not.toBe(first.contents[0].id);
    const past = (await get("/services?per_page=1&page=3")).body!;
    expect(past).toMatchObject({ page_number: 3, size: 0, empty: true, contents: [] });
  });

  test.each([["?page=0"], ["?page=abc"], ["?per_page=101"], ["?per_page=-1"], ["?format=xml"], ["?modified_after=yesterday"], ["?taxonomy_id=x"], ["?proximity=100"], ["?day=XX"], ["?day=MO&start_time=10:00&end_time=09:00"], ["?full=maybe"]])(
    "%s is a 400 with a message",
    async (query) => {
      const { response, body } = await get(`/services${query}`);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(body!.message.length).toBeGreaterThan(5);
    },
  );

  test("an unknown postcode is a 400 that says so", async () => {
    const { response, body } = await get("/services?postcode=ZZ99");
    expect(response.status).toBe(400);
    expect(body!.message).toContain("ZZ99");
  });
});

describe("the other endpoints", () => {
  test("organizations, with their services when asked", async () => {
    const list = (await get("/organizations")).body!;
    expect(list.total_items).toBe(2);
    for (const organization of list.contents) expect(schemaProblems("organization.json", organization)).toEqual([]);
    const { "leeds-counselling": leeds } = await ids();
    const one = (await get(`/organizations/${leeds!.organizationId}`)).body!;
    expect(schemaProblems("organization.json", one)).toEqual([]);
    expect(one.services.map((service: { name: string }) => service.name)).toEqual(["Leeds counselling"]);
  });

  test("taxonomies and terms: our categories, audiences and the safety disclosure", async () => {
    const taxonomies = (await get("/taxonomies")).body!.contents;
    expect(taxonomies.map((taxonomy: { name: string }) => taxonomy.name)).toEqual(["Who it is for", "Kinds of help", "Signpost safety disclosure"]);
    for (const taxonomy of taxonomies) {
      expect(schemaProblems("taxonomy.json", taxonomy)).toEqual([]);
      expect((await get(`/taxonomies/${taxonomy.id}`)).body).toEqual(taxonomy);
    }
    const terms = (await get("/taxonomy_terms?per_page=100")).body!.contents;
    expect(terms.length).toBe(11 + 6 + 5);
    for (const term of terms) expect(schemaProblems("taxonomy_term.json", term)).toEqual([]);
    const safety = (await get(`/taxonomy_terms?taxonomy_id=${taxonomies[2].id}`)).body!.contents;
    expect(safety.map((term: { code: string }) => term.code)).toContain("tells_police");
  });

  test("service at location, near a postcode", async () => {
    const list = (await get("/service_at_locations?postcode=LS1 5AB&proximity=5000")).body!;
    expect(list.total_items).toBe(1);
    expect(schemaProblems("compiled/service_at_location_list.json", list.contents[0])).toEqual([]);
    const one = (await get(`/service_at_locations/${list.contents[0].id}`)).body!;
    expect(schemaProblems("service_at_location.json", one)).toEqual([]);
    expect(one.service.name).toBe("Leeds counselling");
    expect((await get("/service_at_locations?postcode=LS1&proximity=1")).body!.total_items).toBe(1);
  });

  test("unknown endpoints are 404", async () => {
    expect((await get("/programs")).response.status).toBe(404);
    expect((await get("/services/a/b")).response.status).toBe(404);
  });
});

describe("HTTP", () => {
  test("any origin may read; ETag and Cache-Control; If-None-Match gives 304", async () => {
    const { response } = await get("/services");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const etag = response.headers.get("etag")!;
    const again = await get("/services", { "If-None-Match": etag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe("");
  });

  test("too many requests from one client: 429 with Retry-After and a message", async () => {
    const request = () => handleHsdsRequest(new Request(`${ORIGIN}/api/hsds/`), "/", "198.51.100.7", { rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await request()).status).toBe(200);
    expect((await request()).status).toBe(200);
    const refused = await request();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).message).toMatch(/Too many requests/);
  });
});
