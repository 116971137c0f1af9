import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { isCountryCode, isSubdivisionOf, relatedSubdivisions } from "#app/modules/regions/regions.server.ts";
import { loadSummaries, type ServiceSummary } from "./service-summary.server.ts";
import { emptyAsUndefined } from "#app/validation.server.ts";
import { AUDIENCE_CODES, CATEGORY_CODES, TAXONOMY } from "./taxonomy.ts";

export const PAGE_SIZE = 10;
export const MAX_PAGE = 500;


/** GET /search parameters. Repeatable: category. */
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
export const REPEATABLE_SEARCH_PARAMS = ["category"] as const;

export type SearchResult = {
  services: ServiceSummary[];
  total: number;
  page: number;
  pageCount: number;
};

/**
 * Published services that cover the place searched, filtered and ranked:
 * the most local coverage first (locality, then region, then country, then
 * international), then text relevance, then the most recently verified, then
 * name and id so that the order never changes between two identical requests.
 *
 * Words are matched exactly (full-text, accents folded) first; only when that
 * finds nothing are names matched by similarity, so a typo ("chilldline")
 * still finds the service without loose matches crowding exact ones.
 */
export async function searchServices(query: SearchQuery, now = new Date()): Promise<SearchResult> {
  const exact = await findPage(query, query.q ? { text: query.q, mode: "words" } : null);
  const result = exact.total === 0 && query.q ? await findPage(query, { text: query.q, mode: "similar" }) : exact;
  const services = await loadSummaries(result.ids, now);
  return { services, total: result.total, page: query.page, pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)) };
}

type TextMatch = { text: string; mode: "words" | "similar" } | null;

async function findPage(query: SearchQuery, match: TextMatch): Promise<{ ids: string[]; total: number }> {
  const rows = await prisma.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT s.id, count(*) OVER () AS total
    FROM service s
    ${coverageJoin(query)}
    WHERE s.status = 'PUBLISHED' AND ${filterConditions(query, match)}
    ORDER BY coverage.specificity, ${relevance(match)} DESC, s.last_verified_at DESC NULLS LAST, s.name, s.id
    LIMIT ${PAGE_SIZE} OFFSET ${(query.page - 1) * PAGE_SIZE}
  `;
  const total = rows.length > 0 ? Number(rows[0]!.total) : await countMatches(query, match);
  return { ids: rows.map((row) => row.id), total };
}

// A page past the end returns no rows, and so no window count: count apart.
async function countMatches(query: SearchQuery, match: TextMatch): Promise<number> {
  if (query.page === 1) return 0;
  const [row] = await prisma.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM service s
    WHERE s.status = 'PUBLISHED'
      AND EXISTS (SELECT 1 FROM service_area a WHERE a.service_id = s.id AND ${coverageCondition(query)})
      AND ${filterConditions(query, match)}
  `;
  return Number(row?.total ?? 0);
}

/** Everything but the place: kinds of help, audience, language spoken, words. */
function filterConditions(query: SearchQuery, match: TextMatch): Prisma.Sql {
  return Prisma.sql`${termCondition(TAXONOMY.category, query.category)}
    AND ${termCondition(TAXONOMY.audience, query.audience ? [query.audience] : [])}
    AND ${languageCondition(query.lang)}
    AND ${textCondition(match)}`;
}

// "pt" also finds services that speak "pt-BR".
function languageCondition(lang: string | undefined): Prisma.Sql {
  if (!lang) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM service_language l WHERE l.service_id = s.id AND (l.code = ${lang} OR l.code LIKE ${`${lang}-%`}))`;
}

/** The languages published services speak, for the search form. */
export async function spokenLanguages(): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    SELECT DISTINCT split_part(l.code, '-', 1) AS code FROM service_language l
    JOIN service s ON s.id = l.service_id AND s.status = 'PUBLISHED'
    ORDER BY 1`;
  return rows.map((row) => row.code);
}

/**
 * Keeps services that cover the place, with how locally they cover it as
 * coverage.specificity: 0 locality, 1 region, 2 country, 3 international.
 */
function coverageJoin(query: SearchQuery): Prisma.Sql {
  return Prisma.sql`JOIN LATERAL (
      SELECT min(CASE a.kind WHEN 'LOCALITY' THEN 0 WHEN 'SUBDIVISION' THEN 1 WHEN 'COUNTRY' THEN 2 ELSE 3 END) AS specificity
      FROM service_area a
      WHERE a.service_id = s.id AND ${coverageCondition(query)}
    ) coverage ON coverage.specificity IS NOT NULL`;
}

/** A service area covers the place when it is international, national for the country, or in/around the region. */
function coverageCondition(query: SearchQuery): Prisma.Sql {
  if (!query.country) return Prisma.sql`TRUE`;
  if (!query.region) return Prisma.sql`(a.kind = 'INTERNATIONAL' OR a.country = ${query.country})`;
  return Prisma.sql`(a.kind = 'INTERNATIONAL' OR (a.country = ${query.country} AND (
    a.kind = 'COUNTRY' OR a.subdivision = ANY(${relatedSubdivisions(query.region)}::text[]))))`;
}

function termCondition(taxonomy: string, codes: readonly string[]): Prisma.Sql {
  if (codes.length === 0) return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (
    SELECT 1 FROM service_taxonomy_term st
    JOIN taxonomy_term t ON t.id = st.term_id
    JOIN taxonomy x ON x.id = t.taxonomy_id
    WHERE st.service_id = s.id AND x.code = ${taxonomy} AND t.code = ANY(${[...codes]}::text[]))`;
}

function textCondition(match: TextMatch): Prisma.Sql {
  if (!match) return Prisma.sql`TRUE`;
  if (match.mode === "words") return Prisma.sql`s.search_document @@ websearch_to_tsquery('signpost_simple', ${match.text})`;
  return Prisma.sql`lower(signpost_unaccent(${match.text})) <% s.search_text`;
}

function relevance(match: TextMatch): Prisma.Sql {
  if (!match) return Prisma.sql`0::real`; // an expression: a bare 0 in ORDER BY means "column 0"
  if (match.mode === "words") {
    return Prisma.sql`ts_rank_cd(s.search_document, websearch_to_tsquery('signpost_simple', ${match.text}))`;
  }
  return Prisma.sql`word_similarity(lower(signpost_unaccent(${match.text})), s.search_text)`;
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
  const service = await prisma.service.findFirst({
    where: {
      status: "PUBLISHED",
      areas: { some: { kind: "COUNTRY", country } },
      taxonomyTerms: { some: { term: { code: "child-helpline", taxonomy: { code: TAXONOMY.category } } } },
      contactChannels: { some: { kind: "PHONE" } },
    },
    orderBy: [{ lastVerifiedAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
    select: { name: true, slug: true, contactChannels: { where: { kind: "PHONE" }, orderBy: { position: "asc" }, take: 1 } },
  });
  const phone = service?.contactChannels[0]?.value;
  return service && phone ? { name: service.name, phone, slug: service.slug } : null;
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
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT s.id
    FROM service s
    ${coverageJoin(query)}
    WHERE s.status = 'PUBLISHED'
      AND ${termCondition(TAXONOMY.category, query.category)}
      AND EXISTS (SELECT 1 FROM contact_channel c WHERE c.service_id = s.id AND c.kind::text = ANY(${kinds}::text[]))
    ORDER BY coverage.specificity, s.name, s.id
    LIMIT 100`;
  const summaries = await loadSummaries(
    rows.map((row) => row.id),
    now,
  );
  return summaries
    .map((service) => ({ ...service, contacts: service.contacts.filter((contact) => (kinds as string[]).includes(contact.kind) && contact.openState === "open") }))
    .filter((service) => service.contacts.length > 0);
}
