import { beforeAll, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { SearchQuerySchema, explainSearch } from "#app/modules/directory/search.server.ts";
import { generateSyntheticDirectory } from "#scripts/lib/synthetic-directory.ts";
import { clearDirectory } from "#tests/factories.ts";

// A few thousand synthetic services: the generator writes the search columns
// itself (for speed), so they must equal what the triggers compute; and each
// main query shape must be able to use the index meant for it.

beforeAll(async () => {
  await clearDirectory();
  await generateSyntheticDirectory(process.env.DATABASE_URL!, {
    services: 3000,
    seed: 7,
    batchSize: 1000,
  });
}, 120_000);

test("the generator's search columns are exactly what the triggers compute", async () => {
  const columns = ["area_keys", "category_codes", "audience_codes", "language_codes", "contact_kinds"];
  const sorted = (column: string) => Prisma.raw(`(SELECT array_agg(x ORDER BY x) FROM unnest(${column}) x) AS ${column}`);
  const snapshot = Prisma.join([...columns.map(sorted), Prisma.raw("open_hours"), Prisma.raw("place_rank")], ", ");
  // One connection for the temporary table: a transaction.
  const [row] = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE generated ON COMMIT DROP AS SELECT id, ${snapshot} FROM service`;
      // In slices: the app's pool gives each query less than two seconds.
      const ids = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM service ORDER BY id`).map((row) => row.id);
      for (let start = 0; start < ids.length; start += 250) {
        await tx.$executeRaw`SELECT service_refresh_search_fields(id) FROM service WHERE id = ANY(${ids.slice(start, start + 250)}::uuid[])`;
      }
      return tx.$queryRaw<{ differing: bigint; total: bigint }[]>`
      SELECT count(*) FILTER (WHERE (g.*)::text IS DISTINCT FROM (t.*)::text) AS differing, count(*) AS total
      FROM generated g JOIN (SELECT id, ${snapshot} FROM service) t ON t.id = g.id`;
    },
    { timeout: 60_000 },
  );
  expect(Number(row!.total)).toBe(3000);
  expect(Number(row!.differing)).toBe(0);
  const [point] = await prisma.$queryRaw<{ missing: bigint }[]>`SELECT count(*) AS missing FROM location WHERE earth_point IS NULL`;
  expect(Number(point!.missing)).toBe(0);
});

describe("each main query shape can use its index", () => {
  // A few thousand rows fit in a handful of pages, where scanning the table is
  // honestly cheaper; with sequential scans off, the planner must show that
  // the query is written so that the index can serve it. Whether it chooses
  // to at 100,000 and 1,000,000 services is what `npm run bench` prints.
  // The test above rewrote every row: fresh statistics now, so the plans do not
  // depend on whether autovacuum happened to run meanwhile (it does on a busy machine).
  beforeAll(async () => {
    await prisma.$executeRawUnsafe("VACUUM ANALYZE");
  }, 120_000);

  async function indexesFor(input: Record<string, unknown>) {
    return prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return (
        await explainSearch(SearchQuerySchema.parse(input), {
          client: tx,
          now: new Date("2026-11-30T10:00:00Z"),
        })
      ).indexes;
    });
  }

  test.each([
    ["country only", { country: "GB" }, "service_area_keys_idx"],
    ["country and kind of help", { country: "FR", category: ["counselling"] }, "service_category_codes_idx"],
    ["words", { q: "Madrid" }, "service_search_document_idx"],
    ["words with a typo, once corrected", { q: "Manchster" }, "service_search_document_idx"],
    ["near a point", { lat: 53.8, lng: -1.55, radius: 25 }, "location_earth_point_idx"],
    ["open now and a language", { open: "now", lang: "de" }, "service_language_codes_idx"],
    ["deep page", { country: "US", page: 20 }, "service_area_keys_idx"],
  ])("%s", async (_name, input, index) => {
    expect(await indexesFor(input)).toContain(index);
  });
});
