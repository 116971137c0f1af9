import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory, createListing } from "#tests/factories.ts";
import { saveListing } from "./listing.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { FACET_LIMIT, SearchQuerySchema, searchServices } from "./search.server.ts";

// Near a place, open now, the other filters and their counts, and ranking ties.

function query(input: Record<string, unknown>) {
  return SearchQuerySchema.parse(input);
}

async function search(input: Record<string, unknown>, now?: Date) {
  return searchServices(query(input), now);
}

async function slugsFor(input: Record<string, unknown>, now?: Date) {
  return (await search(input, now)).services.map((service) => service.slug);
}

beforeEach(async () => {
  await clearDirectory();
});

const LEEDS = { latitude: 53.7997, longitude: -1.5492 };

function placeAt(locality: string, latitude: number, longitude: number, postalCode?: string) {
  return { locations: [{ locality, country: "GB", latitude, longitude, postalCode }] };
}

describe("near a place", () => {
  beforeEach(async () => {
    await createListing({ slug: "leeds", ...placeAt("Leeds", LEEDS.latitude, LEEDS.longitude, "LS1 4AP") });
    await createListing({ slug: "bradford", ...placeAt("Bradford", 53.796, -1.7594) }); // ~14 km
    await createListing({ slug: "york", ...placeAt("York", 53.959, -1.0815) }); // ~35 km
    await createListing({ slug: "manchester", ...placeAt("Manchester", 53.4808, -2.2426) }); // ~58 km
    await createListing({ slug: "helpline-without-address" });
  });

  test("keeps services with a place within the radius, nearest first, with the distance", async () => {
    const result = await search({ lat: LEEDS.latitude, lng: LEEDS.longitude, radius: 25 });
    expect(result.services.map((service) => service.slug)).toEqual(["leeds", "bradford"]);
    expect(result.services[0]!.distanceKm).toBeCloseTo(0, 1);
    expect(result.services[1]!.distanceKm).toBeGreaterThan(13);
    expect(result.services[1]!.distanceKm).toBeLessThan(15);
  });

  test("a wider radius reaches further; the default is 25 km", async () => {
    expect(await slugsFor({ lat: LEEDS.latitude, lng: LEEDS.longitude, radius: 50 })).toEqual(["leeds", "bradford", "york"]);
    expect(await slugsFor({ lat: LEEDS.latitude, lng: LEEDS.longitude })).toEqual(["leeds", "bradford"]);
  });

  test("a town or a postal code typed in is found among the places we hold, accents, case and spaces aside", async () => {
    expect(await slugsFor({ near: "leeds" })).toEqual(["leeds", "bradford"]);
    expect(await slugsFor({ near: "ls1 4ap" })).toEqual(["leeds", "bradford"]);
    expect(await slugsFor({ near: "LS1" })).toEqual(["leeds", "bradford"]);
    expect(await slugsFor({ near: "Manchester", radius: 10 })).toEqual(["manchester"]);
  });

  test("a place we do not know gives no results and says so, instead of ignoring it", async () => {
    const result = await search({ near: "Atlantis" });
    expect(result.unknownPlace).toBe("Atlantis");
    expect(result.services).toEqual([]);
    expect((await search({ near: "Leeds", country: "FR" })).unknownPlace).toBe("Leeds");
  });
});

describe("open now, by each service's own clock", () => {
  // Monday 30 November 2026, 01:00 UTC: 10:00 Monday in Tokyo, 20:00 Sunday in
  // New York, 01:00 Monday in London (no summer time in November).
  const mondayOneAmUtc = new Date("2026-11-30T01:00:00Z");

  beforeEach(async () => {
    const weekdays = { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" };
    await createListing({ slug: "tokyo-office-hours", timezone: "Asia/Tokyo", hours: [weekdays] });
    await createListing({ slug: "new-york-office-hours", timezone: "America/New_York", hours: [weekdays] });
    await createListing({ slug: "london-sunday-night", timezone: "Europe/London", hours: [{ days: [7], opens: "22:00", closes: "02:00" }] });
    await createListing({
      slug: "london-chat-only-at-night",
      timezone: "Europe/London",
      contactChannels: [
        { kind: "PHONE", value: "0800 000 001" },
        { kind: "CHAT", value: "https://example.org/chat", hours: [{ days: [1], opens: "00:00", closes: "02:00" }] },
      ],
    });
    await createListing({ slug: "always", alwaysOpen: true });
    await createListing({ slug: "hours-unknown" });
  });

  test("open in Tokyo's morning, closed on New York's Sunday evening, open past midnight in London", async () => {
    const slugs = await slugsFor({ open: "now" }, mondayOneAmUtc);
    expect(slugs.sort()).toEqual(["always", "london-chat-only-at-night", "london-sunday-night", "tokyo-office-hours"]);
  });

  test("the night ends at closing time, and the count matches the list", async () => {
    const threeAm = new Date("2026-11-30T03:00:00Z");
    const result = await search({ open: "now" }, threeAm);
    expect(result.services.map((service) => service.slug).sort()).toEqual(["always", "tokyo-office-hours"]);
    expect(result.facets!.open).toBe(2);
  });

  test("24/7 means open every minute of the week", async () => {
    expect(await slugsFor({ always: "1" })).toEqual(["always"]);
  });

  test("the database's answer agrees with the opening hours shown on each result, for every hour of a week", async () => {
    for (let hour = 0; hour < 7 * 24; hour += 1) {
      const at = new Date(Date.UTC(2026, 10, 30, hour, 30));
      const all = await search({}, at);
      const openByPage = all.services.filter((service) => service.openState === "open").map((service) => service.slug);
      const openBySql = await slugsFor({ open: "now" }, at);
      expect(openBySql.sort(), at.toISOString()).toEqual(openByPage.sort());
    }
  });
});

describe("filters and their counts", () => {
  beforeEach(async () => {
    await createListing({
      slug: "one",
      contactChannels: [{ kind: "PHONE", value: "0800 000 001" }],
      cost: "FREE",
      safety: { anonymousContact: "YES", tellsPolice: "UNKNOWN", tellsParents: "NEVER", childCanUseWithoutParent: "YES" },
      accessFeatures: ["step-free"],
      languages: ["en"],
      categories: ["counselling"],
      audiences: ["children"],
      alwaysOpen: true,
    });
    await createListing({
      slug: "two",
      contactChannels: [
        { kind: "CHAT", value: "https://example.org/chat" },
        { kind: "EMAIL", value: "help@example.org" },
      ],
      cost: "PAID",
      safety: { anonymousContact: "NO", tellsPolice: "UNKNOWN", tellsParents: "UNKNOWN", childCanUseWithoutParent: "NO" },
      accessFeatures: ["sign-language", "easy-read"],
      languages: ["es"],
      categories: ["legal-help"],
      audiences: ["teenagers"],
    });
    await createListing({
      slug: "three",
      contactChannels: [
        { kind: "WALK_IN", value: "1 High Street, Leeds" },
        { kind: "SMS", value: "60000" },
      ],
      cost: "FREE",
      accessFeatures: ["easy-read"],
      languages: ["en", "fr-BE"],
      categories: ["counselling", "legal-help"],
      audiences: ["children", "teenagers"],
    });
  });

  test.each([
    [{ free: "1" }, ["one", "three"]],
    [{ anonymous: "1" }, ["one"]],
    [{ no_parent: "1" }, ["one"]],
    [{ always: "1" }, ["one"]],
    [{ lang: "es" }, ["two"]],
    [{ lang: "fr" }, ["three"]],
    [{ contact: ["walk-in"] }, ["three"]],
    [{ contact: ["call", "text"] }, ["one", "three"]],
    [{ contact: ["online"] }, []],
    [{ access: ["easy-read"] }, ["three", "two"]],
    [{ access: ["easy-read", "sign-language"] }, ["two"]],
    [{ category: ["legal-help"] }, ["three", "two"]],
    [{ audience: "children" }, ["one", "three"]],
    [{ free: "1", category: ["legal-help"] }, ["three"]],
  ])("%j keeps %j", async (filters, expected) => {
    expect((await slugsFor({ country: "GB", ...filters })).sort()).toEqual(expected);
  });

  test("with no filter, each value counts the services it would give", async () => {
    const facets = (await search({ country: "GB" })).facets!;
    expect(facets.category).toEqual({ counselling: 2, "legal-help": 2 });
    expect(facets.audience).toEqual({ children: 2, teenagers: 2 });
    expect(facets.lang).toEqual({ en: 2, es: 1, fr: 1 });
    expect(facets.contact).toEqual({ call: 1, chat: 1, email: 1, "walk-in": 1, text: 1 });
    expect(facets.access).toEqual({ "step-free": 1, "sign-language": 1, "easy-read": 2 });
    expect({ free: facets.free, anonymous: facets.anonymous, no_parent: facets.no_parent, always: facets.always }).toEqual({
      free: 2,
      anonymous: 1,
      no_parent: 1,
      always: 1,
    });
  });

  test("counts are within the services found: choosing a filter narrows every count", async () => {
    const { facets: counted, total } = await search({ country: "GB", contact: ["chat"] });
    expect(total).toBe(1);
    const facets = counted!;
    // "two" is the one chat service: it also takes email, costs money, gives legal help.
    expect(facets.contact).toEqual({ chat: 1, email: 1 });
    expect(facets.free).toBe(0);
    expect(facets.category).toEqual({ "legal-help": 1 });
  });

  test("access needs add up: a service must offer every one chosen", async () => {
    const facets = (await search({ country: "GB", access: ["easy-read"] })).facets!;
    expect(facets.access).toEqual({ "sign-language": 1, "easy-read": 2 });
  });

  test("past FACET_LIMIT services found there are no counts, only the filters", async () => {
    const listing = await prisma.service.findUniqueOrThrow({ where: { slug: "one" } });
    const rows = Array.from(
      { length: FACET_LIMIT },
      (_, index) =>
        Prisma.sql`(gen_random_uuid(), ${`copy-${index}`}, ${listing.organizationId}::uuid, ${`Copy ${index}`}, 'A copy made by a test.', 'A copy made by a test, long enough.', 'https://example.org', 'PUBLISHED', now())`,
    );
    await prisma.$executeRaw`INSERT INTO service (id, slug, organization_id, name, short_description, description, source_url, status, updated_at) VALUES ${Prisma.join(rows)}`;
    await prisma.$executeRaw`INSERT INTO service_area (id, service_id, kind, country) SELECT gen_random_uuid(), id, 'COUNTRY', 'GB' FROM service WHERE slug LIKE 'copy-%'`;
    const result = await search({ country: "GB" });
    expect(result.total).toBeGreaterThan(FACET_LIMIT);
    expect(result.facets).toBeNull();
  });

  test("editing a listing updates what the filters see", async () => {
    const listing = await prisma.service.findUniqueOrThrow({ where: { slug: "two" }, select: { id: true } });
    const { currentListing } = await import("#app/modules/moderation/snapshot.server.ts");
    const current = (await currentListing(listing.id))!;
    await saveListing({ ...current, contactChannels: [{ kind: "PHONE", value: "0800 000 002" }], languages: ["de"] }, { serviceId: listing.id });
    expect((await slugsFor({ country: "GB", contact: ["call"] })).sort()).toEqual(["one", "two"]);
    expect(await slugsFor({ country: "GB", lang: "de" })).toEqual(["two"]);
    expect(await slugsFor({ country: "GB", lang: "es" })).toEqual([]);
  });
});

describe("ranking ties", () => {
  test("among equals: most recently verified first, then name, then id", async () => {
    await createListing({ slug: "b-never", name: "Beta", lastVerifiedAt: undefined });
    await createListing({ slug: "a-old", name: "Alpha", lastVerifiedAt: new Date("2026-01-01T00:00:00Z") });
    await createListing({ slug: "z-recent", name: "Zulu", lastVerifiedAt: new Date("2026-11-01T00:00:00Z") });
    await createListing({ slug: "a-never", name: "Alpha", lastVerifiedAt: undefined });
    const slugs = await slugsFor({ country: "GB" });
    expect(slugs.slice(0, 2)).toEqual(["z-recent", "a-old"]);
    expect(slugs[2]).toBe("a-never");
    expect(slugs[3]).toBe("b-never");
  });

  test("two services of the same name and date keep one order, by id, on every request", async () => {
    await createListing({ slug: "twin-1", name: "Twin" });
    await createListing({ slug: "twin-2", name: "Twin" });
    const ids = await prisma.service.findMany({ where: { name: "Twin" }, orderBy: { id: "asc" }, select: { slug: true } });
    expect(await slugsFor({ country: "GB" })).toEqual(ids.map((row) => row.slug));
  });

  test("equally relevant services nearer the place come first; a much better match comes before a nearer one", async () => {
    await createListing({ slug: "far-counselling", name: "Counselling service", ...placeAt("Bradford", 53.796, -1.7594) });
    await createListing({ slug: "near-counselling", name: "Counselling service", ...placeAt("Leeds", LEEDS.latitude, LEEDS.longitude) });
    await createListing({ slug: "near-other", name: "Other help", ...placeAt("Leeds", LEEDS.latitude, LEEDS.longitude) });
    expect(await slugsFor({ lat: LEEDS.latitude, lng: LEEDS.longitude })).toEqual(["near-counselling", "near-other", "far-counselling"]);
    expect(await slugsFor({ lat: LEEDS.latitude, lng: LEEDS.longitude, q: "counselling" })).toEqual(["near-counselling", "far-counselling"]);
  });
});
