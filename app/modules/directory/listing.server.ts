import { z } from "zod";
import { prisma } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { isCountryCode, isSubdivisionOf } from "#app/modules/regions/regions.server.ts";
import { parseClockTime } from "./opening-hours.ts";
import { isWebUrl } from "./contact-links.ts";
import { ACCESS_CODES, AUDIENCE_CODES, CATEGORY_CODES, TAXONOMY } from "./taxonomy.ts";

// A complete listing (organization, service and everything hanging off it) in
// one validated shape. The seed, the tests' factories and, later, imports and
// moderation all write listings through saveListing, so they share one set of rules.

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens");
const httpsUrl = z.url({ protocol: /^https?$/ });
const timezone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, "not an IANA time zone");

const clockTime = z.string().transform((value, context) => {
  try {
    return parseClockTime(value);
  } catch (error) {
    context.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});

/** The most areas, contact channels or locations one listing has: all of them fit in the editor. */
export const MAX_LISTING_ROWS = 50;
const tooManyRows = `At most ${MAX_LISTING_ROWS}: group places into a region or a country instead.`;

const OpeningHoursSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1),
  opens: clockTime,
  closes: clockTime,
});

const ContactChannelSchema = z
  .object({
    kind: z.enum(["PHONE", "SMS", "CHAT", "EMAIL", "WEB_FORM", "WALK_IN", "APP"]),
    value: z.string().trim().min(1, "Enter the number, address or link.").max(500),
    label: z.string().trim().max(200).optional(),
    alwaysOpen: z.boolean().default(false),
    hours: z.array(OpeningHoursSchema).default([]),
  })
  // A contact that cannot work is as harmful as a wrong one: check its form.
  .superRefine((channel, context) => {
    const problem =
      channel.kind === "PHONE" || channel.kind === "SMS"
        ? /^\+?[\d\s().\-*#]{2,30}$/.test(channel.value) && /\d{2}/.test(channel.value.replace(/\D/g, ""))
          ? null
          : "A phone number: digits, spaces and + ( ) - only."
        : channel.kind === "EMAIL"
          ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(channel.value)
            ? null
            : "An email address such as help@example.org."
          : channel.kind === "WALK_IN"
            ? null
            : isWebUrl(channel.value)
              ? null
              : "A web address starting with https://";
    if (problem) context.addIssue({ code: "custom", path: ["value"], message: problem });
  });

const ServiceAreaSchema = z
  .object({
    kind: z.enum(["INTERNATIONAL", "COUNTRY", "SUBDIVISION", "LOCALITY"]),
    country: z.string().optional(),
    subdivision: z.string().optional(),
    locality: z.string().trim().min(1).optional(),
  })
  .superRefine((area, context) => {
    if (area.kind === "INTERNATIONAL") return;
    if (!area.country || !isCountryCode(area.country)) {
      context.addIssue({ code: "custom", path: ["country"], message: "an ISO 3166-1 alpha-2 country code" });
      return;
    }
    if (area.subdivision && !isSubdivisionOf(area.subdivision, area.country)) {
      context.addIssue({ code: "custom", path: ["subdivision"], message: `not an ISO 3166-2 subdivision of ${area.country}` });
    }
    if (area.kind === "SUBDIVISION" && !area.subdivision) {
      context.addIssue({ code: "custom", path: ["subdivision"], message: "required for a subdivision area" });
    }
    if (area.kind === "LOCALITY" && !area.locality) {
      context.addIssue({ code: "custom", path: ["locality"], message: "required for a locality area" });
    }
  });

const LocationSchema = z.object({
  name: z.string().optional(),
  address: z.string().optional(),
  locality: z.string().optional(),
  postalCode: z.string().optional(),
  subdivision: z.string().optional(),
  country: z.string().refine(isCountryCode, "an ISO 3166-1 alpha-2 country code"),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});

const sharing = z.enum(["NEVER", "ONLY_IF_SOMEONE_IS_AT_RISK", "ALWAYS", "UNKNOWN"]).default("UNKNOWN");
const yesNoUnknown = z.enum(["YES", "NO", "UNKNOWN"]).default("UNKNOWN");

export const ListingSchema = z
  .object({
    slug,
    name: z.string().trim().min(2).max(200),
    alternateName: z.string().trim().max(200).optional(),
    organization: z.object({
      slug,
      name: z.string().trim().min(2).max(200),
      description: z.string().optional(),
      website: httpsUrl.optional(),
      sourceUrl: httpsUrl.optional(),
    }),
    shortDescription: z.string().trim().min(10).max(300),
    description: z.string().trim().min(10).max(5000),
    eligibility: z.string().trim().max(1000).optional(),
    cost: z.enum(["FREE", "LOW_COST", "PAID"]).default("FREE"),
    costNote: z.string().trim().max(500).optional(),
    accessibility: z.string().trim().max(1000).optional(),
    accessFeatures: z.array(z.enum(ACCESS_CODES)).default([]).transform((codes) => [...new Set(codes)]),
    status: z.enum(["DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"]).default("DRAFT"),
    website: httpsUrl.optional(),
    sourceUrl: httpsUrl,
    /** The language the description is written in. */
    contentLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag").default("en"),
    /** Moderators' translations into the site's languages. */
    translations: z
      .array(
        z.object({
          locale: z.enum(["en", "es", "fr"]),
          name: z.string().trim().max(200).optional(),
          shortDescription: z.string().trim().min(10).max(300),
          description: z.string().trim().max(5000).optional(),
        }),
      )
      .default([])
      .refine((list) => new Set(list.map((entry) => entry.locale)).size === list.length, "one translation per language"),
    safety: z
      .object({
        anonymousContact: yesNoUnknown,
        tellsPolice: sharing,
        tellsParents: sharing,
        childCanUseWithoutParent: yesNoUnknown,
        minimumAge: z.number().int().min(0).max(120).optional(),
        maximumAge: z.number().int().min(0).max(120).optional(),
        recordsKept: z.string().trim().max(1000).optional(),
      })
      // Checked with the safety answers themselves, so it shows with every other problem, not after them.
      .refine((safety) => safety.minimumAge === undefined || safety.maximumAge === undefined || safety.minimumAge <= safety.maximumAge, {
        path: ["maximumAge"],
        message: "The maximum age is below the minimum age.",
      })
      .default({
        anonymousContact: "UNKNOWN",
        tellsPolice: "UNKNOWN",
        tellsParents: "UNKNOWN",
        childCanUseWithoutParent: "UNKNOWN",
      }),
    alwaysOpen: z.boolean().default(false),
    timezone: timezone.default("UTC"),
    hours: z.array(OpeningHoursSchema).default([]),
    lastVerifiedAt: z.coerce.date().optional(),
    areas: z.array(ServiceAreaSchema).min(1, "a service must cover at least one place").max(MAX_LISTING_ROWS, tooManyRows),
    contactChannels: z.array(ContactChannelSchema).min(1, "a service needs at least one way to contact it").max(MAX_LISTING_ROWS, tooManyRows),
    locations: z.array(LocationSchema).max(MAX_LISTING_ROWS, tooManyRows).default([]),
    languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use language codes such as en or pl, not names.")).min(1),
    categories: z.array(z.enum(CATEGORY_CODES)).min(1),
    audiences: z.array(z.enum(AUDIENCE_CODES)).default([]),
  })
;

/** Zod's own messages ("Invalid input: expected string, received undefined") in words a moderator uses. */
export const plainListingMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? "This is required." : "This is not in the expected form.";
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "This is required." : `Write at least ${issue.minimum} characters.`;
      if (issue.origin === "array") return Number(issue.minimum) <= 1 ? "Add at least one." : `Add at least ${issue.minimum}.`;
      return `The smallest allowed is ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
      if (issue.origin === "array") return `At most ${issue.maximum}.`;
      return `The largest allowed is ${issue.maximum}.`;
    case "invalid_format":
      if (issue.format === "url") return "Write a full web address, starting with https://";
      return "This is not in the expected form.";
    case "invalid_value":
      return "Choose one of the options.";
    default:
      return undefined;
  }
};

/** A listing checked against the schema, with messages in plain words. */
export function checkListing(input: unknown) {
  return ListingSchema.safeParse(input, { error: plainListingMessages });
}

export type ListingInput = z.input<typeof ListingSchema>;
export type Listing = z.output<typeof ListingSchema>;

function toPeriods(hours: Listing["hours"]) {
  return hours.flatMap((block) => block.days.map((weekday) => ({ weekday, opensAt: block.opens, closesAt: block.closes })));
}

/**
 * Creates or replaces a listing, matched by the service's id when given (an
 * approved revision may rename the slug), else by its slug, and the
 * organization by its slug. Everything hanging off the service is rewritten,
 * in one transaction, so a listing is never half-saved. Returns the service id.
 */
export async function saveListing(
  input: ListingInput,
  options: { serviceId?: string; tx?: Prisma.TransactionClient } = {},
): Promise<string> {
  const listing = ListingSchema.parse(input);
  const write = async (tx: Prisma.TransactionClient) => {
    const terms = await tx.taxonomyTerm.findMany({ include: { taxonomy: true } });
    const termId = (taxonomy: string, code: string) => {
      const term = terms.find((candidate) => candidate.taxonomy.code === taxonomy && candidate.code === code);
      if (!term) throw new Error(`Unknown ${taxonomy} "${code}": is the database migrated?`);
      return term.id;
    };

    const organizationData = {
      name: listing.organization.name,
      description: listing.organization.description ?? null,
      website: listing.organization.website ?? null,
      sourceUrl: listing.organization.sourceUrl ?? null,
    };
    const organization = await tx.organization.upsert({
      where: { slug: listing.organization.slug },
      create: { slug: listing.organization.slug, ...organizationData },
      update: organizationData,
    });

    const serviceData = {
      organizationId: organization.id,
      name: listing.name,
      alternateName: listing.alternateName ?? null,
      shortDescription: listing.shortDescription,
      description: listing.description,
      eligibility: listing.eligibility ?? null,
      cost: listing.cost,
      costNote: listing.costNote ?? null,
      accessibility: listing.accessibility ?? null,
      accessFeatures: listing.accessFeatures,
      status: listing.status,
      website: listing.website ?? null,
      sourceUrl: listing.sourceUrl,
      contentLanguage: listing.contentLanguage,
      anonymousContact: listing.safety.anonymousContact,
      tellsPolice: listing.safety.tellsPolice,
      tellsParents: listing.safety.tellsParents,
      childCanUseWithoutParent: listing.safety.childCanUseWithoutParent,
      minimumAge: listing.safety.minimumAge ?? null,
      maximumAge: listing.safety.maximumAge ?? null,
      recordsKept: listing.safety.recordsKept ?? null,
      alwaysOpen: listing.alwaysOpen,
      timezone: listing.timezone,
      lastVerifiedAt: listing.lastVerifiedAt ?? null,
    } satisfies Prisma.ServiceUncheckedUpdateInput;
    const service = options.serviceId
      ? await tx.service.update({ where: { id: options.serviceId }, data: { slug: listing.slug, ...serviceData } })
      : await tx.service.upsert({
          where: { slug: listing.slug },
          create: { slug: listing.slug, ...serviceData },
          update: serviceData,
        });
    const serviceId = service.id;

    await tx.schedule.deleteMany({ where: { serviceId } });
    await tx.contactChannel.deleteMany({ where: { serviceId } });
    await tx.serviceArea.deleteMany({ where: { serviceId } });
    await tx.serviceLanguage.deleteMany({ where: { serviceId } });
    await tx.serviceTaxonomyTerm.deleteMany({ where: { serviceId } });
    await tx.serviceTranslation.deleteMany({ where: { serviceId } });
    const previousLocations = await tx.serviceAtLocation.findMany({ where: { serviceId }, select: { locationId: true } });
    await tx.serviceAtLocation.deleteMany({ where: { serviceId } });
    await tx.location.deleteMany({
      where: { id: { in: previousLocations.map((row) => row.locationId) }, serviceAtLocations: { none: {} } },
    });

    await tx.serviceArea.createMany({
      data: listing.areas.map((area) => ({
        serviceId,
        kind: area.kind,
        country: area.kind === "INTERNATIONAL" ? null : (area.country ?? null),
        subdivision: area.subdivision ?? null,
        locality: area.locality ?? null,
      })),
    });
    await tx.schedule.createMany({ data: toPeriods(listing.hours).map((period) => ({ serviceId, ...period })) });
    for (const [position, channel] of listing.contactChannels.entries()) {
      await tx.contactChannel.create({
        data: {
          serviceId,
          kind: channel.kind,
          value: channel.value,
          label: channel.label ?? null,
          alwaysOpen: channel.alwaysOpen,
          position,
          schedules: { create: toPeriods(channel.hours).map((period) => ({ serviceId, ...period })) },
        },
      });
    }
    await tx.serviceTranslation.createMany({
      data: listing.translations.map((translation) => ({
        serviceId,
        locale: translation.locale,
        name: translation.name ?? null,
        shortDescription: translation.shortDescription,
        description: translation.description ?? null,
      })),
    });
    await tx.serviceLanguage.createMany({ data: [...new Set(listing.languages)].map((code) => ({ serviceId, code })) });
    const termIds = [
      ...new Set([
        ...listing.categories.map((code) => termId(TAXONOMY.category, code)),
        ...listing.audiences.map((code) => termId(TAXONOMY.audience, code)),
      ]),
    ];
    await tx.serviceTaxonomyTerm.createMany({ data: termIds.map((id) => ({ serviceId, termId: id })) });

    for (const location of listing.locations) {
      const saved = await tx.location.create({
        data: {
          organizationId: organization.id,
          name: location.name ?? null,
          address: location.address ?? null,
          locality: location.locality ?? null,
          postalCode: location.postalCode ?? null,
          subdivision: location.subdivision ?? null,
          country: location.country,
          latitude: location.latitude ?? null,
          longitude: location.longitude ?? null,
        },
      });
      await tx.serviceAtLocation.create({ data: { serviceId, locationId: saved.id } });
    }
    return serviceId;
  };
  return options.tx ? write(options.tx) : prisma.$transaction(write);
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * One way to write a valid listing: defaults filled in, text trimmed, times as
 * "HH:MM". Revisions store this form, so two versions compare field by field.
 */
export function canonicalListing(input: ListingInput): ListingInput {
  const listing = ListingSchema.parse(input);
  const hours = (blocks: Listing["hours"]) => blocks.map((block) => ({ days: block.days, opens: clock(block.opens), closes: clock(block.closes) }));
  return {
    ...listing,
    lastVerifiedAt: undefined,
    hours: hours(listing.hours),
    contactChannels: listing.contactChannels.map((channel) => ({ ...channel, hours: hours(channel.hours) })),
  };
}
