import { schemaProblems } from "./hsds-schemas.ts";

// Walks an HSDS 3.0 API the way the Open Referral UK validator does: read
// GET /, call every endpoint, check the first, a middle and the last page and
// one item of each, against the official schemas. Each check passes, warns
// (a recommended field is missing) or fails (a schema error, a wrong status,
// a missing required endpoint). Used by `npm run hsds:conformance` and by a test.

export type Check = { endpoint: string; result: "pass" | "warn" | "fail"; detail: string };
export type GetJson = (path: string) => Promise<{ status: number; body: unknown }>;

const LISTS = [
  { path: "/services", item: "compiled/service_list.json", one: "service.json", required: true, recommended: ["description", "url", "email", "organization"] },
  { path: "/organizations", item: "organization.json", one: "organization.json", required: false, recommended: ["website"] },
  { path: "/taxonomies", item: "taxonomy.json", one: "taxonomy.json", required: false, recommended: [] },
  { path: "/taxonomy_terms", item: "taxonomy_term.json", one: "taxonomy_term.json", required: false, recommended: ["code"] },
  { path: "/service_at_locations", item: "compiled/service_at_location_list.json", one: "service_at_location.json", required: false, recommended: ["location"] },
] as const;

const PAGE_FIELDS = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];

type PageBody = { total_pages: number; contents: Record<string, unknown>[] } & Record<string, unknown>;

export async function checkConformance(get: GetJson): Promise<Check[]> {
  const checks: Check[] = [];
  const record = (endpoint: string, problems: string[], warnings: string[] = [], passDetail = "valid") =>
    checks.push(
      problems.length > 0
        ? { endpoint, result: "fail", detail: problems.slice(0, 3).join("; ") }
        : warnings.length > 0
          ? { endpoint, result: "warn", detail: warnings.slice(0, 3).join("; ") }
          : { endpoint, result: "pass", detail: passDetail },
    );

  const root = await get("/");
  const info = root.body as Record<string, unknown>;
  record("GET /", root.status !== 200 ? [`status ${root.status}`] : ["version", "profile", "openapi_url"].filter((key) => !info[key]).map((key) => `no ${key}`));

  for (const list of LISTS) {
    const first = await get(`${list.path}?per_page=2`);
    if (first.status !== 200) {
      record(`GET ${list.path}`, [`status ${first.status}${list.required ? " (required by HSDS)" : ""}`]);
      continue;
    }
    const page = first.body as PageBody;
    record(`GET ${list.path} (page 1)`, PAGE_FIELDS.filter((field) => !(field in page)).map((field) => `no ${field}`), [], `${page.total_items} items, ${page.total_pages} pages`);
    const pages = [...new Set([Math.ceil(page.total_pages / 2), page.total_pages])].filter((number) => number > 1);
    for (const number of pages) {
      const other = await get(`${list.path}?per_page=2&page=${number}`);
      const body = other.body as PageBody;
      record(`GET ${list.path} (page ${number})`, other.status !== 200 ? [`status ${other.status}`] : body.page_number === number ? [] : [`page_number is ${body.page_number}`]);
    }
    const problems = page.contents.flatMap((item) => schemaProblems(list.item, item).map((problem) => `${String(item.id)}${problem}`));
    const warnings = page.contents.flatMap((item) => list.recommended.filter((field) => !(field in item)).map((field) => `${String(item.id)} has no ${field}`));
    record(`${list.path} items against ${list.item}`, problems, warnings);
    const firstItem = page.contents[0];
    if (firstItem) {
      const one = await get(`${list.path}/${String(firstItem.id)}`);
      record(`GET ${list.path}/{id}`, one.status !== 200 ? [`status ${one.status}`] : schemaProblems(list.one, one.body));
    }
    const missing = await get(`${list.path}/00000000-0000-4000-8000-000000000000`);
    record(`GET ${list.path}/{unknown id}`, missing.status === 404 ? [] : [`status ${missing.status}, not 404`]);
  }
  const bad = await get("/services?page=0");
  record("GET /services?page=0", bad.status === 400 ? [] : [`status ${bad.status}, not 400`]);
  return checks;
}

export function formatChecks(checks: Check[]): string {
  const width = Math.max(...checks.map((check) => check.endpoint.length));
  return checks.map((check) => `${check.result.toUpperCase().padEnd(5)} ${check.endpoint.padEnd(width)}  ${check.detail}`).join("\n");
}
