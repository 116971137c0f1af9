import type { ListingInput } from "#app/modules/directory/listing.server.ts";
import { en } from "#app/modules/i18n/messages.en.ts";

// What a revision changes, for the reviewing moderator, in the words they use.
// Repeated things (contacts, opening hours, areas, places, translations) are
// matched by what they are, not by their position in a list, so re-typing the
// same hours in another order is no change. Contact details come first and are
// marked: a changed crisis number is what an attacker would slip in. Whether a
// listing is public is not a field here: the revision's kind says it.

export type FieldChange = {
  /** Stable within one comparison (a React key). */
  key: string;
  label: string;
  before: string;
  after: string;
  sensitive: boolean;
};

type Listing = Partial<ListingInput>;
type HoursBlock = { days: number[]; opens: string; closes: string };
type Channel = NonNullable<ListingInput["contactChannels"]>[number];
type Location = NonNullable<ListingInput["locations"]>[number];

const NONE = "—";
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const LOCALE_NAMES: Record<string, string> = { en: "English", es: "Spanish", fr: "French" };

/** A code as the public pages show it ("ONLY_IF_SOMEONE_IS_AT_RISK" → "Only if someone is at risk"). */
function label(prefix: string, code: string | undefined): string {
  if (code === undefined || code === "") return NONE;
  return (en as Record<string, string>)[`${prefix}.${code}`] ?? code;
}

function text(value: unknown): string {
  if (value === undefined || value === null || value === "") return NONE;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return String(value);
}

/** Opening hours as one line per group of days with the same times, days by name. */
export function describeHours(blocks: HoursBlock[] | undefined): string {
  const byTimes = new Map<string, Set<number>>();
  for (const block of blocks ?? []) {
    const times = `${block.opens}–${block.closes}`;
    const days = byTimes.get(times) ?? new Set<number>();
    for (const day of block.days) days.add(day);
    byTimes.set(times, days);
  }
  const lines = [...byTimes.entries()].map(([times, days]) => ({ days: [...days].sort((a, b) => a - b), times }));
  lines.sort((a, b) => a.days[0]! - b.days[0]! || a.times.localeCompare(b.times));
  return lines.length === 0 ? NONE : lines.map((line) => `${describeDays(line.days)} ${line.times}`).join("; ");
}

function describeDays(days: number[]): string {
  const contiguous = days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  if (contiguous && days.length > 2) return `${DAY_NAMES[days[0]! - 1]} to ${DAY_NAMES[days[days.length - 1]! - 1]}`;
  return days.map((day) => DAY_NAMES[day - 1]).join(", ");
}

/** A set of things, described one per line in a stable order, so order never counts as a change. */
function describeSet(items: string[]): string {
  return items.length === 0 ? NONE : [...new Set(items)].sort((a, b) => a.localeCompare(b)).join("; ");
}

function describeArea(area: NonNullable<ListingInput["areas"]>[number]): string {
  switch (area.kind) {
    case "INTERNATIONAL":
      return "International";
    case "COUNTRY":
      return `Country ${area.country ?? ""}`;
    case "SUBDIVISION":
      return `Region ${area.subdivision ?? ""}`;
    default:
      return `Town ${area.locality ?? ""}, ${area.subdivision ?? area.country ?? ""}`;
  }
}

function describeLocation(location: Location): string {
  const parts = [location.name, location.address, location.locality, location.postalCode, location.subdivision, location.country];
  const where = parts.filter(Boolean).join(", ");
  const point = location.latitude !== undefined && location.longitude !== undefined ? ` (${location.latitude}, ${location.longitude})` : "";
  return `${where}${point}`;
}

/** Phone numbers compare by their digits, addresses without case: "0800 1111" and "08001111" are one number. */
function contactIdentity(channel: Channel): string {
  const value = channel.value ?? "";
  const normalised = channel.kind === "PHONE" || channel.kind === "SMS" ? value.replace(/[^\d+]/g, "") : value.trim().toLowerCase();
  return `${channel.kind}:${normalised}`;
}

const CONTACT_NAMES: Record<string, string> = {
  PHONE: "Phone number",
  SMS: "Text number",
  CHAT: "Chat address",
  EMAIL: "Email address",
  WEB_FORM: "Online form address",
  WALK_IN: "Walk-in address",
  APP: "App address",
};

function contactKind(kind: string): string {
  return CONTACT_NAMES[kind] ?? kind;
}

function compareContacts(before: Channel[], after: Channel[], changes: FieldChange[]) {
  const left = new Map(before.map((channel) => [contactIdentity(channel), channel]));
  const right = new Map(after.map((channel) => [contactIdentity(channel), channel]));
  const removed = before.filter((channel) => !right.has(contactIdentity(channel)));
  const added = after.filter((channel) => !left.has(contactIdentity(channel)));
  // A changed number reads as one change: the old value beside the new one of the same kind.
  for (const channel of added) {
    const replaced = removed.findIndex((old) => old.kind === channel.kind);
    const old = replaced === -1 ? undefined : removed.splice(replaced, 1)[0];
    const name = contactKind(channel.kind);
    changes.push({ key: `contact:${contactIdentity(channel)}`, label: old ? name : `${name} (new)`, before: old ? old.value : NONE, after: channel.value, sensitive: true });
    if (old) compareChannelDetails(old, channel, changes);
  }
  for (const channel of removed) {
    changes.push({ key: `contact-removed:${contactIdentity(channel)}`, label: `${contactKind(channel.kind)} (removed)`, before: channel.value, after: NONE, sensitive: true });
  }
  for (const [identity, channel] of right) {
    const old = left.get(identity);
    if (old) compareChannelDetails(old, channel, changes);
  }
}

function compareChannelDetails(before: Channel, after: Channel, changes: FieldChange[]) {
  const name = `${contactKind(after.kind)} ${after.value}`;
  const key = `contact:${contactIdentity(after)}`;
  push(changes, `${key}:label`, `${name}: label`, text(before.label), text(after.label), true);
  push(changes, `${key}:always`, `${name}: open day and night`, text(before.alwaysOpen ?? false), text(after.alwaysOpen ?? false), true);
  push(changes, `${key}:hours`, `${name}: hours`, describeHours(before.hours as HoursBlock[]), describeHours(after.hours as HoursBlock[]), true);
}

function push(changes: FieldChange[], key: string, fieldLabel: string, before: string, after: string, sensitive = false) {
  if (before !== after) changes.push({ key, label: fieldLabel, before, after, sensitive });
}

/**
 * Everything `after` changes compared with `before` (null: a new listing).
 * Contact details first, then web addresses, then everything else in the
 * editor's order.
 */
export function diffListings(before: Listing | null, after: Listing): FieldChange[] {
  const was: Listing = before ?? {};
  const changes: FieldChange[] = [];
  const field = (key: string, fieldLabel: string, read: (listing: Listing) => string, sensitive = false) =>
    push(changes, key, fieldLabel, read(was), read(after), sensitive);

  compareContacts(was.contactChannels ?? [], after.contactChannels ?? [], changes);
  field("website", "Website", (listing) => text(listing.website), true);
  field("organization.website", "Organization's website", (listing) => text(listing.organization?.website), true);
  field("sourceUrl", "Source page", (listing) => text(listing.sourceUrl), true);
  field("organization.sourceUrl", "Organization's source page", (listing) => text(listing.organization?.sourceUrl), true);

  field("name", "Name", (listing) => text(listing.name));
  field("slug", "Address name", (listing) => text(listing.slug));
  field("alternateName", "Other name", (listing) => text(listing.alternateName));
  field("shortDescription", "Short description", (listing) => text(listing.shortDescription));
  field("description", "Description", (listing) => text(listing.description));
  field("eligibility", "Who it is for", (listing) => text(listing.eligibility));
  field("cost", "Cost", (listing) => label("cost", listing.cost));
  field("costNote", "Cost note", (listing) => text(listing.costNote));
  field("accessibility", "Accessibility", (listing) => text(listing.accessibility));
  field("accessFeatures", "Access features", (listing) => describeSet((listing.accessFeatures ?? []).map((code) => label("feature", code))));
  field("languages", "Languages spoken", (listing) => describeSet(listing.languages ?? []));
  field("contentLanguage", "Language of the description", (listing) => text(listing.contentLanguage));
  field("categories", "Kinds of help", (listing) => describeSet((listing.categories ?? []).map((code) => label("category", code))));
  field("audiences", "Who it serves", (listing) => describeSet((listing.audiences ?? []).map((code) => label("audience", code))));
  field("organization.name", "Organization", (listing) => text(listing.organization?.name));
  field("organization.slug", "Organization's address name", (listing) => text(listing.organization?.slug));
  field("organization.description", "Organization's description", (listing) => text(listing.organization?.description));

  field("safety.anonymousContact", "Can people stay anonymous?", (listing) => label("answer", listing.safety?.anonymousContact));
  field("safety.tellsPolice", "Do they tell the police?", (listing) => label("sharing", listing.safety?.tellsPolice));
  field("safety.tellsParents", "Do they tell parents?", (listing) => label("sharing", listing.safety?.tellsParents));
  field("safety.childCanUseWithoutParent", "Can a child use it without a parent?", (listing) => label("answer", listing.safety?.childCanUseWithoutParent));
  field("safety.minimumAge", "Minimum age", (listing) => text(listing.safety?.minimumAge));
  field("safety.maximumAge", "Maximum age", (listing) => text(listing.safety?.maximumAge));
  field("safety.recordsKept", "Records kept", (listing) => text(listing.safety?.recordsKept));

  field("alwaysOpen", "Open day and night", (listing) => text(listing.alwaysOpen ?? false));
  field("timezone", "Time zone", (listing) => text(listing.timezone));
  field("hours", "Opening hours", (listing) => describeHours(listing.hours as HoursBlock[] | undefined));
  field("areas", "Areas served", (listing) => describeSet((listing.areas ?? []).map(describeArea)));
  field("locations", "Places to visit", (listing) => describeSet((listing.locations ?? []).map(describeLocation)));

  for (const locale of Object.keys(LOCALE_NAMES)) {
    const translation = (listing: Listing) => listing.translations?.find((entry) => entry.locale === locale);
    const name = LOCALE_NAMES[locale];
    field(`translations.${locale}.name`, `${name} translation: name`, (listing) => text(translation(listing)?.name));
    field(`translations.${locale}.shortDescription`, `${name} translation: short description`, (listing) => text(translation(listing)?.shortDescription));
    field(`translations.${locale}.description`, `${name} translation: description`, (listing) => text(translation(listing)?.description));
  }
  return changes;
}
