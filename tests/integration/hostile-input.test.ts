import fc from "fast-check";
import { expect, test } from "vitest";
import { REPEATABLE_SEARCH_PARAMS, SearchQuerySchema, searchServices } from "#app/modules/directory/search.server.ts";
import { ReportSchema, SuggestionSchema } from "#app/modules/moderation/feedback.server.ts";
import { databaseReadiness } from "#app/database/readiness.server.ts";
import { parseForm, parseSearchParams } from "#app/validation.server.ts";
import { handleHsdsRequest } from "#app/modules/hsds/api.server.ts";

// Whatever arrives, the answer is a result or a clear 400, never an exception
// that would become a 500.

const SEARCH_KEYS = [
  "country", "region", "category", "audience", "lang", "q", "page", "junk", "simple",
  "near", "lat", "lng", "radius", "open", "always", "contact", "free", "anonymous", "no_parent", "access",
];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "GB", "gb", "FR-69", "GB-ENG", "child-helpline", "0", "-1", "1e9", "NaN", "'; DROP TABLE service;--", "%00", "𝒳", "\u0000", "a".repeat(300),
    "now", "1", "true", "51.5", "-0.12", "200", "call", "walk-in", "step-free", "Leeds", "LS1", "&", "*", "%", "_", "\\",
  ),
);
const searchParams = fc.array(fc.tuple(fc.constantFrom(...SEARCH_KEYS), text), { maxLength: 8 }).map((pairs) => {
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  return params;
});

function isBadRequest(thrown: unknown): boolean {
  const response = thrown as { init?: { status?: number }; data?: { kind?: string; problems?: unknown[] } };
  return response?.init?.status === 400 && response.data?.kind === "bad-request" && Array.isArray(response.data.problems);
}

test("a NUL character in the words is dropped, not sent to PostgreSQL", async () => {
  const query = parseSearchParams(new URLSearchParams("country=GB&q=child\u0000line"), SearchQuerySchema, REPEATABLE_SEARCH_PARAMS);
  expect(query.q).toBe("childline");
  await expect(searchServices(query)).resolves.toBeDefined();
});

test("any search parameters give results or a 400 that names the problem", async () => {
  await fc.assert(
    fc.asyncProperty(searchParams, async (params) => {
      let query;
      try {
        query = parseSearchParams(params, SearchQuerySchema, REPEATABLE_SEARCH_PARAMS);
      } catch (thrown) {
        expect(isBadRequest(thrown)).toBe(true);
        return;
      }
      const result = await searchServices(query);
      expect(result.page).toBe(query.page);
    }),
    { numRuns: 300 },
  );
});

test("any public form body is accepted or answered field by field", async () => {
  const body = fc.dictionary(fc.constantFrom("reason", "details", "website", "name", "organizationName", "contact", "country", "description", "homepage", "x"), text, { maxKeys: 8 });
  await fc.assert(
    fc.asyncProperty(body, fc.constantFrom(ReportSchema, SuggestionSchema), async (fields, schema) => {
      const request = new Request("http://localhost/form", { method: "POST", body: new URLSearchParams(fields) });
      const result = await parseForm(request, schema);
      if (!result.ok) expect(Object.keys(result.errors).length).toBeGreaterThan(0);
    }),
    { numRuns: 300 },
  );
});

test("any HSDS API request gives JSON: a result, or a 400/404 with a message, never an error", async () => {
  const API_KEYS = ["search", "page", "per_page", "format", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "minimal", "full", "full_service", "postcode", "proximity", "minimum_age", "maximum_age", "day", "start_time", "end_time", "junk"];
  const apiText = fc.oneof(text, fc.constantFrom("ndjson", "json", "MO", "09:00", "23:59", "2026-01-01T00:00:00Z", "f437f0c3-6e43-4c2f-bf1b-9b358d0006f9", "00000000-0000-4000-8000-000000000000", "false"));
  const paths = fc.constantFrom("/", "/services", "/organizations", "/taxonomies", "/taxonomy_terms", "/service_at_locations", "/services/not-an-id", "/services/00000000-0000-4000-8000-000000000000", "/nothing");
  const query = fc.array(fc.tuple(fc.constantFrom(...API_KEYS), apiText), { maxLength: 6 });
  await fc.assert(
    fc.asyncProperty(paths, query, async (path, pairs) => {
      const url = new URL(`http://localhost/api/hsds${path}`);
      for (const [key, value] of pairs) url.searchParams.append(key, value);
      const response = await handleHsdsRequest(new Request(url), path, "203.0.113.9", { rateLimit: { limit: 1_000_000, windowMs: 60_000 } });
      expect([200, 400, 404]).toContain(response.status);
      const body = await response.text();
      if (response.status !== 200) expect(JSON.parse(body).message).toEqual(expect.any(String));
    }),
    { numRuns: 200 },
  );
});

test("the database is ready: reachable and fully migrated", async () => {
  expect(await databaseReadiness()).toEqual({ ready: true });
});

test("14.16 a body that is not a form gets a 415 or a 400 that says so, never an exception", async () => {
  const post = (type: string | null, body: string) =>
    parseForm(new Request("http://localhost/suggest", { method: "POST", headers: type ? { "content-type": type } : {}, body }), SuggestionSchema).then(
      () => "parsed",
      (thrown: { init?: { status?: number }; data?: { kind?: string } }) => `${thrown.init?.status} ${thrown.data?.kind}`,
    );
  expect(await post("text/plain", "name=x")).toBe("415 unreadable-form");
  expect(await post("application/json", '{"name":"x"}')).toBe("415 unreadable-form");
  expect(await post(null, "name=x")).toBe("415 unreadable-form");
  expect(await post("multipart/form-data; boundary=xyz", '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx')).toBe("400 unreadable-form");
  expect(await post("multipart/form-data", "--xyz--\r\n")).toBe("400 unreadable-form");
  expect(await post("Application/X-WWW-Form-Urlencoded; charset=UTF-8", "name=x")).toBe("parsed");
});
