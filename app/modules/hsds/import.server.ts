import { createHash } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import { ListingSchema, canonicalListing, type ListingInput } from "#app/modules/directory/listing.server.ts";
import { isWebUrl } from "#app/modules/directory/contact-links.ts";
import { ACCESS_CODES, AUDIENCE_CODES, CATEGORY_CODES } from "#app/modules/directory/taxonomy.ts";
import { isCountryCode } from "#app/modules/regions/regions.server.ts";
import { submitRevision, type Actor } from "#app/modules/moderation/revisions.server.ts";
import { SAFETY_TERMS } from "./mapping.server.ts";
import type { HsdsService, Source, SourceRecord } from "./sources.server.ts";

// HSDS services become listings waiting for review: each record is mapped,
// checked with the same ListingSchema as the editor, and submitted as a
// revision of a draft, authored by the person who ran the import (so a second
// moderator must approve it). Nothing is published by an import.
//
// Re-importing a source matches records by (source, original id): a changed
// record adds a revision to its draft, an unchanged one is skipped. Records
// are written in batches, each in one transaction; a failure stops the import
// with every earlier batch kept, and running it again carries on.

export type ImportOptions = {
  /** Names the source, for matching on re-import (a file name, a feed's name). */
  source: string;
  author: Actor;
  /** The country a record's service covers when it names none (ISO 3166-1). */
  country?: string;
  /** The language a record's service speaks when it names none. */
  language?: string;
  batchSize?: number;
};

export type Rejection = { originalId: string; name: string | null; reason: string };
/** A record the import would write, with every value it had to supply itself, so a moderator is never surprised. */
export type PlannedRecord = { originalId: string; name: string; action: "create" | "update" | "unchanged"; defaults: string[] };
export type ImportReport = { created: number; updated: number; unchanged: number; rejected: Rejection[]; planned?: PlannedRecord[] };

type Mapped = { originalId: string; listing: ListingInput; hash: string; defaults: string[] } | { originalId: string; rejection: Rejection };

const REPEATED_ID = "the same id appears twice in this source";

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);

function slugify(value: string): string {
  return (
    value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "service"
  );
}

const shortHash = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 8);

// English language names to codes ("Polish" → "pl"), for HSDS 1.1 files: built on first use.
let languageNames: Map<string, string> | null = null;
function languageNamed(name: string): string | undefined {
  if (!languageNames) {
    languageNames = new Map();
    const display = new Intl.DisplayNames(["en"], { type: "language" });
    for (let first = 97; first <= 122; first += 1) {
      for (let second = 97; second <= 122; second += 1) {
        const code = String.fromCharCode(first, second);
        const english = display.of(code);
        if (english && english !== code) languageNames.set(english.toLowerCase(), code);
      }
    }
  }
  return languageNames.get(name);
}

function languageCode(language: { code?: unknown; name?: unknown }): string | undefined {
  const code = text(language.code)?.toLowerCase();
  if (code && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code)) return code.replace(/-([a-z0-9]+)$/, (_, region: string) => `-${region.toUpperCase()}`);
  const name = text(language.name)?.toLowerCase();
  return name ? languageNamed(name) : undefined;
}

const DAY_NUMBERS: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };

/** "10:00:00" or "10:00" → "10:00"; anything else → undefined. */
function clock(value: unknown): string | undefined {
  const match = /^(\d{1,2}):(\d{2})/.exec(text(value) ?? "");
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : undefined;
}

function hoursOf(schedules: HsdsService[]): { hours: NonNullable<ListingInput["hours"]>; alwaysOpen: boolean } {
  const hours: NonNullable<ListingInput["hours"]> = [];
  for (const schedule of schedules) {
    if (text(schedule.freq) && text(schedule.freq) !== "WEEKLY") continue;
    const days = (text(schedule.byday) ?? "")
      .split(",")
      .map((day) => DAY_NUMBERS[day.trim().toUpperCase().slice(-2)])
      .filter((day): day is number => day !== undefined);
    const opens = clock(schedule.opens_at);
    const closes = clock(schedule.closes_at);
    if (days.length > 0 && opens && closes) hours.push({ days: [...new Set(days)], opens, closes: closes === "23:59" ? "24:00" : closes });
  }
  // One block per opening time, its days together ("Mon–Wed 09:00–17:00").
  const merged = new Map<string, NonNullable<ListingInput["hours"]>[number]>();
  for (const block of hours) {
    const key = `${block.opens}-${block.closes}`;
    const existing = merged.get(key);
    merged.set(key, existing ? { ...existing, days: [...new Set([...existing.days, ...block.days])].sort((a, b) => a - b) } : { ...block, days: [...block.days].sort((a, b) => a - b) });
  }
  const blocks = [...merged.values()];
  const alwaysOpen = blocks.some((block) => block.days.length === 7 && block.opens === "00:00" && block.closes === "24:00");
  return { hours: alwaysOpen ? [] : blocks, alwaysOpen };
}

/** Terms named by a record's attributes, matched to our codes by code or by name. */
function termCodes(service: HsdsService, codes: readonly string[]): string[] {
  const wanted = new Set<string>();
  for (const attribute of (service.attributes ?? []) as HsdsService[]) {
    const term = (attribute.taxonomy_term ?? {}) as HsdsService;
    for (const candidate of [text(term.code), text(term.name), text(attribute.value)]) {
      const key = candidate ? slugify(candidate) : undefined;
      const match = codes.find((code) => code === key || slugify(code.replace(/-/g, " ")) === key);
      if (match) wanted.add(match);
    }
  }
  return codes.filter((code) => wanted.has(code));
}

function safetyValue(service: HsdsService, code: string): string | undefined {
  const id = SAFETY_TERMS.find((term) => term.code === code) ? code : undefined;
  if (!id) return undefined;
  const attribute = ((service.attributes ?? []) as HsdsService[]).find((entry) => text(entry.taxonomy_term?.code) === code);
  return text(attribute?.value);
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

const sanitizePhone = (number: string) => number.replace(/[^\d+\s().\-*#]/g, "").trim();

/** One HSDS service as a listing draft, or the reason it cannot be one. */
export function mapRecord(record: SourceRecord, options: ImportOptions): Mapped {
  const service = record.service;
  const name = text(service.name) ?? null;
  const reject = (reason: string): Mapped => ({ originalId: record.originalId, rejection: { originalId: record.originalId, name, reason } });
  if (!name) return reject("no name");

  // Our own export carries the whole listing (as an object, or JSON in a CSV cell): take it as it is.
  const own = (typeof service.signpost_listing === "string" ? safeJson(service.signpost_listing) : service.signpost_listing) as ListingInput | undefined;
  const defaults: string[] = [];
  const base = own
    ? { ...own, status: "DRAFT" as const, lastVerifiedAt: undefined }
    : (() => {
        const organization = (service.organization ?? {}) as HsdsService;
        const description = text(service.description) ?? "";
        const firstSentence = description.split(/(?<=[.!?])\s/)[0] ?? description;
        const website = [text(service.url), text(organization.website)].find((url) => url && isWebUrl(url));
        const locations = ((service.service_at_locations ?? []) as HsdsService[]).flatMap((link) => {
          const location = (link.location ?? {}) as HsdsService;
          const address = ((location.addresses ?? []) as HsdsService[])[0] ?? {};
          const country = text(address.country)?.toUpperCase();
          // Coordinates out of range are dropped (moderators can add them), not a reason to refuse the service.
          const valid = typeof location.latitude === "number" && typeof location.longitude === "number" && Math.abs(location.latitude) <= 90 && Math.abs(location.longitude) <= 180;
          const latitude = valid ? (location.latitude as number) : undefined;
          const longitude = valid ? (location.longitude as number) : undefined;
          const placeCountry = country && isCountryCode(country) ? country : options.country;
          if (!placeCountry) return [];
          return [
            {
              name: text(location.name),
              address: [text(address.address_1), text(address.address_2)].filter(Boolean).join(", ") || undefined,
              locality: text(address.city),
              postalCode: text(address.postal_code),
              country: placeCountry,
              latitude,
              longitude,
            },
          ];
        });
        const countries = [...new Set(locations.map((location) => location.country))];
        const channels: ListingInput["contactChannels"] = [
          ...((service.phones ?? []) as HsdsService[]).flatMap((phone) => {
            const number = sanitizePhone(text(phone.number) ?? "");
            return number ? [{ kind: /sms|text/i.test(text(phone.type) ?? "") ? ("SMS" as const) : ("PHONE" as const), value: number, label: text(phone.description)?.slice(0, 200) }] : [];
          }),
          ...(text(service.email) ? [{ kind: "EMAIL" as const, value: text(service.email)! }] : []),
          ...(website && !text(service.email) && !(service.phones ?? []).length ? [{ kind: "WEB_FORM" as const, value: website }] : []),
        ];
        const { hours, alwaysOpen } = hoursOf((service.schedules ?? []) as HsdsService[]);
        const languages = [...new Set(((service.languages ?? []) as HsdsService[]).map(languageCode).filter((code): code is string => !!code))];
        const categories = termCodes(service, CATEGORY_CODES);
        const fees = text(service.fees_description);
        const listing: ListingInput = {
          slug: `${slugify(name)}-${shortHash(options.source, record.originalId)}`,
          name: name.slice(0, 200),
          alternateName: text(service.alternate_name)?.slice(0, 200),
          organization: {
            slug: `${slugify(text(organization.name) ?? name)}-${shortHash(options.source, String(organization.id ?? name))}`,
            name: (text(organization.name) ?? name).slice(0, 200),
            description: text(organization.description),
            website: text(organization.website) && isWebUrl(text(organization.website)!) ? text(organization.website) : undefined,
          },
          shortDescription: (firstSentence.length > 300 ? `${firstSentence.slice(0, 297)}…` : firstSentence) || name,
          description,
          eligibility: text(service.eligibility_description)?.slice(0, 1000),
          cost: !fees || /\bfree\b|no charge/i.test(fees) ? "FREE" : "PAID",
          costNote: fees ? fees.slice(0, 500) : "Cost not stated in the imported data: check with the service.",
          website,
          sourceUrl: website ?? "",
          status: "DRAFT",
          accessFeatures: termCodes(service, ACCESS_CODES) as ListingInput["accessFeatures"],
          safety: {
            anonymousContact: (safetyValue(service, "anonymous_contact") as "YES") ?? "UNKNOWN",
            tellsPolice: (safetyValue(service, "tells_police") as "NEVER") ?? "UNKNOWN",
            tellsParents: (safetyValue(service, "tells_parents") as "NEVER") ?? "UNKNOWN",
            childCanUseWithoutParent: (safetyValue(service, "child_can_use_without_parent") as "YES") ?? "UNKNOWN",
            minimumAge: typeof service.minimum_age === "number" ? Math.round(service.minimum_age) : undefined,
            maximumAge: typeof service.maximum_age === "number" ? Math.round(service.maximum_age) : undefined,
          },
          alwaysOpen,
          hours,
          areas: countries.length > 0 ? countries.map((country) => ({ kind: "COUNTRY" as const, country })) : options.country ? [{ kind: "COUNTRY" as const, country: options.country }] : [],
          contactChannels: channels,
          locations,
          languages: languages.length > 0 ? languages : options.language ? [options.language] : [],
          // Moderators choose the kind of help in review when the source says nothing we know.
          categories: categories.length > 0 ? (categories as ListingInput["categories"]) : ["information"],
          audiences: termCodes(service, AUDIENCE_CODES) as ListingInput["audiences"],
        };
        // Say what the import supplied itself: a moderator checks these first.
        defaults.push(`address name made up: ${listing.slug}`);
        if (categories.length === 0) defaults.push("kind of help set to Information: the record names none we know");
        if (hours.length > 0) defaults.push("opening hours read as UTC: the record names no time zone");
        if (!fees) defaults.push("cost note added: the record does not state a cost");
        if (countries.length === 0 && options.country) defaults.push(`country ${options.country}, the import's default: the record names none`);
        if (languages.length === 0 && options.language) defaults.push(`language ${options.language}, the import's default: the record names none`);
        return listing;
      })();

  if (!own) {
    if (!base.sourceUrl) return reject("no web address (url or the organization's website) to check the listing against");
    if (base.areas.length === 0) return reject("no country: the record names none (set a default country for the import)");
    if (base.contactChannels.length === 0) return reject("no way to contact the service (phone, email or website)");
    if (base.languages.length === 0) return reject("no language: the record names none (set a default language for the import)");
  }
  const listing = base;
  const parsed = ListingSchema.safeParse(listing);
  if (!parsed.success) {
    return reject(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).slice(0, 3).join("; "));
  }
  const canonical = canonicalListing(listing);
  return { originalId: record.originalId, listing: canonical, hash: createHash("sha256").update(JSON.stringify(canonical)).digest("hex"), defaults };
}

/** What an import would do, without writing anything: for the upload preview. */
export async function previewImport(source: Source, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: source.problems.map((problem) => ({ ...problem, name: null })), planned: [] };
  const mapped = source.records.map((record) => mapRecord(record, options));
  const seen = new Set<string>();
  const known = await prisma.importRecord.findMany({
    where: { source: options.source, originalId: { in: mapped.map((entry) => entry.originalId) } },
    select: { originalId: true, contentHash: true },
  });
  const hashes = new Map(known.map((entry) => [entry.originalId, entry.contentHash]));
  for (const entry of mapped) {
    if ("rejection" in entry) {
      report.rejected.push(entry.rejection);
      continue;
    }
    // As the import itself does: a repeated id is refused, so the preview promises what the import makes.
    if (seen.has(entry.originalId)) {
      report.rejected.push({ originalId: entry.originalId, name: entry.listing.name, reason: REPEATED_ID });
      continue;
    }
    seen.add(entry.originalId);
    const action = !hashes.has(entry.originalId) ? "create" : hashes.get(entry.originalId) === entry.hash ? "unchanged" : "update";
    if (action === "create") report.created += 1;
    else if (action === "unchanged") report.unchanged += 1;
    else report.updated += 1;
    report.planned!.push({ originalId: entry.originalId, name: entry.listing.name, action, defaults: entry.defaults });
  }
  return report;
}

export async function importSource(source: Source, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, rejected: source.problems.map((problem) => ({ ...problem, name: null })) };
  const mapped = source.records.map((record) => mapRecord(record, options));
  const accepted = mapped.filter((entry): entry is Extract<Mapped, { listing: ListingInput }> => "listing" in entry);
  report.rejected.push(...mapped.flatMap((entry) => ("rejection" in entry ? [entry.rejection] : [])));
  const seen = new Set<string>();
  const batchSize = options.batchSize ?? 50;
  for (let start = 0; start < accepted.length; start += batchSize) {
    await prisma.$transaction(
      async (tx) => {
        const batch = accepted.slice(start, start + batchSize);
        const known = await tx.importRecord.findMany({
          where: { source: options.source, originalId: { in: batch.map((entry) => entry.originalId) } },
          include: { service: { select: { slug: true } } },
        });
        const records = new Map(known.map((record) => [record.originalId, record]));
        for (const entry of batch) {
          if (seen.has(entry.originalId)) {
            report.rejected.push({ originalId: entry.originalId, name: entry.listing.name, reason: REPEATED_ID });
            continue;
          }
          seen.add(entry.originalId);
          const existing = records.get(entry.originalId);
          if (existing?.contentHash === entry.hash) {
            report.unchanged += 1;
            continue;
          }
          const latest = existing ? await tx.revision.findFirst({ where: { serviceId: existing.serviceId }, orderBy: { number: "desc" } }) : null;
          const result = await submitRevision(
            {
              serviceId: existing?.serviceId ?? null,
              baseNumber: latest?.number ?? 0,
              listing: { ...entry.listing, slug: existing?.service.slug ?? entry.listing.slug },
              reason: `Imported from ${options.source} (record ${entry.originalId})`,
              author: options.author,
            },
            tx,
          );
          if (result.kind !== "saved") {
            const reason = result.kind === "invalid" ? result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ") : "changed in Signpost since: review it there";
            report.rejected.push({ originalId: entry.originalId, name: entry.listing.name, reason });
            continue;
          }
          await tx.importRecord.upsert({
            where: { source_originalId: { source: options.source, originalId: entry.originalId } },
            create: { source: options.source, originalId: entry.originalId, serviceId: result.serviceId, contentHash: entry.hash },
            update: { contentHash: entry.hash },
          });
          if (existing) report.updated += 1;
          else report.created += 1;
        }
      },
      { timeout: 120_000 },
    );
  }
  return report;
}
