import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { isCountryCode, isSubdivisionOf, relatedSubdivisions } from "#app/modules/regions/regions.server.ts";
import { loadSummaries, type ServiceSummary } from "./service-summary.server.ts";
import { localTime } from "./opening-hours.ts";
import { emptyAsUndefined } from "#app/validation.server.ts";
import { ACCESS_CODES, AUDIENCE_CODES, CATEGORY_CODES, CONTACT_CODES, TAXONOMY } from "./taxonomy.ts";

import { MAX_COUNTED, MAX_PAGE, PAGE_SIZE } from "./search-limits.ts";

export { MAX_COUNTED, MAX_PAGE, PAGE_SIZE };
export const FACET_LIMIT = 1000;
export const DEFAULT_RADIUS_KM = 25;
export const MAX_RADIUS_KM = 500;

const flag = (name: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .literal("1", { error: `${name} is either 1 or left out.` })
      .optional()
      .transform((value) => value === "1"),
  );

const coordinate = (name: string, limit: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `The ${name} must be a number.` })
      .min(-limit, `The ${name} must be between -${limit} and ${limit}.`)
      .max(limit, `The ${name} must be between -${limit} and ${limit}.`)
      .optional(),
  );

/** GET /search parameters. Repeatable: category, contact, access. */
export const SearchQuerySchema = z
  .object({
    country: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((value) => value.toUpperCase())
        .refine(isCountryCode, "Choose a country from the list (a two-letter ISO 3166-1 code such as GB).")
        .optional(),
    ),
    region: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .transform((value) => value.toUpperCase())
        .optional(),
    ),
    category: z
      .array(z.enum(CATEGORY_CODES, { error: "Choose a kind of help from the list." }))
      .max(CATEGORY_CODES.length)
      .default([]),
    audience: z.preprocess(
      emptyAsUndefined,
      z.enum(AUDIENCE_CODES, { error: "Choose who the help is for from the list." }).optional(),
    ),
    lang: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .toLowerCase()
        .regex(/^[a-z]{2,3}$/, "Choose a language from the list (a code such as es).")
        .optional(),
    ),
    q: z.preprocess(
      emptyAsUndefined,
      z.string().trim().max(200, "Use fewer words: at most 200 characters.").optional(),
    ),
    near: z.preprocess(
      emptyAsUndefined,
      z.string().trim().max(100, "Type a town or a postal code of at most 100 characters.").optional(),
    ),
    lat: coordinate("latitude", 90),
    lng: coordinate("longitude", 180),
    radius: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "The distance must be a number of kilometres." })
        .positive("The distance must be more than 0 km.")
        .max(MAX_RADIUS_KM, `The distance must be ${MAX_RADIUS_KM} km or less.`)
        .optional(),
    ),
    open: z.preprocess(emptyAsUndefined, z.literal("now", { error: "open is either now or left out." }).optional()),
    always: flag("always"),
    contact: z
      .array(z.enum(CONTACT_CODES, { error: "Choose a way to get in touch from the list." }))
      .max(CONTACT_CODES.length)
      .default([]),
    free: flag("free"),
    anonymous: flag("anonymous"),
    no_parent: flag("no_parent"),
    access: z
      .array(z.enum(ACCESS_CODES, { error: "Choose an access need from the list." }))
      .max(ACCESS_CODES.length)
      .default([]),
    page: z.preprocess(
      emptyAsUndefined,
      z.coerce
        .number({ error: "The page must be a whole number." })
        .int("The page must be a whole number.")
        .min(1, "The page must be 1 or more.")
        .max(MAX_PAGE, `The page must be ${MAX_PAGE} or less.`)
        .default(1),
    ),
  })
  .superRefine((query, context) => {
    if ((query.lat === undefined) !== (query.lng === undefined)) {
      context.addIssue({ code: "custom", path: ["lat"], message: "Give both a latitude and a longitude, or neither." });
    }
    if (!query.region) return;
    if (!query.country) {
      context.addIssue({ code: "custom", path: ["region"], message: "Choose a country before a region." });
    } else if (!isSubdivisionOf(query.region, query.country)) {
      context.addIssue({
        code: "custom",
        path: ["region"],
        message: `Choose a region of the chosen country (an ISO 3166-2 code such as ${query.country}-…).`,
      });
    }
  });

export type SearchQuery = z.output<typeof SearchQuerySchema>;
export const REPEATABLE_SEARCH_PARAMS = ["category", "contact", "access"] as const;

/** The filters that show a count next to each value. */
export type FacetCounts = {
  category: Partial<Record<string, number>>;
  audience: Partial<Record<string, number>>;
  lang: Partial<Record<string, number>>;
  contact: Partial<Record<string, number>>;
  access: Partial<Record<string, number>>;
  open: number;
  always: number;
  free: number;
  anonymous: number;
  no_parent: number;
};

export type SearchResultService = ServiceSummary & { distanceKm: number | null };

export type SearchResult = {
  services: SearchResultService[];
  /** Matches, counted up to MAX_COUNTED. */
  total: number;
  /** More matched than were counted. */
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
  /** How many of the services found have each filter value; left out past FACET_LIMIT results. */
  facets: FacetCounts | null;
  /** The words searched for instead, when those typed matched nothing ("counselling" for "counsellling"). */
  correctedWords: string | null;
  /** The point distances are measured from, when the search has one. */
  origin: Origin | null;
  /** `near` named a place we hold no location for. */
  unknownPlace: string | null;
};

type Origin = { latitude: number; longitude: number; radiusKm: number; label: string | null };
type TextMatch = { text: string } | null;

/** Everything a query needs once the place is resolved. */
type Plan = { query: SearchQuery; origin: Origin | null; match: TextMatch; now: Date };

/**
 * Published services that match, ranked (see docs/search.md), one page of them,
 * how many matched, and the count for every filter value.
 *
 * Words are matched exactly (full-text, accents folded); only when that finds
 * nothing is each unknown word replaced by the closest word the directory
 * uses, so a typo ("chilldline") still finds the service without loose
 * matches crowding exact ones.
 */
export async function searchServices(query: SearchQuery, now = new Date()): Promise<SearchResult> {
  const origin = await originOf(query);
  if (origin === "unknown") return emptyResult(query);
  let plan: Plan = { query, origin, match: query.q ? { text: query.q } : null, now };
  let page = await findPage(plan);
  let correctedWords: string | null = null;
  if (page.total === 0 && query.q) {
    correctedWords = await correctWords(query.q);
    if (correctedWords) {
      plan = { ...plan, match: { text: correctedWords } };
      page = await findPage(plan);
    }
  }
  const totalIsCapped = page.total > MAX_COUNTED;
  const [summaries, facets] = await Promise.all([
    loadSummaries(page.rows.map((row) => row.id), now),
    page.total <= FACET_LIMIT ? countFacets(plan) : null,
  ]);
  const distances = new Map(page.rows.map((row) => [row.id, row.distanceKm]));
  return {
    services: summaries.map((service) => ({ ...service, distanceKm: distances.get(service.id) ?? null })),
    total: page.total,
    totalIsCapped,
    page: query.page,
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(page.total / PAGE_SIZE))),
    facets,
    correctedWords: page.total > 0 ? correctedWords : null,
    origin,
    unknownPlace: null,
  };

  function emptyResult(query: SearchQuery): SearchResult {
    return {
      services: [],
      total: 0,
      totalIsCapped: false,
      page: query.page,
      pageCount: 1,
      facets: null,
      correctedWords: null,
      origin: null,
      unknownPlace: query.near ?? null,
    };
  }
}

/**
 * Each word of `text` that no published service uses, replaced by the most
 * similar word that one does (trigram similarity ≥ 0.4, from search_word):
 * "chilldline" → "childline". Null when nothing could be corrected.
 */
export async function correctWords(text: string): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ word: string; correction: string | null }[]>`
    SELECT typed.word, CASE
      WHEN EXISTS (SELECT 1 FROM search_word w WHERE w.word = typed.word) THEN typed.word
      ELSE (SELECT w.word FROM search_word w WHERE w.word % typed.word
            ORDER BY similarity(w.word, typed.word) DESC, w.word LIMIT 1)
    END AS correction
    FROM unnest(tsvector_to_array(to_tsvector('signpost_simple', ${text}))) AS typed(word)`;
  if (rows.length === 0 || rows.some((row) => row.correction === null)) return null;
  if (rows.every((row) => row.correction === row.word)) return null;
  return rows.map((row) => row.correction).join(" ");
}

/**
 * The point a search measures from: the coordinates given, or the place typed
 * in `near`, found among the locations we hold (a town or a postal code; no
 * outside geocoder, so nothing typed leaves the server).
 */
async function originOf(query: SearchQuery): Promise<Origin | null | "unknown"> {
  const radiusKm = query.radius ?? DEFAULT_RADIUS_KM;
  // A place typed in wins over coordinates left from an earlier search.
  if (query.near) {
    const place = await findPlace(query.near, query.country);
    return place ? { ...place, radiusKm, label: query.near } : "unknown";
  }
  if (query.lat !== undefined && query.lng !== undefined) {
    return { latitude: query.lat, longitude: query.lng, radiusKm, label: null };
  }
  return null;
}

export async function findPlace(text: string, country?: string): Promise<{ latitude: number; longitude: number } | null> {
  const postalCode = text.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
  const [row] = await prisma.$queryRaw<{ latitude: number | null; longitude: number | null }[]>`
    SELECT avg(l.latitude) AS latitude, avg(l.longitude) AS longitude
    FROM location l
    WHERE l.earth_point IS NOT NULL
      AND ${country ? Prisma.sql`l.country = ${country}` : Prisma.sql`TRUE`}
      AND (l.locality_key = lower(signpost_unaccent(${text}))
        ${postalCode.length >= 3 ? Prisma.sql`OR l.postal_code_key LIKE ${`${postalCode}%`}` : Prisma.empty})`;
  return row?.latitude != null && row.longitude != null ? { latitude: row.latitude, longitude: row.longitude } : null;
}

type PageRow = { id: string; distanceKm: number | null };

function pageSql(plan: Plan): Prisma.Sql {
  if (!plan.origin && !plan.match && plan.query.country && activeFilters(plan).length === 0) return pageByPlaceSql(plan);
  return Prisma.sql`
    ${nearbyCte(plan.origin)}
    SELECT s.id, ${plan.origin ? Prisma.sql`n.distance_km` : Prisma.sql`NULL::float8`} AS distance_km
    ${fromMatches(plan)}
    WHERE ${allConditions(plan)}
    ORDER BY ${orderBy(plan)}
    LIMIT ${PAGE_SIZE} OFFSET ${(plan.query.page - 1) * PAGE_SIZE}
  `;
}

/**
 * In a country, without words, a point or filters (where the matches are
 * many: all of a country's services), the order is place specificity, then most
 * recently verified, name and id. Each level of specificity is read apart,
 * already in that order (the verified_day, name, id index), and only as far
 * as the page needs, so a search over a whole large country stays fast.
 */
function pageByPlaceSql(plan: Plan): Prisma.Sql {
  const enough = plan.query.page * PAGE_SIZE;
  const levels = specificityLevels(plan.query).map(
    (level, index) => Prisma.sql`(
      SELECT s.id, ${index}::int AS level, s.verified_day, s.name FROM service s
      WHERE s.status = 'PUBLISHED' AND ${level}
      ORDER BY s.verified_day DESC, s.name, s.id LIMIT ${enough})`,
  );
  return Prisma.sql`
    SELECT ranked.id, NULL::float8 AS distance_km FROM (${Prisma.join(levels, " UNION ALL ")}) AS ranked
    ORDER BY ranked.level, ranked.verified_day DESC, ranked.name, ranked.id
    LIMIT ${PAGE_SIZE} OFFSET ${(plan.query.page - 1) * PAGE_SIZE}`;
}

/**
 * Which services are at each level of specificity for the place searched
 * (town, region, country, international), each level without the ones before.
 */
function specificityLevels(query: SearchQuery): Prisma.Sql[] {
  if (!query.country) throw new Error("Levels are for a search in a country.");
  const keySets: string[][] = !query.region
      ? [[`LC:${query.country}`], [`SC:${query.country}`], [`C:${query.country}`], ["INT"]]
      : (() => {
          const regions = relatedSubdivisions(query.region!);
          return [regions.map((code) => `LS:${code}`), regions.map((code) => `SS:${code}`), [`C:${query.country}`], ["INT"]];
        })();
  return keySets.map((keys, index) => {
    const before = keySets.slice(0, index).flat();
    return before.length === 0
      ? Prisma.sql`s.area_keys && ${keys}::text[]`
      : Prisma.sql`s.area_keys && ${keys}::text[] AND NOT s.area_keys && ${before}::text[]`;
  });
}

async function findPage(plan: Plan): Promise<{ rows: PageRow[]; total: number }> {
  const { query } = plan;
  const rows = await prisma.$queryRaw<{ id: string; distance_km: number | null }[]>(pageSql(plan));
  const onlyPage = query.page === 1 && rows.length < PAGE_SIZE;
  const total = onlyPage ? rows.length : await countMatches(plan);
  return { rows: rows.map((row) => ({ id: row.id, distanceKm: row.distance_km })), total };
}

export type QueryPlan = { executionMs: number; planningMs: number; indexes: string[]; plan: unknown };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the query that finds a page of results, as
 * searchServices would run it (with corrected words when those typed find
 * nothing): for the benchmark and for the test that checks indexes are used.
 */
export async function explainSearch(
  query: SearchQuery,
  options: { now?: Date; client?: Pick<typeof prisma, "$queryRaw"> } = {},
): Promise<QueryPlan> {
  const client = options.client ?? prisma;
  const now = options.now ?? new Date();
  const origin = await originOf(query);
  if (origin === "unknown") throw new Error(`Unknown place: ${query.near}`);
  let plan: Plan = { query, origin, match: query.q ? { text: query.q } : null, now };
  if (query.q && (await countMatches(plan)) === 0) {
    const corrected = await correctWords(query.q);
    if (corrected) plan = { ...plan, match: { text: corrected } };
  }
  const [row] = await client.$queryRaw<{ "QUERY PLAN": [{ Plan: unknown; "Execution Time": number; "Planning Time": number }] }[]>`
    EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${pageSql(plan)}`;
  const result = row!["QUERY PLAN"][0];
  return { executionMs: result["Execution Time"], planningMs: result["Planning Time"], indexes: indexesIn(result.Plan), plan: result.Plan };
}

function indexesIn(node: unknown): string[] {
  if (!node || typeof node !== "object") return [];
  const record = node as { "Index Name"?: string; Plans?: unknown[] };
  return [...new Set([...(record["Index Name"] ? [record["Index Name"]] : []), ...(record.Plans ?? []).flatMap(indexesIn)])];
}

/** Counts up to MAX_COUNTED + 1, so a broad search stops counting early. */
async function countMatches(plan: Plan): Promise<number> {
  const [row] = await prisma.$queryRaw<{ total: bigint }[]>`
    ${nearbyCte(plan.origin)}
    SELECT count(*) AS total FROM (
      SELECT 1 ${fromMatches(plan)} WHERE ${allConditions(plan)} LIMIT ${MAX_COUNTED + 1}
    ) AS matches`;
  return Number(row?.total ?? 0);
}

/** Services with a location within the radius, and the distance to the nearest one. */
function nearbyCte(origin: Origin | null): Prisma.Sql {
  if (!origin) return Prisma.empty;
  const center = Prisma.sql`ll_to_earth(${origin.latitude}::float8, ${origin.longitude}::float8)`;
  const metres = origin.radiusKm * 1000;
  return Prisma.sql`WITH nearby AS (
    SELECT sl.service_id, min(earth_distance(${center}, l.earth_point)) / 1000 AS distance_km
    FROM location l JOIN service_at_location sl ON sl.location_id = l.id
    WHERE earth_box(${center}, ${metres}::float8) @> l.earth_point
      AND earth_distance(${center}, l.earth_point) <= ${metres}::float8
    GROUP BY sl.service_id
  )`;
}

function fromMatches(plan: Plan): Prisma.Sql {
  return plan.origin ? Prisma.sql`FROM nearby n JOIN service s ON s.id = n.service_id` : Prisma.sql`FROM service s`;
}

type Filter = keyof FacetCounts;
type Flag = "open" | "always" | "free" | "anonymous" | "no_parent";

/** The yes-or-no filters, as conditions on the service row `s` (also counted, see countFacets). */
function flagConditions(now: Date): Record<Flag, Prisma.Sql> {
  return {
    open: openNow(now),
    always: ALWAYS_OPEN,
    free: Prisma.sql`s.cost = 'FREE'`,
    anonymous: Prisma.sql`s.anonymous_contact = 'YES'`,
    no_parent: Prisma.sql`s.child_can_use_without_parent = 'YES'`,
  };
}

/** The conditions, on the service row `s`, of the filters the query sets. */
function activeFilters(plan: Plan): Prisma.Sql[] {
  const { query } = plan;
  const flags = flagConditions(plan.now);
  const chosen: Record<Flag, boolean> = { open: query.open === "now", always: query.always, free: query.free, anonymous: query.anonymous, no_parent: query.no_parent };
  return [
    ...(query.category.length > 0 ? [Prisma.sql`s.category_codes && ${[...query.category]}::text[]`] : []),
    ...(query.audience ? [Prisma.sql`s.audience_codes @> ARRAY[${query.audience}]::text[]`] : []),
    ...(query.lang ? [Prisma.sql`s.language_codes @> ARRAY[${query.lang}]::text[]`] : []),
    // Any of the chosen ways to get in touch; all of the chosen access needs.
    ...(query.contact.length > 0 ? [Prisma.sql`s.contact_kinds && ${[...query.contact]}::text[]`] : []),
    ...(query.access.length > 0 ? [Prisma.sql`s.access_features @> ${[...query.access]}::text[]`] : []),
    ...(Object.keys(flags) as Flag[]).filter((flag) => chosen[flag]).map((flag) => flags[flag]),
  ];
}

const ALWAYS_OPEN = Prisma.sql`s.open_hours @> int4range(0, 10080)`;

/**
 * Open at `now` by the clock of the service's own time zone. The minute of the
 * week in every time zone is worked out once a minute, here, rather than by
 * PostgreSQL for every row (the subquery parses the list once per query); a
 * zone missing from the list falls back to SQL.
 */
function openNow(now: Date): Prisma.Sql {
  return Prisma.sql`s.open_hours @> coalesce(((SELECT ${weekMinutes(now)}::jsonb) ->> s.timezone)::int, signpost_week_minute(${now}::timestamptz, s.timezone))`;
}

let weekMinutesCache: { minute: number; json: string } | null = null;

function weekMinutes(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (weekMinutesCache?.minute !== minute) {
    const zones = ["UTC", ...Intl.supportedValuesOf("timeZone")];
    const byZone = Object.fromEntries(
      zones.map((zone) => {
        const local = localTime(now, zone);
        return [zone, (local.weekday - 1) * 1440 + local.minutes];
      }),
    );
    weekMinutesCache = { minute, json: JSON.stringify(byZone) };
  }
  return weekMinutesCache.json;
}

/** Published, in the place, matching the words: what every filter and count starts from. */
function baseConditions(plan: Plan): Prisma.Sql {
  return Prisma.sql`s.status = 'PUBLISHED' AND ${plan.origin ? Prisma.sql`TRUE` : placeCondition(plan.query)} AND ${textCondition(plan.match)}`;
}

function allConditions(plan: Plan): Prisma.Sql {
  return Prisma.join([baseConditions(plan), ...activeFilters(plan)], " AND ");
}

/**
 * Where a service works is kept as keys on its row (area_keys, see the
 * search_at_scale migration): INT for international, C:GB for all of a
 * country, SC:GB / SS:GB-ENG for a region of it, LC:GB / LS:GB-ENG for a town.
 * A country search matches every key in the country; a region search matches
 * the region, the regions it lies in and the regions inside it.
 */
function placeCondition(query: SearchQuery): Prisma.Sql {
  if (!query.country) return Prisma.sql`s.place_rank < 4`;
  return Prisma.sql`s.area_keys && ${placeKeys(query)}::text[]`;
}

function placeKeys(query: SearchQuery): string[] {
  if (!query.country) return [];
  if (!query.region) return ["INT", `C:${query.country}`, `SC:${query.country}`, `LC:${query.country}`];
  const regions = relatedSubdivisions(query.region);
  return ["INT", `C:${query.country}`, ...regions.map((code) => `SS:${code}`), ...regions.map((code) => `LS:${code}`)];
}

/** How locally a service covers the place searched: 0 town, 1 region, 2 country, 3 international. */
function specificity(query: SearchQuery): Prisma.Sql {
  // Without a place, the most local area the service has (kept in place_rank).
  if (!query.country) return Prisma.sql`s.place_rank`;
  if (!query.region) {
    return Prisma.sql`CASE WHEN s.area_keys @> ARRAY[${`LC:${query.country}`}] THEN 0
      WHEN s.area_keys @> ARRAY[${`SC:${query.country}`}] THEN 1
      WHEN s.area_keys @> ARRAY[${`C:${query.country}`}] THEN 2 ELSE 3 END`;
  }
  const regions = relatedSubdivisions(query.region);
  return Prisma.sql`CASE WHEN s.area_keys && ${regions.map((code) => `LS:${code}`)}::text[] THEN 0
    WHEN s.area_keys && ${regions.map((code) => `SS:${code}`)}::text[] THEN 1
    WHEN s.area_keys @> ARRAY[${`C:${query.country}`}] THEN 2 ELSE 3 END`;
}

/**
 * Place specificity (unless measuring from a point), relevance in steps of
 * 0.1 so that near-equal matches tie, distance, most recently verified, then
 * name and id: the same request always gives the same order.
 */
function orderBy(plan: Plan): Prisma.Sql {
  return Prisma.join(
    [
      ...(plan.origin ? [] : [specificity(plan.query)]),
      ...(plan.match ? [Prisma.sql`round(${relevance(plan.match)}::numeric, 1) DESC`] : []),
      ...(plan.origin ? [Prisma.sql`n.distance_km`] : []),
      Prisma.sql`s.verified_day DESC`,
      Prisma.sql`s.name`,
      Prisma.sql`s.id`,
    ],
    ", ",
  );
}

/**
 * For each filter value, how many of the services found have it. Counted only
 * for FACET_LIMIT results or fewer: counting costs a pass over every match,
 * and over thousands of services the numbers say little.
 */
async function countFacets(plan: Plan): Promise<FacetCounts> {
  const listFacet = (name: Filter, column: string) =>
    Prisma.sql`SELECT ${name} AS facet, value, count(*) AS count FROM matches s, unnest(s.${Prisma.raw(column)}) AS value GROUP BY value`;
  const flags = flagConditions(plan.now);
  const flagNames = Object.keys(flags) as Flag[];
  const flagColumn = (flag: Flag) => Prisma.raw(`is_${flag}`);
  const rows = await prisma.$queryRaw<{ facet: Filter; value: string | null; count: bigint }[]>`
    ${plan.origin ? Prisma.sql`${nearbyCte(plan.origin)},` : Prisma.sql`WITH`} matches AS MATERIALIZED (
      SELECT s.category_codes, s.audience_codes, s.language_codes, s.contact_kinds, s.access_features,
        ${Prisma.join(flagNames.map((flag) => Prisma.sql`${flags[flag]} AS ${flagColumn(flag)}`), ", ")}
      ${fromMatches(plan)} WHERE ${allConditions(plan)}
    )
    ${listFacet("category", "category_codes")}
    UNION ALL ${listFacet("audience", "audience_codes")}
    UNION ALL ${listFacet("lang", "language_codes")}
    UNION ALL ${listFacet("contact", "contact_kinds")}
    UNION ALL ${listFacet("access", "access_features")}
    ${Prisma.join(
      flagNames.map((flag) => Prisma.sql`UNION ALL SELECT ${flag} AS facet, NULL AS value, count(*) FILTER (WHERE ${flagColumn(flag)}) AS count FROM matches s`),
      " ",
    )}`;
  const facets: FacetCounts = { category: {}, audience: {}, lang: {}, contact: {}, access: {}, open: 0, always: 0, free: 0, anonymous: 0, no_parent: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    const facet = facets[row.facet];
    if (typeof facet === "number") (facets[row.facet] as number) = count;
    else if (row.value !== null) facet[row.value] = count;
  }
  return facets;
}

let spokenLanguagesCache: { until: number; codes: Promise<string[]> } | null = null;

/**
 * The languages published services speak, for the search form. Reading them
 * means reading every service, so the list is kept for a minute.
 */
export function spokenLanguages(now = Date.now()): Promise<string[]> {
  if (!spokenLanguagesCache || spokenLanguagesCache.until < now) {
    const codes = prisma.$queryRaw<{ code: string }[]>`
      SELECT DISTINCT unnest(s.language_codes) AS code FROM service s WHERE s.status = 'PUBLISHED' ORDER BY 1`.then((rows) => rows.map((row) => row.code));
    spokenLanguagesCache = { until: now + 60_000, codes };
    // A failed read is not kept.
    codes.catch(() => (spokenLanguagesCache = null));
  }
  return spokenLanguagesCache.codes;
}

function textCondition(match: TextMatch): Prisma.Sql {
  if (!match) return Prisma.sql`TRUE`;
  return Prisma.sql`s.search_document @@ websearch_to_tsquery('signpost_simple', ${match.text})`;
}

function relevance(match: TextMatch): Prisma.Sql {
  if (!match) return Prisma.sql`0::real`; // an expression: a bare 0 in ORDER BY means "column 0"
  return Prisma.sql`ts_rank_cd(s.search_document, websearch_to_tsquery('signpost_simple', ${match.text}))`;
}

/** International services, for the "nothing found" page and for places we have nothing for yet. */
export async function listInternationalServices(now = new Date()): Promise<ServiceSummary[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM service s
    WHERE s.status = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM service_area a WHERE a.service_id = s.id AND a.kind = 'INTERNATIONAL')
    ORDER BY s.name, s.id
    LIMIT 10
  `;
  return loadSummaries(
    rows.map((row) => row.id),
    now,
  );
}

/**
 * The country's child helpline, for the emergency strip: a published national
 * service in the child-helpline category with a phone number, from our own
 * vetted listings rather than a separate list that could drift.
 */
export async function childHelplineFor(country: string): Promise<{ name: string; phone: string; slug: string } | null> {
  const [row] = await prisma.$queryRaw<{ name: string; slug: string; phone: string | null }[]>`
    SELECT s.name, s.slug,
      (SELECT c.value FROM contact_channel c WHERE c.service_id = s.id AND c.kind = 'PHONE' ORDER BY c.position, c.id LIMIT 1) AS phone
    FROM service s
    WHERE s.status = 'PUBLISHED' AND s.area_keys @> ARRAY[${`C:${country}`}]
      AND s.category_codes @> '{child-helpline}' AND s.contact_kinds @> '{call}'
    ORDER BY s.last_verified_at DESC NULLS LAST, s.name, s.id
    LIMIT 1`;
  return row?.phone ? { name: row.name, phone: row.phone, slug: row.slug } : null;
}

/**
 * Helplines that answer right now, in their own time zones, reachable by one
 * of the chosen ways (call, text, chat): for "I want to talk to someone".
 */
export async function openHelplines(
  country: string | undefined,
  kinds: ("PHONE" | "SMS" | "CHAT")[],
  now = new Date(),
): Promise<ServiceSummary[]> {
  const query = SearchQuerySchema.parse({ country, category: ["child-helpline", "counselling", "peer-support"] });
  const contact = kinds.map((kind) => ({ PHONE: "call", SMS: "text", CHAT: "chat" })[kind]);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id
    FROM service s
    WHERE s.status = 'PUBLISHED' AND ${placeCondition(query)}
      AND s.category_codes && ${query.category}::text[]
      AND s.contact_kinds && ${contact}::text[]
    ORDER BY ${specificity(query)}, s.name, s.id
    LIMIT 100`;
  const summaries = await loadSummaries(
    rows.map((row) => row.id),
    now,
  );
  return summaries
    .map((service) => ({ ...service, contacts: service.contacts.filter((contact) => (kinds as string[]).includes(contact.kind) && contact.openState === "open") }))
    .filter((service) => service.contacts.length > 0);
}
