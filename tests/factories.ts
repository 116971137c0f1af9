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
