import { beforeEach, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { clearDirectory } from "#tests/factories.ts";
import { SearchQuerySchema, searchServices } from "#app/modules/directory/search.server.ts";
import { DEMO_LISTINGS } from "../../prisma/seed/demo-listings.ts";
import { seedDemoData } from "./seed.server.ts";

beforeEach(async () => {
  await clearDirectory();
});

test("the demo directory is real-world sized, sourced, and seeding twice changes nothing", async () => {
  await seedDemoData();
  const firstCount = await prisma.service.count();
  await seedDemoData();
  expect(await prisma.service.count()).toBe(firstCount);
  expect(await prisma.serviceArea.count()).toBe(DEMO_LISTINGS.reduce((sum, listing) => sum + listing.areas.length, 0));

  expect(firstCount).toBeGreaterThanOrEqual(40);
  const countries = await prisma.serviceArea.findMany({ where: { kind: { not: "INTERNATIONAL" } }, distinct: ["country"] });
  expect(countries.length).toBeGreaterThanOrEqual(12);
  expect(await prisma.serviceArea.count({ where: { kind: "INTERNATIONAL" } })).toBeGreaterThan(0);
  const services = await prisma.service.findMany();
  expect(services.every((service) => service.sourceUrl.startsWith("https://"))).toBe(true);
});

test("the demo directory answers the questions the README promises", async () => {
  await seedDemoData();
  const us = await searchServices(SearchQuerySchema.parse({ country: "US", category: ["report-abuse-material"] }));
  expect(us.services.map((service) => service.slug)).toContain("cybertipline");

  const typo = await searchServices(SearchQuerySchema.parse({ country: "GB", q: "chilldline" }));
  expect(typo.services[0]?.slug).toBe("childline");
});
