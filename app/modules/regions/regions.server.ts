import { iso31661, iso31662 } from "iso-3166";
import { EMERGENCY_NUMBERS, type EmergencyNumbers } from "./emergency-numbers.ts";

// Countries (ISO 3166-1) and their subdivisions (ISO 3166-2) from the
// `iso-3166` package, which tracks the ISO lists. Country names come from the
// runtime's CLDR data (Intl.DisplayNames), so they follow the page's language.

export type Place = { code: string; name: string };

const countryCodes = new Set(iso31661.map((country) => country.alpha2));
const subdivisionsByCode = new Map(iso31662.map((subdivision) => [subdivision.code, subdivision]));
const childrenByParent = new Map<string, string[]>();
for (const subdivision of iso31662) {
  const siblings = childrenByParent.get(subdivision.parent) ?? [];
  siblings.push(subdivision.code);
  childrenByParent.set(subdivision.parent, siblings);
}

export function isCountryCode(code: string): boolean {
  return countryCodes.has(code);
}

export function isSubdivisionOf(subdivision: string, country: string): boolean {
  return subdivisionsByCode.has(subdivision) && subdivision.startsWith(`${country}-`);
}

// Building Intl formatters is costly and the lists never change while the app runs:
// one formatter and one sorted country list per locale.
const regionNames = new Map<string, Intl.DisplayNames>();
const countryLists = new Map<string, Place[]>();

export function countryName(code: string, locale: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

export function subdivisionName(code: string): string {
  return subdivisionsByCode.get(code)?.name ?? code;
}

export function listCountries(locale: string): Place[] {
  let countries = countryLists.get(locale);
  if (!countries) {
    const collator = new Intl.Collator(locale);
    countries = iso31661
      .map((country) => ({ code: country.alpha2, name: countryName(country.alpha2, locale) }))
      .sort((a, b) => collator.compare(a.name, b.name));
    countryLists.set(locale, countries);
  }
  return countries;
}

export function listSubdivisions(country: string, locale: string): Place[] {
  const collator = new Intl.Collator(locale);
  return iso31662
    .filter((subdivision) => subdivision.code.startsWith(`${country}-`))
    .map((subdivision) => ({ code: subdivision.code, name: subdivision.name }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The subdivisions that a search for `code` should consider: the region itself,
 * the larger regions it lies in (FR-69 lies in FR-ARA) and the smaller ones inside it.
 */
export function relatedSubdivisions(code: string): string[] {
  const related = new Set<string>([code]);
  let parent = subdivisionsByCode.get(code)?.parent;
  while (parent && subdivisionsByCode.has(parent)) {
    related.add(parent);
    parent = subdivisionsByCode.get(parent)?.parent;
  }
  const pending = [...(childrenByParent.get(code) ?? [])];
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (related.has(child)) continue;
    related.add(child);
    pending.push(...(childrenByParent.get(child) ?? []));
  }
  return [...related];
}

export function emergencyNumbers(country: string): EmergencyNumbers | undefined {
  return EMERGENCY_NUMBERS[country];
}
