import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { canonicalListing, type ListingInput } from "#app/modules/directory/listing.server.ts";
import { formatMinutes, type WeeklyPeriod } from "#app/modules/directory/opening-hours.ts";
import { TAXONOMY } from "#app/modules/directory/taxonomy.ts";

/** Everything a listing is made of, as Prisma loads it. */
const listingInclude = {
  organization: true,
  areas: true,
  schedules: { where: { contactChannelId: null } },
  contactChannels: { orderBy: { position: "asc" }, include: { schedules: true } },
  languages: true,
  taxonomyTerms: { include: { term: { include: { taxonomy: true } } } },
  serviceAtLocations: { include: { location: true } },
  translations: { orderBy: { locale: "asc" } },
} satisfies Prisma.ServiceInclude;

// A listing as it is now in the directory, in the same shape as a revision's
// snapshot, so the two can be compared field by field.

type OpeningHoursBlock = { days: number[]; opens: string; closes: string };

/** Periods with the same times become one block ("Mon–Fri 09:00–17:00"). */
export function periodsToBlocks(periods: WeeklyPeriod[]): OpeningHoursBlock[] {
  const blocks = new Map<string, OpeningHoursBlock>();
  for (const period of [...periods].sort((a, b) => a.weekday - b.weekday || a.opensAt - b.opensAt)) {
    const opens = formatMinutes(period.opensAt);
    const closes = period.closesAt === 1440 ? "24:00" : formatMinutes(period.closesAt);
    const key = `${opens}-${closes}`;
    const block = blocks.get(key) ?? { days: [], opens, closes };
    block.days.push(period.weekday);
    blocks.set(key, block);
  }
  return [...blocks.values()];
}

export async function currentListing(serviceId: string): Promise<ListingInput | null> {
  return (await currentListings([serviceId])).get(serviceId) ?? null;
}

/** Several listings in one read (an export): by service id. */
export async function currentListings(serviceIds: string[]): Promise<Map<string, ListingInput>> {
  const services = await prisma.service.findMany({ where: { id: { in: serviceIds } }, include: listingInclude });
  return new Map(services.map((service) => [service.id, toListing(service)]));
}

function toListing(service: Prisma.ServiceGetPayload<{ include: typeof listingInclude }>): ListingInput {
  const terms = (taxonomy: string) =>
    service.taxonomyTerms
      .filter((link) => link.term.taxonomy.code === taxonomy)
      .sort((a, b) => a.term.position - b.term.position)
      .map((link) => link.term.code);
  const optional = <T,>(value: T | null) => (value === null ? undefined : value);
  const listing: ListingInput = {
    slug: service.slug,
    name: service.name,
    alternateName: optional(service.alternateName),
    organization: {
      slug: service.organization.slug,
      name: service.organization.name,
      description: optional(service.organization.description),
      website: optional(service.organization.website),
      sourceUrl: optional(service.organization.sourceUrl),
    },
    shortDescription: service.shortDescription,
    description: service.description,
    eligibility: optional(service.eligibility),
    cost: service.cost,
    costNote: optional(service.costNote),
    accessibility: optional(service.accessibility),
    accessFeatures: service.accessFeatures as ListingInput["accessFeatures"],
    status: service.status,
    website: optional(service.website),
    sourceUrl: service.sourceUrl,
    contentLanguage: service.contentLanguage,
    translations: service.translations.map((translation) => ({
      locale: translation.locale as "en" | "es" | "fr",
      name: optional(translation.name),
      shortDescription: translation.shortDescription,
      description: optional(translation.description),
    })),
    safety: {
      anonymousContact: service.anonymousContact,
      tellsPolice: service.tellsPolice,
      tellsParents: service.tellsParents,
      childCanUseWithoutParent: service.childCanUseWithoutParent,
      minimumAge: optional(service.minimumAge),
      maximumAge: optional(service.maximumAge),
      recordsKept: optional(service.recordsKept),
    },
    alwaysOpen: service.alwaysOpen,
    timezone: service.timezone,
    hours: periodsToBlocks(service.schedules),
    areas: service.areas.map((area) => ({
      kind: area.kind,
      country: optional(area.country),
      subdivision: optional(area.subdivision),
      locality: optional(area.locality),
    })),
    contactChannels: service.contactChannels.map((channel) => ({
      kind: channel.kind,
      value: channel.value,
      label: optional(channel.label),
      alwaysOpen: channel.alwaysOpen,
      hours: periodsToBlocks(channel.schedules),
    })),
    locations: service.serviceAtLocations.map(({ location }) => ({
      name: optional(location.name),
      address: optional(location.address),
      locality: optional(location.locality),
      postalCode: optional(location.postalCode),
      subdivision: optional(location.subdivision),
      country: location.country,
      latitude: optional(location.latitude),
      longitude: optional(location.longitude),
    })),
    languages: service.languages.map((language) => language.code).sort(),
    categories: terms(TAXONOMY.category) as ListingInput["categories"],
    audiences: terms(TAXONOMY.audience) as ListingInput["audiences"],
  };
  // A draft's first row is only a shell (no areas or contacts yet): shown as it is.
  try {
    return canonicalListing(listing);
  } catch {
    return listing;
  }
}
