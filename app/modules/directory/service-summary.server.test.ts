import { beforeEach, expect, test } from "vitest";
import { clearDirectory, createListing } from "#tests/factories.ts";
import { getPublishedService } from "./service-summary.server.ts";

beforeEach(async () => {
  await clearDirectory();
});

test("a published service's page has everything needed to make contact", async () => {
  await createListing({
    slug: "helpline",
    name: "Helpline",
    timezone: "Europe/Paris",
    hours: [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "18:00" }],
    contactChannels: [
      { kind: "PHONE", value: "+33 1 23 45 67 89", label: "Main line" },
      { kind: "CHAT", value: "https://example.org/chat", hours: [{ days: [6], opens: "10:00", closes: "14:00" }] },
      { kind: "EMAIL", value: "help@example.org" },
    ],
    languages: ["fr", "en"],
    areas: [{ kind: "COUNTRY", country: "FR" }],
    lastVerifiedAt: new Date("2026-09-01T00:00:00Z"),
    safety: { anonymousContact: "YES", tellsPolice: "ONLY_IF_SOMEONE_IS_AT_RISK", tellsParents: "NEVER", childCanUseWithoutParent: "YES", minimumAge: 12 },
  });
  // Saturday 11:00 in Paris: only the chat is open.
  const service = await getPublishedService("helpline", new Date("2026-12-05T10:00:00Z"));
  expect(service).not.toBeNull();
  expect(service!.contacts.map((contact) => [contact.kind, contact.href, contact.openState])).toEqual([
    ["PHONE", "tel:+33123456789", "closed"],
    ["CHAT", "https://example.org/chat", "open"],
    ["EMAIL", "mailto:help@example.org", "closed"],
  ]);
  expect(service!.openState).toBe("open");
  expect(service!.hours).toHaveLength(5);
  expect(service!.languages).toEqual(["en", "fr"]);
  expect(service!.areas).toEqual([{ kind: "COUNTRY", country: "FR", countryName: "France" }]);
  expect(service!.lastVerifiedAt).toBe("2026-09-01T00:00:00.000Z");
  expect(service!.safety).toMatchObject({ anonymousContact: "YES", tellsParents: "NEVER", minimumAge: 12, maximumAge: null });
});

test("drafts, services in review and archived services have no public page", async () => {
  for (const status of ["DRAFT", "IN_REVIEW", "ARCHIVED"] as const) {
    await createListing({ slug: `hidden-${status.toLowerCase().replace("_", "-")}`, status });
  }
  expect(await getPublishedService("hidden-draft", new Date())).toBeNull();
  expect(await getPublishedService("hidden-in-review", new Date())).toBeNull();
  expect(await getPublishedService("hidden-archived", new Date())).toBeNull();
  expect(await getPublishedService("does-not-exist", new Date())).toBeNull();
});

test("a moderator's translation is shown in its language, with the original kept", async () => {
  await createListing({
    slug: "translated",
    name: "Kindertelefon",
    contentLanguage: "de",
    shortDescription: "Kostenlos und anonym für Kinder.",
    description: "Das Kinder- und Jugendtelefon ist kostenlos und anonym.",
    translations: [{ locale: "en", shortDescription: "Free and anonymous, for children.", description: "The children's line is free and anonymous." }],
  });
  const english = await getPublishedService("translated", new Date(), "en");
  expect(english).toMatchObject({
    shortDescription: "Free and anonymous, for children.",
    textLanguage: "en",
    translatedFrom: "de",
    original: { language: "de", description: "Das Kinder- und Jugendtelefon ist kostenlos und anonym." },
  });
  const french = await getPublishedService("translated", new Date(), "fr");
  expect(french).toMatchObject({ shortDescription: "Kostenlos und anonym für Kinder.", textLanguage: "de", translatedFrom: null, original: null });
});
