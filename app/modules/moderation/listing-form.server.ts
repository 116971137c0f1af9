import type { ListingInput } from "#app/modules/directory/listing.server.ts";

// The listing editor is one plain HTML form (it must work without JavaScript),
// so a listing travels as flat field names — "contactChannels[0].value" — that
// are also the paths zod reports errors at. Repeated rows (areas, contacts,
// places) come with blank rows to fill in; blank rows are ignored.

export type FormValues = Record<string, string>;
export type FormLists = { category: string[]; audience: string[]; access: string[] };

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
export const BLANK_ROWS = 2;
export const TRANSLATION_LOCALES = ["en", "es", "fr"] as const;

type HoursBlock = { days: number[]; opens: string; closes: string };

/** "Mon-Fri 09:00-17:00" per line; days may be listed ("Mon,Wed") or ranged ("Sat-Sun"). */
export function formatHours(blocks: HoursBlock[] | undefined): string {
  return (blocks ?? []).map((block) => `${formatDays(block.days)} ${block.opens}-${block.closes}`).join("\n");
}

function formatDays(days: number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const contiguous = sorted.every((day, index) => index === 0 || day === sorted[index - 1]! + 1);
  if (contiguous && sorted.length > 2) return `${DAY_NAMES[sorted[0]! - 1]}-${DAY_NAMES[sorted[sorted.length - 1]! - 1]}`;
  return sorted.map((day) => DAY_NAMES[day - 1]).join(",");
}

export function parseHours(text: string): { blocks: HoursBlock[] } | { error: string } {
  const blocks: HoursBlock[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([A-Za-z,\-\s]+?)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(line);
    if (!match) return { error: `Line ${index + 1}: write hours like "Mon-Fri 09:00-17:00".` };
    const days = parseDays(match[1]!);
    if (!days) return { error: `Line ${index + 1}: use day names Mon, Tue, Wed, Thu, Fri, Sat, Sun.` };
    blocks.push({ days, opens: match[2]!.padStart(5, "0"), closes: match[3]!.padStart(5, "0") });
  }
  return { blocks };
}

function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(",").map((piece) => piece.trim()).filter(Boolean)) {
    const [from, to] = part.split(/\s*[-–]\s*/);
    const start = dayNumber(from);
    const end = to === undefined ? start : dayNumber(to);
    if (!start || !end) return null;
    for (let day = start; ; day = (day % 7) + 1) {
      days.add(day);
      if (day === end) break;
    }
  }
  return days.size > 0 ? [...days].sort((a, b) => a - b) : null;
}

function dayNumber(name: string | undefined): number | null {
  const index = DAY_NAMES.findIndex((day) => day.toLowerCase() === name?.trim().slice(0, 3).toLowerCase());
  return index === -1 ? null : index + 1;
}

/** A listing as the editor's fields. */
export function listingToForm(listing: ListingInput): { values: FormValues; lists: FormLists } {
  const values: FormValues = {};
  const put = (name: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== "") values[name] = String(value);
  };
  for (const key of ["slug", "name", "alternateName", "shortDescription", "description", "eligibility", "cost", "costNote", "accessibility", "website", "sourceUrl", "timezone", "contentLanguage"] as const) {
    put(key, listing[key]);
  }
  if (listing.alwaysOpen) values.alwaysOpen = "on";
  put("hours", formatHours(listing.hours as HoursBlock[] | undefined));
  for (const [key, value] of Object.entries(listing.organization)) put(`organization.${key}`, value);
  for (const [key, value] of Object.entries(listing.safety ?? {})) put(`safety.${key}`, value);
  put("languages", listing.languages.join(", "));
  listing.areas.forEach((area, index) => {
    for (const [key, value] of Object.entries(area)) put(`areas[${index}].${key}`, value);
  });
  listing.contactChannels.forEach((channel, index) => {
    put(`contactChannels[${index}].kind`, channel.kind);
    put(`contactChannels[${index}].value`, channel.value);
    put(`contactChannels[${index}].label`, channel.label);
    if (channel.alwaysOpen) values[`contactChannels[${index}].alwaysOpen`] = "on";
    put(`contactChannels[${index}].hours`, formatHours(channel.hours as HoursBlock[] | undefined));
  });
  // One block per site language, in a fixed order, so the form always offers each.
  for (const [index, locale] of TRANSLATION_LOCALES.entries()) {
    const translation = listing.translations?.find((entry) => entry.locale === locale);
    put(`translations[${index}].name`, translation?.name);
    put(`translations[${index}].shortDescription`, translation?.shortDescription);
    put(`translations[${index}].description`, translation?.description);
  }
  (listing.locations ?? []).forEach((location, index) => {
    for (const [key, value] of Object.entries(location)) put(`locations[${index}].${key}`, value);
  });
  return { values, lists: { category: [...listing.categories], audience: [...(listing.audiences ?? [])], access: [...(listing.accessFeatures ?? [])] } };
}

function rowIndexes(values: FormValues, group: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\[(\\d+)\\]\\.`);
  for (const name of Object.keys(values)) {
    const match = pattern.exec(name);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

export function rowCount(values: FormValues, group: string): number {
  const indexes = rowIndexes(values, group);
  return indexes.length === 0 ? 0 : indexes[indexes.length - 1]! + 1;
}

/**
 * The editor's fields as a listing for ListingSchema to judge. Errors the
 * schema cannot see (hours written wrongly) come back keyed by field name.
 */
export function formToListing(values: FormValues, lists: FormLists): { listing: Record<string, unknown>; errors: FormValues } {
  const errors: FormValues = {};
  const text = (name: string) => values[name]?.trim() || undefined;
  const number = (name: string) => (text(name) === undefined ? undefined : Number(text(name)));
  const hours = (name: string) => {
    const parsed = parseHours(values[name] ?? "");
    if ("error" in parsed) {
      errors[name] = parsed.error;
      return [];
    }
    return parsed.blocks;
  };
  const filled = (group: string, keys: string[]) =>
    rowIndexes(values, group).filter((index) => keys.some((key) => text(`${group}[${index}].${key}`) !== undefined));

  // Rows keep their index in the form, so an error names the row the person filled.
  const areas = filled("areas", ["kind", "country", "subdivision", "locality"]);

  const listing = {
    slug: text("slug"),
    name: text("name"),
    alternateName: text("alternateName"),
    organization: {
      slug: text("organization.slug"),
      name: text("organization.name"),
      description: text("organization.description"),
      website: text("organization.website"),
      sourceUrl: text("organization.sourceUrl"),
    },
    shortDescription: text("shortDescription"),
    description: text("description"),
    eligibility: text("eligibility"),
    cost: text("cost"),
    costNote: text("costNote"),
    accessibility: text("accessibility"),
    accessFeatures: lists.access,
    status: "DRAFT",
    website: text("website"),
    sourceUrl: text("sourceUrl"),
    contentLanguage: text("contentLanguage"),
    translations: TRANSLATION_LOCALES.flatMap((locale, index) =>
      text(`translations[${index}].shortDescription`) || text(`translations[${index}].name`) || text(`translations[${index}].description`)
        ? [
            {
              locale,
              name: text(`translations[${index}].name`),
              shortDescription: text(`translations[${index}].shortDescription`),
              description: text(`translations[${index}].description`),
            },
          ]
        : [],
    ),
    safety: {
      anonymousContact: text("safety.anonymousContact"),
      tellsPolice: text("safety.tellsPolice"),
      tellsParents: text("safety.tellsParents"),
      childCanUseWithoutParent: text("safety.childCanUseWithoutParent"),
      minimumAge: number("safety.minimumAge"),
      maximumAge: number("safety.maximumAge"),
      recordsKept: text("safety.recordsKept"),
    },
    alwaysOpen: values.alwaysOpen === "on",
    timezone: text("timezone"),
    hours: hours("hours"),
    areas: areas.map((index) => ({
      kind: text(`areas[${index}].kind`),
      country: text(`areas[${index}].country`)?.toUpperCase(),
      subdivision: text(`areas[${index}].subdivision`)?.toUpperCase(),
      locality: text(`areas[${index}].locality`),
    })),
    contactChannels: filled("contactChannels", ["value"]).map((index) => ({
      kind: text(`contactChannels[${index}].kind`),
      value: text(`contactChannels[${index}].value`),
      label: text(`contactChannels[${index}].label`),
      alwaysOpen: values[`contactChannels[${index}].alwaysOpen`] === "on",
      hours: hours(`contactChannels[${index}].hours`),
    })),
    locations: filled("locations", ["name", "address", "locality", "postalCode"]).map((index) => ({
      name: text(`locations[${index}].name`),
      address: text(`locations[${index}].address`),
      locality: text(`locations[${index}].locality`),
      postalCode: text(`locations[${index}].postalCode`),
      subdivision: text(`locations[${index}].subdivision`)?.toUpperCase(),
      country: text(`locations[${index}].country`)?.toUpperCase(),
      latitude: number(`locations[${index}].latitude`),
      longitude: number(`locations[${index}].longitude`),
    })),
    languages: (text("languages") ?? "")
      .split(/[,\s]+/)
      .map((code) => code.trim())
      .filter(Boolean),
    categories: lists.category,
    audiences: lists.audience,
  };
  return { listing, errors };
}

/**
 * Zod reports paths in the order of the rows it was given; map them back to
 * the form rows they came from, so the message sits next to the right field.
 */
export function issuePathToField(path: string, values: FormValues): string {
  const rowsOf = (group: string, keys: string[]) =>
    rowIndexes(values, group).filter((index) => keys.some((key) => values[`${group}[${index}].${key}`]?.trim()));
  const rows: Record<string, number[]> = {
    areas: rowsOf("areas", ["kind", "country", "subdivision", "locality"]),
    contactChannels: rowsOf("contactChannels", ["value"]),
    locations: rowsOf("locations", ["name", "address", "locality", "postalCode"]),
    translations: rowsOf("translations", ["name", "shortDescription", "description"]),
  };
  // Lists typed in one field, or ticked in one group: the message belongs to the field.
  const single = /^(languages|categories|audiences|accessFeatures)\[\d+\]/.exec(path);
  if (single) return single[1]!;
  return path.replace(/^(areas|contactChannels|locations|translations)\[(\d+)\]/, (whole, group: string, index: string) => {
    const formRow = rows[group]?.[Number(index)];
    return formRow === undefined ? whole : `${group}[${formRow}]`;
  });
}
