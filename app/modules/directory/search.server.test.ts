import { beforeEach, describe, expect, test } from "vitest";
import { clearDirectory, createListing } from "#tests/factories.ts";
import { PAGE_SIZE, SearchQuerySchema, searchServices } from "./search.server.ts";

function query(input: Record<string, unknown>) {
  return SearchQuerySchema.parse(input);
}

async function slugsFor(input: Record<string, unknown>) {
  const result = await searchServices(query(input));
  return result.services.map((service) => service.slug);
}

beforeEach(async () => {
  await clearDirectory();
});

describe("coverage: a service matches a place when one of its areas covers it", () => {
  beforeEach(async () => {
    await createListing({ slug: "worldwide", areas: [{ kind: "INTERNATIONAL" }] });
    await createListing({ slug: "france-national", areas: [{ kind: "COUNTRY", country: "FR" }] });
    await createListing({
      slug: "auvergne-rhone-alpes",
      areas: [{ kind: "SUBDIVISION", country: "FR", subdivision: "FR-ARA" }],
    });
    await createListing({ slug: "rhone", areas: [{ kind: "SUBDIVISION", country: "FR", subdivision: "FR-69" }] });
    await createListing({
      slug: "lyon",
      areas: [{ kind: "LOCALITY", country: "FR", subdivision: "FR-69", locality: "Lyon" }],
    });
    await createListing({ slug: "brittany", areas: [{ kind: "SUBDIVISION", country: "FR", subdivision: "FR-BRE" }] });
    await createListing({ slug: "germany-national", areas: [{ kind: "COUNTRY", country: "DE" }] });
  });

  test("a region search finds its own services, those of the regions around it, national and international ones", async () => {
    const slugs = await slugsFor({ country: "FR", region: "FR-69" });
    expect([...slugs].sort()).toEqual(["auvergne-rhone-alpes", "france-national", "lyon", "rhone", "worldwide"]);
    expect(slugs).not.toContain("brittany");
    expect(slugs).not.toContain("germany-national");
  });

  test("a region search includes the smaller regions inside it", async () => {
    const slugs = await slugsFor({ country: "FR", region: "FR-ARA" });
    expect(slugs).toEqual(expect.arrayContaining(["rhone", "lyon", "auvergne-rhone-alpes", "france-national", "worldwide"]));
    expect(slugs).not.toContain("brittany");
  });

  test("a country search finds every service in the country and the international ones", async () => {
    const slugs = await slugsFor({ country: "FR" });
    expect(slugs.sort()).toEqual(
      ["auvergne-rhone-alpes", "brittany", "france-national", "lyon", "rhone", "worldwide"].sort(),
    );
  });

  test("an international service appears everywhere, even where nothing else is listed", async () => {
    expect(await slugsFor({ country: "JP" })).toEqual(["worldwide"]);
  });

  test("local before regional before national before international", async () => {
    const slugs = await slugsFor({ country: "FR", region: "FR-69" });
    expect(slugs[0]).toBe("lyon");
    expect(slugs.slice(1, 3).sort()).toEqual(["auvergne-rhone-alpes", "rhone"]);
    expect(slugs.slice(3)).toEqual(["france-national", "worldwide"]);
  });
});

describe("filters", () => {
  test("category matches any of the chosen kinds of help", async () => {
    await createListing({ slug: "hotline", categories: ["report-abuse-material"] });
    await createListing({ slug: "removal", categories: ["image-removal"] });
    await createListing({ slug: "therapy", categories: ["counselling"] });
    expect(await slugsFor({ country: "GB", category: ["report-abuse-material"] })).toEqual(["hotline"]);
    expect((await slugsFor({ country: "GB", category: ["report-abuse-material", "image-removal"] })).sort()).toEqual([
      "hotline",
      "removal",
    ]);
  });

  test("audience keeps only services for that audience", async () => {
    await createListing({ slug: "for-teens", audiences: ["teenagers"] });
    await createListing({ slug: "for-parents", audiences: ["parents-carers"] });
    expect(await slugsFor({ country: "GB", audience: "teenagers" })).toEqual(["for-teens"]);
  });
});

describe("text search", () => {
  beforeEach(async () => {
    await createListing({
      slug: "childline",
      name: "Childline",
      organization: { slug: "nspcc", name: "NSPCC" },
      shortDescription: "Free, confidential help for young people.",
    });
    await createListing({
      slug: "therapie",
      name: "Centre de thérapie familiale",
      organization: { slug: "centre-familial", name: "Association familiale" },
      shortDescription: "Accompagnement des familles après des violences.",
    });
    await createListing({
      slug: "removal",
      name: "Take It Down",
      organization: { slug: "ncmec", name: "National Center for Missing & Exploited Children" },
      shortDescription: "Remove nude images taken before you were 18.",
    });
  });

  test("finds services by words in the name, organization or description", async () => {
    expect(await slugsFor({ country: "GB", q: "childline" })).toEqual(["childline"]);
    expect(await slugsFor({ country: "GB", q: "NSPCC" })).toEqual(["childline"]);
    expect(await slugsFor({ country: "GB", q: "nude images" })).toEqual(["removal"]);
  });

  test("exact words win: similar names are not mixed in when words match", async () => {
    // "childline" is close to "children" (in the NCMEC's name) but must not bring it in.
    expect(await slugsFor({ country: "GB", q: "childline" })).toEqual(["childline"]);
  });

  test("a typo still finds the service", async () => {
    expect(await slugsFor({ country: "GB", q: "chilldline" })).toEqual(["childline"]);
    expect(await slugsFor({ country: "GB", q: "Chidline" })).toEqual(["childline"]);
  });

  test("accents do not matter", async () => {
    expect(await slugsFor({ country: "GB", q: "therapie" })).toEqual(["therapie"]);
    expect(await slugsFor({ country: "GB", q: "THÉRAPIE" })).toEqual(["therapie"]);
  });

  test("words that match nothing find nothing", async () => {
    const result = await searchServices(query({ country: "GB", q: "zebra accounting" }));
    expect(result.total).toBe(0);
    expect(result.services).toEqual([]);
  });
});

describe("pagination", () => {
  test("pages hold PAGE_SIZE services, in a stable order, without overlap", async () => {
    for (let index = 0; index < 25; index++) {
      await createListing({ slug: `service-${String(index).padStart(2, "0")}`, name: `Service ${String(index).padStart(2, "0")}` });
    }
    const pages = await Promise.all([1, 2, 3].map((page) => searchServices(query({ country: "GB", page }))));
    expect(pages.map((page) => page.services.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    expect(pages.every((page) => page.total === 25 && page.pageCount === 3)).toBe(true);
    const all = pages.flatMap((page) => page.services.map((service) => service.slug));
    expect(new Set(all).size).toBe(25);
    expect(all).toEqual([...all].sort());

    const pastTheEnd = await searchServices(query({ country: "GB", page: 4 }));
    expect(pastTheEnd.services).toEqual([]);
    expect(pastTheEnd.total).toBe(25);
  });
});

describe("only published services are public", () => {
  test("drafts, services in review and archived services never appear", async () => {
    await createListing({ slug: "published", status: "PUBLISHED" });
    await createListing({ slug: "draft", status: "DRAFT" });
    await createListing({ slug: "in-review", status: "IN_REVIEW" });
    await createListing({ slug: "archived", status: "ARCHIVED" });
    expect(await slugsFor({ country: "GB" })).toEqual(["published"]);
    expect(await slugsFor({ country: "GB", q: "draft" })).toEqual([]);
  });
});

describe("ranking ties", () => {
  test("among equals, the most recently verified comes first, then the name", async () => {
    await createListing({ slug: "b-old", name: "B service", lastVerifiedAt: new Date("2025-01-01") });
    await createListing({ slug: "a-never", name: "A service" });
    await createListing({ slug: "c-recent", name: "C service", lastVerifiedAt: new Date("2026-10-01") });
    await createListing({ slug: "a-recent", name: "A recent service", lastVerifiedAt: new Date("2026-10-01") });
    expect(await slugsFor({ country: "GB" })).toEqual(["a-recent", "c-recent", "b-old", "a-never"]);
  });
});

describe("open now", () => {
  test("each result's state is computed in its own time zone", async () => {
    const weekdays = [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }];
    await createListing({ slug: "sydney", timezone: "Australia/Sydney", hours: weekdays });
    await createListing({ slug: "london", timezone: "Europe/London", hours: weekdays });
    await createListing({ slug: "always", alwaysOpen: true });
    // Monday 23:30 in London is Tuesday 10:30 in Sydney.
    const result = await searchServices(query({ country: "GB" }), new Date("2026-11-30T23:30:00Z"));
    const states = Object.fromEntries(result.services.map((service) => [service.slug, service.openState]));
    expect(states).toEqual({ sydney: "open", london: "closed", always: "open" });
  });
});

describe("language spoken", () => {
  test("lang keeps services that speak it, including regional variants", async () => {
    await createListing({ slug: "english", languages: ["en"] });
    await createListing({ slug: "brazilian", languages: ["pt-BR", "en"] });
    await createListing({ slug: "french", languages: ["fr"] });
    expect(await slugsFor({ country: "GB", lang: "pt" })).toEqual(["brazilian"]);
    expect((await slugsFor({ country: "GB", lang: "EN" })).sort()).toEqual(["brazilian", "english"]);
  });
});
