import { saveListing } from "#app/modules/directory/listing.server.ts";
import { DEMO_LISTINGS } from "../../prisma/seed/demo-listings.ts";

/** Loads the demo directory. Idempotent: listings are matched by slug and replaced. */
export async function seedDemoData(): Promise<number> {
  for (const listing of DEMO_LISTINGS) await saveListing(listing);
  return DEMO_LISTINGS.length;
}
