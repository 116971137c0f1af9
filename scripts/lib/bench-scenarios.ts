// The search scenarios `npm run bench` measures: for each, a fixed query (the
// hot run repeats it; EXPLAIN measures it) and a generator of different
// queries (the cold run), all over the synthetic directory's places and words.

export type Scenario = {
  name: string;
  /** The query measured hot and explained. */
  hot: Record<string, string | string[]>;
  /** The i-th query of the cold run. */
  cold: (index: number) => Record<string, string | string[]>;
  /** Any of these in the plan means the intended index is used. */
  indexes: string[];
};

const COUNTRIES = ["US", "IN", "JP", "BR", "MX", "GB", "FR", "DE", "ES", "IT", "CA", "AU", "ZA", "NG", "PH", "NL", "BE", "IE", "KE", "NZ"];
const LARGE_COUNTRIES = COUNTRIES.slice(0, 10);
const CATEGORIES = ["counselling", "child-helpline", "legal-help", "medical-care", "police", "shelter", "peer-support", "prevention", "information", "report-abuse-material", "image-removal"];
// Misspelt words of the synthetic directory's names (its cities and kinds of help).
const TYPOS = ["Counsellling", "Childlne", "Londn", "Manchster", "Barcelna", "Torontoo", "Melbourn", "Beratungstelle", "Kindertelfon", "Chicgo", "Sydny", "Mumbay", "Dublinn", "Madrd", "Amsterdm", "Houstn"];
const LANGUAGES = ["en", "es", "fr", "de", "pt", "it", "nl", "ja", "hi", "sw", "tl", "yo", "zu", "ga", "cy"];
const POINTS: [number, number][] = [
  [51.507, -0.128], [40.713, -74.006], [48.857, 2.352], [52.52, 13.405], [40.417, -3.704], [41.903, 12.496], [35.682, 139.692],
  [-23.55, -46.633], [19.076, 72.878], [-33.869, 151.209], [43.653, -79.383], [53.35, -6.26], [53.8, -1.549], [45.764, 4.836],
];

const pick = <T,>(items: readonly T[], index: number): T => items[index % items.length]!;
// Spreads consecutive indexes over the lists so that neighbours differ in every part.
const spread = (index: number, factor: number) => Math.floor(index / factor);

export const SCENARIOS: Scenario[] = [
  {
    name: "country only",
    hot: { country: "GB" },
    cold: (index) => ({ country: pick(COUNTRIES, index), page: String(1 + (spread(index, COUNTRIES.length) % 3)) }),
    indexes: ["service_verified_day_name_id_idx", "service_area_keys_idx"],
  },
  {
    name: "country + category",
    hot: { country: "FR", category: ["counselling"] },
    cold: (index) => ({ country: pick(COUNTRIES, index), category: [pick(CATEGORIES, spread(index, COUNTRIES.length))] }),
    indexes: ["service_category_codes_idx", "service_area_keys_idx", "service_verified_day_name_id_idx"],
  },
  {
    name: "free text with a typo",
    hot: { q: "Counsellling" },
    cold: (index) => ({ q: pick(TYPOS, index), ...(index % 3 === 0 ? { country: pick(COUNTRIES, spread(index, TYPOS.length)) } : {}) }),
    indexes: ["service_search_document_idx"],
  },
  {
    name: "near a point, 25 km",
    hot: { lat: "51.507", lng: "-0.128", radius: "25" },
    cold: (index) => {
      const [lat, lng] = pick(POINTS, index);
      const jitter = (spread(index, POINTS.length) % 40) / 100 - 0.2;
      return { lat: (lat + jitter).toFixed(3), lng: (lng - jitter).toFixed(3), radius: "25" };
    },
    indexes: ["location_earth_point_idx"],
  },
  {
    name: "open now + language",
    hot: { open: "now", lang: "es" },
    cold: (index) => ({ open: "now", lang: pick(LANGUAGES, index), page: String(1 + (spread(index, LANGUAGES.length) % 3)) }),
    // Without a place the order is place_rank, verified_day, name, id: walking that index is the plan.
    indexes: ["service_language_codes_idx", "service_place_rank_verified_day_name_id_idx"],
  },
  {
    name: "deep page (20)",
    hot: { country: "US", page: "20" },
    cold: (index) => ({ country: pick(LARGE_COUNTRIES, index), page: String(18 + (spread(index, LARGE_COUNTRIES.length) % 5)) }),
    indexes: ["service_verified_day_name_id_idx", "service_area_keys_idx"],
  },
];

export function searchPath(query: Record<string, string | string[]>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...query, ...extra })) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  return `/search?${params.toString()}`;
}
