import { randomUUID } from "node:crypto";
import { prisma } from "#app/db.server.ts";
import { saveListing, type ListingInput } from "#app/modules/directory/listing.server.ts";

// Listings for tests, written through the same saveListing the seed uses.
// Each gets a unique slug unless the test names one.

export function buildListing(overrides: Partial<ListingInput> = {}): ListingInput {
  const id = randomUUID().slice(0, 8);
  return {
    slug: `service-${id}`,
    name: `Test service ${id}`,
    organization: { slug: `organization-${id}`, name: `Test organization ${id}` },
    shortDescription: "A service created by a test.",
    description: "A service created by a test, with a description long enough.",
    sourceUrl: "https://example.org/source",
    status: "PUBLISHED",
    areas: [{ kind: "COUNTRY", country: "GB" }],
    contactChannels: [{ kind: "PHONE", value: "0800 000 000" }],
    languages: ["en"],
    categories: ["counselling"],
    ...overrides,
  };
}

/** A listing with every field the editor knows filled in, for tests that must notice a field going missing. */
export function buildFullListing(overrides: Partial<ListingInput> = {}): ListingInput {
  const id = randomUUID().slice(0, 8);
  return buildListing({
    slug: `full-${id}`,
    name: `Full service ${id}`,
    alternateName: "Full",
    organization: {
      slug: `full-organization-${id}`,
      name: `Full organization ${id}`,
      description: "An organization described by its own page.",
      website: "https://example.org/",
      sourceUrl: "https://example.org/about",
    },
    eligibility: "Anyone under 25",
    cost: "LOW_COST",
    costNote: "A small fee for some sessions",
    accessibility: "Step-free entrance",
    accessFeatures: ["step-free", "interpreters"],
    website: "https://example.org/service",
    contentLanguage: "en",
    translations: [{ locale: "es", name: "Servicio completo", shortDescription: "Un servicio con todos los campos.", description: "Descripción larga del servicio." }],
    safety: {
      anonymousContact: "YES",
      tellsPolice: "ONLY_IF_SOMEONE_IS_AT_RISK",
      tellsParents: "NEVER",
      childCanUseWithoutParent: "YES",
      minimumAge: 11,
      maximumAge: 24,
      recordsKept: "First name only",
    },
    timezone: "Europe/London",
    hours: [
      { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" },
      { days: [6], opens: "10:00", closes: "13:00" },
    ],
    areas: [
      { kind: "COUNTRY", country: "GB" },
      { kind: "SUBDIVISION", country: "GB", subdivision: "GB-SCT" },
      { kind: "LOCALITY", country: "GB", subdivision: "GB-ENG", locality: "Leeds" },
    ],
    contactChannels: [
      { kind: "PHONE", value: "0800 000 111", label: "Helpline", alwaysOpen: false, hours: [{ days: [1, 2, 3], opens: "18:00", closes: "22:00" }] },
      { kind: "EMAIL", value: "help@example.org" },
      { kind: "CHAT", value: "https://example.org/chat", alwaysOpen: true },
    ],
    locations: [
      { name: "Centre", address: "1 High Street", locality: "Leeds", postalCode: "LS1 1AA", subdivision: "GB-ENG", country: "GB", latitude: 53.8, longitude: -1.55 },
    ],
    languages: ["en", "pl"],
    categories: ["counselling", "peer-support"],
    audiences: ["children", "teenagers"],
    ...overrides,
  });
}

export async function createListing(overrides: Partial<ListingInput> = {}): Promise<ListingInput> {
  const listing = buildListing(overrides);
  await saveListing(listing);
  return listing;
}

/** Removes every listing; the taxonomy (reference data from a migration) stays. */
export async function clearDirectory() {
  await prisma.$executeRawUnsafe("TRUNCATE organization, service, location RESTART IDENTITY CASCADE");
}

let staffCounter = 0;

/** A staff account with a password, written straight to the database. */
export async function createStaffUser(
  options: { roles: ("admin" | "moderator" | "caseworker")[]; password?: string; email?: string; totpSecret?: Uint8Array },
) {
  const { createUserWithPassword } = await import("#app/modules/accounts/users.server.ts");
  staffCounter += 1;
  const user = await createUserWithPassword({
    email: options.email ?? `staff-${staffCounter}-${randomUUID().slice(0, 6)}@example.org`,
    name: `Staff member ${staffCounter}`,
    password: options.password ?? "a long and unusual test password",
    roles: options.roles,
  });
  if (options.totpSecret) {
    const { enableTwoFactor } = await import("#app/modules/accounts/two-factor.server.ts");
    await enableTwoFactor(user.id, options.totpSecret);
  }
  return user;
}
