import { createHash } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { countryName, subdivisionName } from "#app/modules/regions/regions.server.ts";
import { loadServiceRecords, type ServiceRecord } from "#app/modules/directory/service-summary.server.ts";

// Our directory as Open Referral HSDS 3.0 objects. Every object keeps a
// stable UUID: our own row ids where we have rows, and for what we store
// differently (a service's languages, its links to taxonomy terms, its safety
// disclosure) a name-based UUID, so the same fact always has the same id.
// Empty optional fields are left out, never sent as null.

/** A name-based UUID (version 5 layout, SHA-1), for objects that have no row of their own. */
export function stableId(...parts: string[]): string {
  const hash = createHash("sha1").update(`signpost:${parts.join(":")}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Json = Record<string, unknown>;

/** Leaves out undefined, null, "" and [] (HSDS: omit what you do not have). */
export function compact<T extends Json>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0)),
  ) as T;
}

// ── Taxonomies: our categories and audiences (rows), and the safety disclosure ──

export const SAFETY_TAXONOMY = {
  id: stableId("taxonomy", "safety"),
  name: "Signpost safety disclosure",
  description: "What a person needs to know before making contact: whether they can stay anonymous, and whether the service tells the police or parents. Each attribute's value is one of YES, NO, UNKNOWN (or NEVER, ONLY_IF_SOMEONE_IS_AT_RISK, ALWAYS, UNKNOWN).",
  version: "1",
};

export const SAFETY_TERMS = [
  { code: "anonymous_contact", name: "Can be contacted anonymously", column: "anonymousContact" },
  { code: "tells_police", name: "Tells the police what you share", column: "tellsPolice" },
  { code: "tells_parents", name: "Tells parents or carers what a child shares", column: "tellsParents" },
  { code: "child_can_use_without_parent", name: "A child can use it without a parent", column: "childCanUseWithoutParent" },
  { code: "access_feature", name: "Access the service offers (value: step-free, sign-language, interpreters, easy-read, text-relay)", column: null },
] as const;

const safetyTermId = (code: string) => stableId("taxonomy_term", "safety", code);

type TaxonomyRow = { id: string; code: string; name: string };
type TermRow = { id: string; code: string; name: string; taxonomy_id: string; taxonomy_code: string; taxonomy_name: string };

export async function loadTaxonomies(): Promise<Json[]> {
  const rows = await prisma.$queryRaw<TaxonomyRow[]>`SELECT id, code, name FROM taxonomy ORDER BY code`;
  return [
    ...rows.map((row) => toTaxonomy(row)),
    compact({ ...SAFETY_TAXONOMY }),
  ];
}

function toTaxonomy(row: TaxonomyRow): Json {
  return compact({
    id: row.id,
    name: row.name,
    description: row.code === "category" ? "Signpost's kinds of help." : "Who a Signpost service is for.",
    version: "1",
  });
}

export async function loadTaxonomyTerms(): Promise<Json[]> {
  const rows = await prisma.$queryRaw<TermRow[]>`
    SELECT t.id, t.code, t.name, x.id AS taxonomy_id, x.code AS taxonomy_code, x.name AS taxonomy_name
    FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id ORDER BY x.code, t.position`;
  return [
    ...rows.map((row) => compact({ id: row.id, code: row.code, name: row.name, description: row.name, taxonomy: row.taxonomy_name, taxonomy_id: row.taxonomy_id, language: "en" })),
    ...SAFETY_TERMS.map((term) =>
      compact({ id: safetyTermId(term.code), code: term.code, name: term.name, description: term.name, taxonomy: SAFETY_TAXONOMY.name, taxonomy_id: SAFETY_TAXONOMY.id, language: "en" }),
    ),
  ];
}

// ── Services ──────────────────────────────────────────────────────────────────

type Period = ServiceRecord["schedules"][number];
type ServiceRow = ServiceRecord & { terms: { id: string; code: string }[] };
type LocationRow = ServiceRecord["locations"][number];

// Categories and audiences are reference data (a migration inserts them): their ids are read once.
let termIdsCache: Promise<Map<string, string>> | null = null;
function termIds(): Promise<Map<string, string>> {
  termIdsCache ??= prisma.$queryRaw<{ id: string; key: string }[]>`
      SELECT t.id, x.code || ':' || t.code AS key FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id`.then(
    (rows) => new Map(rows.map((row) => [row.key, row.id])),
    (error: unknown) => {
      termIdsCache = null;
      throw error;
    },
  );
  return termIdsCache;
}

/** Published services with everything HSDS shows of them, by id, in the order given. */
export async function loadServices(ids: string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  const [records, terms] = await Promise.all([loadServiceRecords(Prisma.sql`s.id = ANY(${ids}::uuid[])`), termIds()]);
  const byId = new Map(records.map((record) => [record.id, record]));
  const termsOf = (taxonomy: string, codes: string[]) => codes.flatMap((code) => (terms.has(`${taxonomy}:${code}`) ? [{ id: terms.get(`${taxonomy}:${code}`)!, code }] : []));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [{ ...record, terms: [...termsOf("category", record.categoryCodes), ...termsOf("audience", record.audienceCodes)] }] : [];
  });
}

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const clock = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** Weekly periods as HSDS schedules (RRULE fields): one per distinct opening time, its days in BYDAY. */
function toSchedules(owner: { serviceId: string; periods: Period[]; alwaysOpen: boolean; timezone: string; note?: string }): Json[] {
  if (owner.alwaysOpen) {
    return [
      compact({
        id: stableId("schedule", owner.serviceId, owner.note ?? "service", "always"),
        service_id: owner.serviceId,
        freq: "WEEKLY",
        wkst: "MO",
        byday: WEEKDAY_CODES.join(","),
        opens_at: "00:00",
        closes_at: "23:59",
        description: "Open 24 hours, every day.",
        notes: owner.note,
      }),
    ];
  }
  const groups = new Map<string, Period[]>();
  for (const period of owner.periods) {
    const key = `${period.opensAt}-${period.closesAt}`;
    groups.set(key, [...(groups.get(key) ?? []), period]);
  }
  return [...groups.values()].map((periods) => {
    const first = periods[0]!;
    return compact({
      // The first period's row id: stable while those hours stand.
      id: first.id,
      service_id: owner.serviceId,
      freq: "WEEKLY",
      wkst: "MO",
      byday: periods.map((period) => WEEKDAY_CODES[period.weekday - 1]).join(","),
      opens_at: clock(first.opensAt),
      closes_at: clock(first.closesAt),
      description: `Times are local to ${owner.timezone}.${first.closesAt <= first.opensAt ? " Closes after midnight." : ""}`,
      notes: owner.note,
    });
  });
}

export function toLocation(row: LocationRow): Json {
  const hasAddress = row.address && row.locality && row.postalCode;
  return compact({
    id: row.id,
    location_type: "physical",
    organization_id: row.organizationId,
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    addresses: hasAddress
      ? [
          compact({
            id: stableId("address", row.id),
            location_id: row.id,
            address_1: row.address,
            city: row.locality,
            state_province: row.subdivision ? subdivisionName(row.subdivision) : countryName(row.country, "en"),
            postal_code: row.postalCode,
            country: row.country,
            address_type: "physical",
          }),
        ]
      : [],
  });
}

function toOrganization(organization: ServiceRow["organization"]): Json {
  return compact({
    id: organization.id,
    name: organization.name,
    // Required by HSDS: the name stands in when we hold no description.
    description: organization.description || organization.name,
    website: organization.website,
    email: organization.email,
  });
}

function areaName(area: ServiceRow["areas"][number]): string {
  if (area.kind === "INTERNATIONAL") return "International";
  const country = area.country ? countryName(area.country, "en") : "";
  if (area.kind === "COUNTRY") return `All of ${country}`;
  if (area.kind === "SUBDIVISION") return `${area.subdivision ? subdivisionName(area.subdivision) : ""}, ${country}`;
  return `${area.locality}, ${country}`;
}

/** The service's own fields (the /services list item). */
export function toServiceSummary(row: ServiceRow): Json {
  return compact({
    id: row.id,
    organization_id: row.organization.id,
    name: row.name,
    alternate_name: row.alternateName,
    description: row.description,
    url: row.website,
    email: row.contactChannels.find((channel) => channel.kind === "EMAIL")?.value,
    status: "active",
    fees_description: [row.cost === "FREE" ? "Free" : row.cost === "LOW_COST" ? "Low cost" : "Paid", row.costNote].filter(Boolean).join(". "),
    eligibility_description: row.eligibility,
    minimum_age: row.minimumAge,
    maximum_age: row.maximumAge,
    // The date a Signpost moderator last confirmed the listing with the service.
    assured_date: row.lastVerifiedAt?.toISOString().slice(0, 10),
    last_modified: row.updatedAt.toISOString(),
    organization: toOrganization(row.organization),
  });
}

/** A fully nested service (/services/{id}, full=true). */
export function toFullService(row: ServiceRow): Json {
  const phones = row.contactChannels
    .filter((channel) => channel.kind === "PHONE" || channel.kind === "SMS")
    .map((channel) =>
      compact({ id: channel.id, service_id: row.id, number: channel.value, type: channel.kind === "SMS" ? "sms" : "voice", description: channel.label }),
    );
  const channelSchedules = row.contactChannels.flatMap((channel) =>
    channel.schedules.length > 0 || channel.alwaysOpen
      ? toSchedules({ serviceId: row.id, periods: channel.schedules, alwaysOpen: channel.alwaysOpen, timezone: row.timezone, note: `Hours of ${channel.kind.toLowerCase().replace("_", " ")}: ${channel.value}` })
      : [],
  );
  const attribute = (termId: string, value: string | undefined, termCode: string) =>
    compact({ id: stableId("attribute", row.id, termCode, value ?? ""), link_id: row.id, link_type: "service", link_entity: "service", taxonomy_term_id: termId, value });
  return {
    ...toServiceSummary(row),
    ...compact({
      interpretation_services: row.accessFeatures.includes("interpreters") ? "Interpreters for other languages." : undefined,
      phones,
      schedules: [...toSchedules({ serviceId: row.id, periods: row.schedules, alwaysOpen: row.alwaysOpen, timezone: row.timezone }), ...channelSchedules],
      service_areas: row.areas.map((area) =>
        compact({ id: area.id, service_id: row.id, name: areaName(area), extent_type: area.kind.toLowerCase(), description: [area.country, area.subdivision].filter(Boolean).join(" ") }),
      ),
      service_at_locations: row.locations.map((location) =>
        compact({ id: location.serviceAtLocationId, service_id: row.id, location_id: location.id, location: toLocation(location) }),
      ),
      languages: row.languages.map((code) => compact({ id: stableId("language", row.id, code), service_id: row.id, code, name: languageName(code) })),
      attributes: [
        ...row.terms.map((term) => attribute(term.id, undefined, term.code)),
        ...SAFETY_TERMS.flatMap((term) => (term.column ? [attribute(safetyTermId(term.code), row[term.column], term.code)] : [])),
        ...row.accessFeatures.map((feature) => attribute(safetyTermId("access_feature"), feature, `access_feature:${feature}`)),
      ],
    }),
  };
}

function languageName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code);
  } catch {
    return undefined;
  }
}
