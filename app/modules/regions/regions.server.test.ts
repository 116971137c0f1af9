import { expect, test } from "vitest";
import { countryName, isCountryCode, isSubdivisionOf, relatedSubdivisions } from "./regions.server.ts";
import { EMERGENCY_NUMBERS } from "./emergency-numbers.ts";

test("countries and subdivisions come from ISO 3166", () => {
  expect(isCountryCode("GB")).toBe(true);
  expect(isCountryCode("XX")).toBe(false);
  expect(isSubdivisionOf("FR-69", "FR")).toBe(true);
  expect(isSubdivisionOf("FR-69", "DE")).toBe(false);
  expect(countryName("DE", "en")).toBe("Germany");
});

test("a region is related to the regions around it and inside it, not to its neighbours", () => {
  expect(relatedSubdivisions("FR-69").sort()).toEqual(["FR-69", "FR-ARA"]);
  const auvergne = relatedSubdivisions("FR-ARA");
  expect(auvergne).toEqual(expect.arrayContaining(["FR-ARA", "FR-69", "FR-01"]));
  expect(auvergne).not.toContain("FR-BRE");
});

test("every emergency-number entry is for a real country and lists at least one number", () => {
  for (const [code, numbers] of Object.entries(EMERGENCY_NUMBERS)) {
    expect(isCountryCode(code), code).toBe(true);
    expect(numbers.main.length, code).toBeGreaterThan(0);
    for (const number of numbers.main) expect(number, code).toMatch(/^\d{3,5}$/);
  }
});
