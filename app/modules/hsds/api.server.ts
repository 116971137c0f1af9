import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { hashClientAddress } from "#app/modules/accounts/encryption.server.ts";
import { hitRateLimit, type RateLimit } from "#app/modules/accounts/rate-limit.server.ts";
import { findPlace } from "#app/modules/directory/search.server.ts";
import { emptyAsUndefined, withoutNul } from "#app/validation.server.ts";
import { parseEnv, publicOrigin } from "#app/env.server.ts";
import { etagOf, isNotModified } from "#app/http-caching.server.ts";
import { compact, loadServices, loadTaxonomies, loadTaxonomyTerms, toFullService, toLocation, toServiceSummary } from "./mapping.server.ts";
import { openApiDocument } from "./openapi.server.ts";

// The public, read-only HSDS 3.0 API under /api/hsds/: published services
// only, no key, any origin may read it. One entry point, handleHsdsRequest,
// which the resource route calls; errors are JSON with a message.

export const HSDS_BASE = "/api/hsds";
export const HSDS_VERSION = "3.0";
const apiRateLimit = (): RateLimit => ({ limit: parseEnv().API_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 50;

const yesNo = (name: string) =>
  z.preprocess(
    emptyAsUndefined,
    z.enum(["true", "false", "1", "0"], { error: `${name} is true or false.` }).optional().transform((value) => value === "true" || value === "1"),
  );
const uuid = (name: string) => z.preprocess(emptyAsUndefined, z.uuid({ error: `${name} must be a UUID.` }).optional());
const wholeNumber = (name: string, min: number, max: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number.` })
      .int(`${name} must be a whole number.`)
      .min(min, `${name} must be ${min} or more.`)
      .max(max, `${name} must be ${max} or less.`)
      .optional(),
  );
const clockTime = (name: string) =>
  z.preprocess(emptyAsUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${name} is a time such as 09:30.`).optional());

export const ApiQuerySchema = z
  .object({
    search: z.preprocess(emptyAsUndefined, z.string().trim().max(200, "search: at most 200 characters.").optional()),
    page: wholeNumber("page", 1, 100_000),
    per_page: wholeNumber("per_page", 1, MAX_PER_PAGE),
    format: z.preprocess(emptyAsUndefined, z.enum(["json", "ndjson"], { error: "format is json or ndjson." }).default("json")),
    taxonomy_term_id: uuid("taxonomy_term_id"),
    taxonomy_id: uuid("taxonomy_id"),
    organization_id: uuid("organization_id"),
    modified_after: z.preprocess(emptyAsUndefined, z.iso.datetime({ offset: true, error: "modified_after is a date and time such as 2026-01-31T00:00:00Z." }).optional()),
    minimal: yesNo("minimal"),
    full: yesNo("full"),
    full_service: yesNo("full_service"),
    postcode: z.preprocess(emptyAsUndefined, z.string().trim().max(20, "postcode: at most 20 characters.").optional()),
    proximity: wholeNumber("proximity (metres)", 1, 500_000),
    minimum_age: wholeNumber("minimum_age", 0, 120),
    maximum_age: wholeNumber("maximum_age", 0, 120),
    day: z.preprocess(emptyAsUndefined, z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], { error: "day is MO, TU, WE, TH, FR, SA or SU." }).optional()),
    start_time: clockTime("start_time"),
    end_time: clockTime("end_time"),
  })
  .superRefine((query, context) => {
    if (query.proximity !== undefined && !query.postcode) context.addIssue({ code: "custom", path: ["proximity"], message: "proximity needs a postcode." });
    if ((query.start_time || query.end_time) && !query.day) context.addIssue({ code: "custom", path: ["day"], message: "start_time and end_time need a day." });
    if (query.start_time && query.end_time && query.end_time <= query.start_time) {
      context.addIssue({ code: "custom", path: ["end_time"], message: "end_time must be after start_time." });
    }
  });

export type ApiQuery = z.output<typeof ApiQuerySchema>;

type Page<T> = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: T[] };

function paged<T>(items: T[], total: number, page: number, perPage: number): Page<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: page, size: items.length, first_page: page === 1, last_page: page >= totalPages, empty: items.length === 0, contents: items };
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

// ── Services ──────────────────────────────────────────────────────────────────

const DAY_INDEX = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 } as const;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Conditions on the published service row `s` for the query's filters. */
async function serviceConditions(query: ApiQuery): Promise<Prisma.Sql> {
  const conditions: Prisma.Sql[] = [Prisma.sql`s.status = 'PUBLISHED'`];
  if (query.search) conditions.push(Prisma.sql`s.search_document @@ websearch_to_tsquery('signpost_simple', ${query.search})`);
  if (query.organization_id) conditions.push(Prisma.sql`s.organization_id = ${query.organization_id}::uuid`);
  if (query.modified_after) conditions.push(Prisma.sql`s.updated_at >= ${new Date(query.modified_after)}`);
  if (query.taxonomy_term_id) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM service_taxonomy_term st WHERE st.service_id = s.id AND st.term_id = ${query.taxonomy_term_id}::uuid)`);
  }
  if (query.taxonomy_id) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM service_taxonomy_term st JOIN taxonomy_term t ON t.id = st.term_id
      WHERE st.service_id = s.id AND t.taxonomy_id = ${query.taxonomy_id}::uuid)`);
  }
  // ORUK: services for someone of this age range (a service without limits serves every age).
  if (query.minimum_age !== undefined) conditions.push(Prisma.sql`(s.maximum_age IS NULL OR s.maximum_age >= ${query.minimum_age})`);
  if (query.maximum_age !== undefined) conditions.push(Prisma.sql`(s.minimum_age IS NULL OR s.minimum_age <= ${query.maximum_age})`);
  // ORUK: open at some time on that day (between start_time and end_time when given), in its own time zone.
  if (query.day) {
    const dayStart = DAY_INDEX[query.day] * 1440;
    const from = dayStart + (query.start_time ? minutesOf(query.start_time) : 0);
    const to = dayStart + (query.end_time ? minutesOf(query.end_time) : 1440);
    conditions.push(Prisma.sql`s.open_hours && int4multirange(int4range(${from}::int, ${Math.max(to, from + 1)}::int))`);
  }
  if (query.postcode) {
    const place = await findPlace(query.postcode);
    if (!place) throw new ApiError(400, `No location we hold has the postcode ${query.postcode}.`, [{ field: "postcode", message: "Unknown postcode." }]);
    const metres = query.proximity ?? 25_000;
    const center = Prisma.sql`ll_to_earth(${place.latitude}::float8, ${place.longitude}::float8)`;
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM service_at_location sl JOIN location l ON l.id = sl.location_id
      WHERE sl.service_id = s.id AND earth_box(${center}, ${metres}::float8) @> l.earth_point
        AND earth_distance(${center}, l.earth_point) <= ${metres}::float8)`);
  }
  return Prisma.join(conditions, " AND ");
}

async function serviceIds(query: ApiQuery, limit: number | null, offset: number): Promise<{ ids: string[]; total: number }> {
  const where = await serviceConditions(query);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM service s WHERE ${where} ORDER BY s.name, s.id
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`}`;
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM service s WHERE ${where}`;
  return { ids: rows.map((row) => row.id), total: Number(count?.total ?? 0) };
}

async function serviceItems(ids: string[], query: ApiQuery): Promise<unknown[]> {
  const rows = await loadServices(ids);
  if (query.minimal) return rows.map((row) => ({ id: row.id, name: row.name, status: "active", last_modified: row.updatedAt.toISOString() }));
  return rows.map((row) => (query.full ? toFullService(row) : toServiceSummary(row)));
}

// ── Organizations ─────────────────────────────────────────────────────────────

type OrganizationRow = { id: string; name: string; description: string | null; website: string | null; email: string | null };

async function organizations(query: ApiQuery, limit: number | null, offset: number) {
  const where = Prisma.sql`EXISTS (SELECT 1 FROM service s WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')
    ${query.search ? Prisma.sql`AND lower(signpost_unaccent(o.name)) LIKE ${`%${query.search.toLowerCase()}%`}` : Prisma.empty}`;
  const rows = await prisma.$queryRaw<OrganizationRow[]>`
    SELECT o.id, o.name, o.description, o.website, o.email FROM organization o WHERE ${where} ORDER BY o.name, o.id
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`}`;
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM organization o WHERE ${where}`;
  return { rows, total: Number(count?.total ?? 0) };
}

async function organizationItem(row: OrganizationRow, withServices: boolean): Promise<unknown> {
  const organization = compact({ id: row.id, name: row.name, description: row.description || row.name, website: row.website, email: row.email });
  if (!withServices) return organization;
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT id FROM service WHERE organization_id = ${row.id}::uuid AND status = 'PUBLISHED' ORDER BY name, id`;
  const services = await loadServices(ids.map((entry) => entry.id));
  return { ...organization, services: services.map(toFullService) };
}

// ── Service at location ───────────────────────────────────────────────────────

async function serviceAtLocations(query: ApiQuery, limit: number | null, offset: number) {
  const where = Prisma.sql`EXISTS (SELECT 1 FROM service s WHERE s.id = sl.service_id AND ${await serviceConditions(query)})`;
  const rows = await prisma.$queryRaw<{ id: string; service_id: string }[]>`
    SELECT sl.id, sl.service_id FROM service_at_location sl WHERE ${where} ORDER BY sl.id
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit} OFFSET ${offset}`}`;
  const [count] = await prisma.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM service_at_location sl WHERE ${where}`;
  return { rows, total: Number(count?.total ?? 0) };
}

async function serviceAtLocationItems(rows: { id: string; service_id: string }[], full: boolean): Promise<unknown[]> {
  const services = await loadServices([...new Set(rows.map((row) => row.service_id))]);
  const byId = new Map(services.map((service) => [service.id, service]));
  return rows.flatMap((row) => {
    const service = byId.get(row.service_id);
    const location = service?.locations.find((entry) => entry.serviceAtLocationId === row.id);
    if (!service || !location) return [];
    return [compact({ id: row.id, service_id: service.id, location_id: location.id, location: toLocation(location), service: full ? toFullService(service) : toServiceSummary(service) })];
  });
}

// ── The handler ───────────────────────────────────────────────────────────────

type Result = { status: number; body: unknown } | { status: 200; stream: AsyncIterable<unknown> | Iterable<unknown> };

async function route(path: string, query: ApiQuery, origin: string): Promise<Result> {
  const perPage = query.per_page ?? DEFAULT_PER_PAGE;
  const page = query.page ?? 1;
  const offset = (page - 1) * perPage;
  const ndjson = query.format === "ndjson";
  const limit = ndjson ? null : perPage;
  const segments = path.split("/").filter(Boolean);
  const [collection, id, extra] = segments;
  if (extra !== undefined) throw new ApiError(404, `No such endpoint: ${HSDS_BASE}${path}`);
  if (id !== undefined && !z.uuid().safeParse(id).success) throw new ApiError(404, `No ${collection} has the id ${id}.`);

  switch (collection) {
    case undefined:
      return { status: 200, body: { version: HSDS_VERSION, profile: "https://specs.openreferral.org/en/latest/hsds/overview/", openapi_url: `${origin}${HSDS_BASE}/openapi.json` } };
    case "openapi.json":
      return { status: 200, body: openApiDocument(origin) };
    case "services": {
      if (id) {
        const [service] = await loadServices([id]);
        if (!service) throw new ApiError(404, `No published service has the id ${id}.`);
        return { status: 200, body: toFullService(service) };
      }
      if (ndjson) return { status: 200, stream: streamServices(query) };
      const { ids, total } = await serviceIds(query, limit, offset);
      return { status: 200, body: paged(await serviceItems(ids, query), total, page, perPage) };
    }
    case "organizations": {
      if (id) {
        const [row] = await prisma.$queryRaw<OrganizationRow[]>`
          SELECT o.id, o.name, o.description, o.website, o.email FROM organization o
          WHERE o.id = ${id}::uuid AND EXISTS (SELECT 1 FROM service s WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')`;
        if (!row) throw new ApiError(404, `No organization with published services has the id ${id}.`);
        return { status: 200, body: await organizationItem(row, true) };
      }
      const { rows, total } = await organizations(query, limit, offset);
      const items = await Promise.all(rows.map((row) => organizationItem(row, query.full_service || query.full)));
      return ndjson ? { status: 200, stream: items } : { status: 200, body: paged(items, total, page, perPage) };
    }
    case "taxonomies":
    case "taxonomy_terms": {
      let items = collection === "taxonomies" ? await loadTaxonomies() : await loadTaxonomyTerms();
      if (collection === "taxonomy_terms" && query.taxonomy_id) items = items.filter((item) => item.taxonomy_id === query.taxonomy_id);
      if (query.search) items = items.filter((item) => String(item.name).toLowerCase().includes(query.search!.toLowerCase()));
      if (id) {
        const item = items.find((entry) => entry.id === id);
        if (!item) throw new ApiError(404, `No ${collection === "taxonomies" ? "taxonomy" : "taxonomy term"} has the id ${id}.`);
        return { status: 200, body: item };
      }
      return ndjson ? { status: 200, stream: items } : { status: 200, body: paged(items.slice(offset, offset + perPage), items.length, page, perPage) };
    }
    case "service_at_locations": {
      if (id) {
        const [row] = await prisma.$queryRaw<{ id: string; service_id: string }[]>`SELECT id, service_id FROM service_at_location WHERE id = ${id}::uuid`;
        const [item] = row ? await serviceAtLocationItems([row], true) : [];
        if (!item) throw new ApiError(404, `No service at location has the id ${id}.`);
        return { status: 200, body: item };
      }
      const { rows, total } = await serviceAtLocations(query, limit, offset);
      const items = await serviceAtLocationItems(rows, query.full);
      return ndjson ? { status: 200, stream: items } : { status: 200, body: paged(items, total, page, perPage) };
    }
    default:
      throw new ApiError(404, `No such endpoint: ${HSDS_BASE}${path}`);
  }
}

/** Every matching service, a batch at a time, for format=ndjson. */
async function* streamServices(query: ApiQuery): AsyncIterable<unknown> {
  const where = await serviceConditions(query);
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows: { id: string; name: string }[] = await prisma.$queryRaw<{ id: string; name: string }[]>`
      SELECT s.id, s.name FROM service s WHERE ${where}
        ${after ? Prisma.sql`AND (s.name, s.id) > (${after.name}, ${after.id}::uuid)` : Prisma.empty}
      ORDER BY s.name, s.id LIMIT 200`;
    if (rows.length === 0) return;
    for (const item of await serviceItems(rows.map((row) => row.id), query)) yield item;
    const last: { id: string; name: string } = rows[rows.length - 1]!;
    after = { name: last.name, id: last.id };
  }
}

const COMMON_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "X-Content-Type-Options": "nosniff",
};

function json(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...COMMON_HEADERS, "Content-Type": "application/json; charset=utf-8", ...extra } });
}

/**
 * Answers one GET under /api/hsds/. `path` is the part after /api/hsds.
 * Rate limited per client (hashed address, counted in PostgreSQL so that
 * every instance shares the count).
 */
export async function handleHsdsRequest(
  request: Request,
  path: string,
  clientAddress: string | null,
  options: { rateLimit?: RateLimit } = {},
): Promise<Response> {
  const rule = options.rateLimit ?? apiRateLimit();
  const limit = await hitRateLimit("hsds-api", hashClientAddress(clientAddress) ?? "unknown", rule);
  if (!limit.allowed) {
    return json(429, { message: `Too many requests: at most ${rule.limit} a minute. Try again in ${limit.retryAfterSeconds} s.` }, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const [name, value] of url.searchParams) raw[name] = withoutNul(value);
  const parsed = ApiQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "query", message: issue.message }));
    return json(400, { message: problems.map((problem) => problem.message).join(" "), problems });
  }
  try {
    // Links name the configured public address, never the Host the client sent.
    const result = await route(path, parsed.data, publicOrigin());
    if ("stream" in result) {
      const encoder = new TextEncoder();
      const iterator = (async function* () {
        yield* result.stream;
      })();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
        },
      });
      return new Response(body, { headers: { ...COMMON_HEADERS, "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-cache" } });
    }
    const text = JSON.stringify(result.body);
    const etag = etagOf(text);
    const headers = { "Cache-Control": "public, max-age=60", ETag: etag, Vary: "Accept-Encoding" };
    if (isNotModified(request.headers.get("if-none-match"), etag)) {
      return new Response(null, { status: 304, headers: { ...COMMON_HEADERS, ...headers } });
    }
    return new Response(text, { status: result.status, headers: { ...COMMON_HEADERS, "Content-Type": "application/json; charset=utf-8", ...headers } });
  } catch (error) {
    if (error instanceof ApiError) return json(error.status, { message: error.message, ...(error.details ? { problems: error.details } : {}) });
    throw error;
  }
}
