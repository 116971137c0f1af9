import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { countryName, subdivisionName } from "#app/modules/regions/regions.server.ts";
import { contactHref, type ContactKind } from "./contact-links.ts";
import { channelOpenState, serviceOpenState, type OpenState, type WeeklyPeriod } from "./opening-hours.ts";
import { TAXONOMY } from "./taxonomy.ts";
import { parseEnv } from "#app/env.server.ts";
import { verificationNotice, type VerificationNotice } from "#app/modules/moderation/verification.server.ts";

// What the public pages show of a service, shaped for rendering: plain data,
// place names already resolved, links already made safe.

export type AreaView = {
  kind: "INTERNATIONAL" | "COUNTRY" | "SUBDIVISION" | "LOCALITY";
  country?: string;
  countryName?: string;
  subdivisionName?: string;
  locality?: string;
};

export type ContactView = {
  kind: ContactKind;
  value: string;
  label: string | null;
  href: string | null;
  alwaysOpen: boolean;
  openState: OpenState;
  hours: WeeklyPeriod[];
};

export type ServiceSummary = {
  id: string;
  slug: string;
  name: string;
  organizationName: string;
  shortDescription: string;
  categories: string[];
  audiences: string[];
  areas: AreaView[];
  cost: "FREE" | "LOW_COST" | "PAID";
  alwaysOpen: boolean;
  openState: OpenState;
  contacts: ContactView[];
  lastVerifiedAt: string | null;
  /** The language of the text shown (for the lang attribute). */
  textLanguage: string;
  /** Set when the text shown is a moderator's translation: the original's language. */
  translatedFrom: string | null;
};

export type ServiceDetail = ServiceSummary & {
  alternateName: string | null;
  description: string;
  eligibility: string | null;
  costNote: string | null;
  accessibility: string | null;
  accessFeatures: string[];
  website: string | null;
  sourceUrl: string;
  organization: { name: string; website: string | null; description: string | null };
  timezone: string;
  hours: WeeklyPeriod[];
  languages: string[];
  safety: {
    anonymousContact: "YES" | "NO" | "UNKNOWN";
    tellsPolice: "NEVER" | "ONLY_IF_SOMEONE_IS_AT_RISK" | "ALWAYS" | "UNKNOWN";
    tellsParents: "NEVER" | "ONLY_IF_SOMEONE_IS_AT_RISK" | "ALWAYS" | "UNKNOWN";
    childCanUseWithoutParent: "YES" | "NO" | "UNKNOWN";
    minimumAge: number | null;
    maximumAge: number | null;
    recordsKept: string | null;
  };
  locations: { name: string | null; address: string | null; locality: string | null; postalCode: string | null; countryName: string }[];
  verification: VerificationNotice;
  /** The text as written, when a translation is shown instead. */
  original: { language: string; shortDescription: string; description: string } | null;
};

type Period = { id: string; weekday: number; opensAt: number; closesAt: number };

/**
 * A published service and everything hanging off it, with the rows' ids: what
 * its public page shows, and what the HSDS API publishes (app/modules/hsds).
 */
export type ServiceRecord = {
  id: string;
  slug: string;
  name: string;
  alternateName: string | null;
  shortDescription: string;
  description: string;
  eligibility: string | null;
  cost: "FREE" | "LOW_COST" | "PAID";
  costNote: string | null;
  accessibility: string | null;
  accessFeatures: string[];
  website: string | null;
  sourceUrl: string;
  contentLanguage: string;
  anonymousContact: ServiceDetail["safety"]["anonymousContact"];
  tellsPolice: ServiceDetail["safety"]["tellsPolice"];
  tellsParents: ServiceDetail["safety"]["tellsParents"];
  childCanUseWithoutParent: ServiceDetail["safety"]["childCanUseWithoutParent"];
  minimumAge: number | null;
  maximumAge: number | null;
  recordsKept: string | null;
  alwaysOpen: boolean;
  timezone: string;
  lastVerifiedAt: Date | null;
  nextVerificationDueAt: Date | null;
  updatedAt: Date;
  categoryCodes: string[];
  audienceCodes: string[];
  organization: { id: string; name: string; website: string | null; description: string | null; email: string | null };
  areas: { id: string; kind: AreaView["kind"]; country: string | null; subdivision: string | null; locality: string | null }[];
  schedules: Period[];
  contactChannels: { id: string; kind: ContactKind; value: string; label: string | null; alwaysOpen: boolean; schedules: Period[] }[];
  languages: string[];
  locations: {
    serviceAtLocationId: string;
    id: string;
    organizationId: string;
    name: string | null;
    address: string | null;
    locality: string | null;
    postalCode: string | null;
    subdivision: string | null;
    country: string;
    latitude: number | null;
    longitude: number | null;
  }[];
  translations: { locale: string; name: string | null; shortDescription: string; description: string | null }[];
};

/**
 * Published services matching `where` (on the service row `s`), each with its
 * organization, areas, hours, contacts, languages, places and translations, in
 * one query: the relations come back as JSON built by PostgreSQL.
 */
export async function loadServiceRecords(where: Prisma.Sql): Promise<ServiceRecord[]> {
  const periods = (condition: Prisma.Sql) => Prisma.sql`(SELECT coalesce(json_agg(json_build_object(
      'id', sc.id, 'weekday', sc.weekday, 'opensAt', sc.opens_at, 'closesAt', sc.closes_at) ORDER BY sc.weekday, sc.opens_at, sc.id), '[]')
    FROM schedule sc WHERE ${condition})`;
  return prisma.$queryRaw<ServiceRecord[]>`
    SELECT s.id, s.slug, s.name, s.alternate_name AS "alternateName", s.short_description AS "shortDescription",
      s.description, s.eligibility, s.cost::text AS cost, s.cost_note AS "costNote", s.accessibility,
      s.access_features AS "accessFeatures", s.website, s.source_url AS "sourceUrl", s.content_language AS "contentLanguage",
      s.anonymous_contact::text AS "anonymousContact", s.tells_police::text AS "tellsPolice", s.tells_parents::text AS "tellsParents",
      s.child_can_use_without_parent::text AS "childCanUseWithoutParent", s.minimum_age AS "minimumAge", s.maximum_age AS "maximumAge",
      s.records_kept AS "recordsKept", s.always_open AS "alwaysOpen", s.timezone, s.last_verified_at AS "lastVerifiedAt",
      s.next_verification_due_at AS "nextVerificationDueAt", s.updated_at AS "updatedAt",
      s.category_codes AS "categoryCodes", s.audience_codes AS "audienceCodes",
      (SELECT json_build_object('id', o.id, 'name', o.name, 'website', o.website, 'description', o.description, 'email', o.email)
        FROM organization o WHERE o.id = s.organization_id) AS organization,
      (SELECT coalesce(json_agg(json_build_object('id', a.id, 'kind', a.kind, 'country', a.country, 'subdivision', a.subdivision,
          'locality', a.locality) ORDER BY a.id), '[]')
        FROM service_area a WHERE a.service_id = s.id) AS areas,
      ${periods(Prisma.sql`sc.service_id = s.id AND sc.contact_channel_id IS NULL`)} AS schedules,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'kind', c.kind, 'value', c.value, 'label', c.label, 'alwaysOpen', c.always_open,
          'schedules', ${periods(Prisma.sql`sc.contact_channel_id = c.id`)}) ORDER BY c.position, c.id), '[]')
        FROM contact_channel c WHERE c.service_id = s.id) AS "contactChannels",
      (SELECT coalesce(array_agg(l.code ORDER BY l.code), '{}') FROM service_language l WHERE l.service_id = s.id) AS languages,
      (SELECT coalesce(json_agg(json_build_object('serviceAtLocationId', sl.id, 'id', l.id, 'organizationId', l.organization_id,
          'name', l.name, 'address', l.address, 'locality', l.locality, 'postalCode', l.postal_code, 'subdivision', l.subdivision,
          'country', l.country, 'latitude', l.latitude, 'longitude', l.longitude) ORDER BY l.locality, l.id), '[]')
        FROM service_at_location sl JOIN location l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS locations,
      (SELECT coalesce(json_agg(json_build_object('locale', t.locale, 'name', t.name, 'shortDescription', t.short_description,
          'description', t.description) ORDER BY t.locale), '[]')
        FROM service_translation t WHERE t.service_id = s.id) AS translations
    FROM service s
    WHERE s.status = 'PUBLISHED' AND ${where}`;
}

/** Opening periods without their row ids, which pages do not need. */
const weekly = (periods: Period[]): WeeklyPeriod[] => periods.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }));

const AREA_ORDER = { LOCALITY: 0, SUBDIVISION: 1, COUNTRY: 2, INTERNATIONAL: 3 } as const;
const SUMMARY_CONTACTS = 3;

function toSummary(record: ServiceRecord, now: Date, locale: string): ServiceSummary & { detail: ServiceDetail } {
  const hours = {
    alwaysOpen: record.alwaysOpen,
    timezone: record.timezone,
    schedules: weekly(record.schedules),
    contactChannels: record.contactChannels.map((channel) => ({
      alwaysOpen: channel.alwaysOpen,
      schedules: weekly(channel.schedules),
    })),
  };
  const contacts: ContactView[] = record.contactChannels.map((channel, index) => ({
    kind: channel.kind,
    value: channel.value,
    label: channel.label,
    href: contactHref(channel.kind, channel.value) ?? null,
    alwaysOpen: channel.alwaysOpen,
    openState: channelOpenState(hours, hours.contactChannels[index]!, now),
    hours: hours.contactChannels[index]!.schedules,
  }));
  const areas: AreaView[] = [...record.areas]
    .sort((a, b) => AREA_ORDER[a.kind] - AREA_ORDER[b.kind])
    .map((area) => ({
      kind: area.kind,
      ...(area.country ? { country: area.country, countryName: countryName(area.country, locale) } : {}),
      ...(area.subdivision ? { subdivisionName: subdivisionName(area.subdivision) } : {}),
      ...(area.locality ? { locality: area.locality } : {}),
    }));

  // A moderator's translation into the page's language wins when there is one.
  const translation = record.contentLanguage.split("-")[0] === locale ? undefined : record.translations.find((entry) => entry.locale === locale);
  const summary: ServiceSummary = {
    id: record.id,
    slug: record.slug,
    name: translation?.name ?? record.name,
    organizationName: record.organization.name,
    shortDescription: translation?.shortDescription ?? record.shortDescription,
    textLanguage: translation ? locale : record.contentLanguage,
    translatedFrom: translation ? record.contentLanguage : null,
    categories: record.categoryCodes,
    audiences: record.audienceCodes,
    areas,
    cost: record.cost,
    alwaysOpen: record.alwaysOpen,
    openState: serviceOpenState(hours, now),
    contacts: contacts.slice(0, SUMMARY_CONTACTS),
    lastVerifiedAt: record.lastVerifiedAt?.toISOString() ?? null,
  };
  const detail: ServiceDetail = {
    ...summary,
    contacts,
    alternateName: record.alternateName,
    description: translation?.description ?? record.description,
    original: translation ? { language: record.contentLanguage, shortDescription: record.shortDescription, description: record.description } : null,
    eligibility: record.eligibility,
    costNote: record.costNote,
    accessibility: record.accessibility,
    accessFeatures: record.accessFeatures,
    website: record.website,
    sourceUrl: record.sourceUrl,
    organization: {
      name: record.organization.name,
      website: record.organization.website,
      description: record.organization.description,
    },
    timezone: record.timezone,
    hours: hours.schedules,
    languages: record.languages,
    safety: {
      anonymousContact: record.anonymousContact,
      tellsPolice: record.tellsPolice,
      tellsParents: record.tellsParents,
      childCanUseWithoutParent: record.childCanUseWithoutParent,
      minimumAge: record.minimumAge,
      maximumAge: record.maximumAge,
      recordsKept: record.recordsKept,
    },
    locations: record.locations.map((location) => ({
      name: location.name,
      address: location.address,
      locality: location.locality,
      postalCode: location.postalCode,
      countryName: countryName(location.country, locale),
    })),
    verification: verificationNotice(record, now, parseEnv().VERIFICATION_GRACE_DAYS),
  };
  return { ...summary, detail };
}

/** Summaries of published services, in the order of `ids`. */
export async function loadSummaries(ids: string[], now: Date, locale = "en"): Promise<ServiceSummary[]> {
  if (ids.length === 0) return [];
  const records = await loadServiceRecords(Prisma.sql`s.id = ANY(${ids}::uuid[])`);
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    if (!record) return [];
    const { detail: _detail, ...summary } = toSummary(record, now, locale);
    return [summary];
  });
}

/** A published service's full page, or null: drafts and archived services do not exist for the public. */
export async function getPublishedService(slug: string, now: Date, locale = "en"): Promise<ServiceDetail | null> {
  const [record] = await loadServiceRecords(Prisma.sql`s.slug = ${slug}`);
  return record ? toSummary(record, now, locale).detail : null;
}
