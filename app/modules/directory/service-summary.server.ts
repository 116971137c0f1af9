import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
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

/** Everything a listing is made of: for its public page and for moderators' snapshots. */
export const listingInclude = {
  organization: true,
  areas: true,
  schedules: { where: { contactChannelId: null } },
  contactChannels: { orderBy: { position: "asc" }, include: { schedules: true } },
  languages: true,
  taxonomyTerms: { include: { term: { include: { taxonomy: true } } } },
  serviceAtLocations: { include: { location: true } },
  translations: { orderBy: { locale: "asc" } },
} satisfies Prisma.ServiceInclude;

type ServiceRecord = Prisma.ServiceGetPayload<{ include: typeof listingInclude }>;

const AREA_ORDER = { LOCALITY: 0, SUBDIVISION: 1, COUNTRY: 2, INTERNATIONAL: 3 } as const;
const SUMMARY_CONTACTS = 3;

function periods(rows: { weekday: number; opensAt: number; closesAt: number }[]): WeeklyPeriod[] {
  return rows
    .map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }))
    .sort((a, b) => a.weekday - b.weekday || a.opensAt - b.opensAt);
}

function toSummary(record: ServiceRecord, now: Date, locale: string): ServiceSummary & { detail: ServiceDetail } {
  const hours = {
    alwaysOpen: record.alwaysOpen,
    timezone: record.timezone,
    schedules: periods(record.schedules),
    contactChannels: record.contactChannels.map((channel) => ({
      alwaysOpen: channel.alwaysOpen,
      schedules: periods(channel.schedules),
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
  const termCodes = (taxonomy: string) =>
    record.taxonomyTerms
      .filter((link) => link.term.taxonomy.code === taxonomy)
      .sort((a, b) => a.term.position - b.term.position)
      .map((link) => link.term.code);
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
    categories: termCodes(TAXONOMY.category),
    audiences: termCodes(TAXONOMY.audience),
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
    languages: record.languages.map((language) => language.code).sort(),
    safety: {
      anonymousContact: record.anonymousContact,
      tellsPolice: record.tellsPolice,
      tellsParents: record.tellsParents,
      childCanUseWithoutParent: record.childCanUseWithoutParent,
      minimumAge: record.minimumAge,
      maximumAge: record.maximumAge,
      recordsKept: record.recordsKept,
    },
    locations: record.serviceAtLocations.map(({ location }) => ({
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
  const records = await prisma.service.findMany({
    where: { id: { in: ids }, status: "PUBLISHED" },
    include: listingInclude,
  });
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
  const record = await prisma.service.findFirst({ where: { slug, status: "PUBLISHED" }, include: listingInclude });
  return record ? toSummary(record, now, locale).detail : null;
}
