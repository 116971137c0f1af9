import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { isSubdivisionOf } from "#app/modules/regions/regions.server.ts";
import { AUDIENCE_CODES, CATEGORY_CODES, ACCESS_CODES } from "#app/modules/directory/taxonomy.ts";
import { withConnection } from "#app/database/connection.server.ts";

// A realistic, made-up directory for measuring search at scale: cities
// weighted by population, every kind of help, several languages, opening
// hours in local time zones, places with coordinates. Rows go in with COPY,
// in batches, with the per-row search triggers switched off and their columns
// written directly (a test checks they equal what the triggers compute).
// Deterministic: the same seed gives the same directory.

type City = { country: string; subdivision: string; name: string; lat: number; lng: number; weight: number; timezone: string; postal: string };

// [country, subdivision, city, latitude, longitude, population in millions, time zone, postal-code prefix]
const CITIES: City[] = (
  [
    ["US", "US-NY", "New York", 40.713, -74.006, 20, "America/New_York", "100"],
    ["US", "US-CA", "Los Angeles", 34.052, -118.244, 13, "America/Los_Angeles", "900"],
    ["US", "US-IL", "Chicago", 41.878, -87.63, 9, "America/Chicago", "606"],
    ["US", "US-TX", "Houston", 29.76, -95.37, 7, "America/Chicago", "770"],
    ["US", "US-AZ", "Phoenix", 33.448, -112.074, 5, "America/Phoenix", "850"],
    ["US", "US-PA", "Philadelphia", 39.952, -75.165, 6, "America/New_York", "191"],
    ["US", "US-GA", "Atlanta", 33.749, -84.388, 6, "America/New_York", "303"],
    ["US", "US-WA", "Seattle", 47.606, -122.332, 4, "America/Los_Angeles", "981"],
    ["US", "US-FL", "Miami", 25.762, -80.192, 6, "America/New_York", "331"],
    ["US", "US-CO", "Denver", 39.739, -104.99, 3, "America/Denver", "802"],
    ["GB", "GB-LND", "London", 51.507, -0.128, 9, "Europe/London", "EC"],
    ["GB", "GB-MAN", "Manchester", 53.48, -2.242, 3, "Europe/London", "M"],
    ["GB", "GB-BIR", "Birmingham", 52.486, -1.89, 3, "Europe/London", "B"],
    ["GB", "GB-LDS", "Leeds", 53.8, -1.549, 2, "Europe/London", "LS"],
    ["GB", "GB-GLG", "Glasgow", 55.864, -4.252, 1.7, "Europe/London", "G"],
    ["GB", "GB-CRF", "Cardiff", 51.481, -3.179, 0.5, "Europe/London", "CF"],
    ["GB", "GB-BFS", "Belfast", 54.597, -5.93, 0.6, "Europe/London", "BT"],
    ["FR", "FR-75C", "Paris", 48.857, 2.352, 11, "Europe/Paris", "75"],
    ["FR", "FR-69", "Lyon", 45.764, 4.836, 2.3, "Europe/Paris", "69"],
    ["FR", "FR-13", "Marseille", 43.297, 5.37, 1.8, "Europe/Paris", "13"],
    ["FR", "FR-31", "Toulouse", 43.605, 1.444, 1.4, "Europe/Paris", "31"],
    ["FR", "FR-59", "Lille", 50.629, 3.057, 1.2, "Europe/Paris", "59"],
    ["DE", "DE-BE", "Berlin", 52.52, 13.405, 3.7, "Europe/Berlin", "10"],
    ["DE", "DE-HH", "Hamburg", 53.551, 9.994, 1.9, "Europe/Berlin", "20"],
    ["DE", "DE-BY", "München", 48.135, 11.582, 1.5, "Europe/Berlin", "80"],
    ["DE", "DE-NW", "Köln", 50.938, 6.96, 1.1, "Europe/Berlin", "50"],
    ["ES", "ES-M", "Madrid", 40.417, -3.704, 6.7, "Europe/Madrid", "28"],
    ["ES", "ES-B", "Barcelona", 41.385, 2.173, 5.6, "Europe/Madrid", "08"],
    ["ES", "ES-V", "Valencia", 39.47, -0.376, 1.6, "Europe/Madrid", "46"],
    ["ES", "ES-SE", "Sevilla", 37.389, -5.984, 1.5, "Europe/Madrid", "41"],
    ["IT", "IT-RM", "Roma", 41.903, 12.496, 4.3, "Europe/Rome", "00"],
    ["IT", "IT-MI", "Milano", 45.464, 9.19, 3.2, "Europe/Rome", "20"],
    ["IT", "IT-NA", "Napoli", 40.852, 14.268, 3.1, "Europe/Rome", "80"],
    ["NL", "NL-NH", "Amsterdam", 52.368, 4.904, 2.5, "Europe/Amsterdam", "10"],
    ["NL", "NL-ZH", "Rotterdam", 51.924, 4.478, 1.8, "Europe/Amsterdam", "30"],
    ["BE", "BE-BRU", "Bruxelles", 50.85, 4.352, 2.1, "Europe/Brussels", "10"],
    ["BE", "BE-VAN", "Antwerpen", 51.219, 4.402, 1.2, "Europe/Brussels", "20"],
    ["IE", "IE-D", "Dublin", 53.35, -6.26, 1.4, "Europe/Dublin", "D"],
    ["IE", "IE-CO", "Cork", 51.899, -8.476, 0.3, "Europe/Dublin", "T"],
    ["CA", "CA-ON", "Toronto", 43.653, -79.383, 6.2, "America/Toronto", "M5"],
    ["CA", "CA-QC", "Montréal", 45.502, -73.567, 4.3, "America/Toronto", "H2"],
    ["CA", "CA-BC", "Vancouver", 49.283, -123.121, 2.6, "America/Vancouver", "V6"],
    ["AU", "AU-NSW", "Sydney", -33.869, 151.209, 5.3, "Australia/Sydney", "20"],
    ["AU", "AU-VIC", "Melbourne", -37.814, 144.963, 5.1, "Australia/Melbourne", "30"],
    ["AU", "AU-QLD", "Brisbane", -27.47, 153.026, 2.6, "Australia/Brisbane", "40"],
    ["NZ", "NZ-AUK", "Auckland", -36.848, 174.763, 1.7, "Pacific/Auckland", "10"],
    ["BR", "BR-SP", "São Paulo", -23.55, -46.633, 22, "America/Sao_Paulo", "01"],
    ["BR", "BR-RJ", "Rio de Janeiro", -22.907, -43.173, 13, "America/Sao_Paulo", "20"],
    ["BR", "BR-DF", "Brasília", -15.794, -47.882, 4.8, "America/Sao_Paulo", "70"],
    ["IN", "IN-MH", "Mumbai", 19.076, 72.878, 21, "Asia/Kolkata", "400"],
    ["IN", "IN-DL", "Delhi", 28.614, 77.209, 32, "Asia/Kolkata", "110"],
    ["IN", "IN-KA", "Bengaluru", 12.972, 77.595, 13, "Asia/Kolkata", "560"],
    ["IN", "IN-WB", "Kolkata", 22.573, 88.364, 15, "Asia/Kolkata", "700"],
    ["ZA", "ZA-GP", "Johannesburg", -26.204, 28.047, 10, "Africa/Johannesburg", "20"],
    ["ZA", "ZA-WC", "Cape Town", -33.925, 18.424, 4.7, "Africa/Johannesburg", "80"],
    ["KE", "KE-30", "Nairobi", -1.286, 36.817, 5, "Africa/Nairobi", "00"],
    ["MX", "MX-CMX", "Ciudad de México", 19.433, -99.133, 22, "America/Mexico_City", "06"],
    ["MX", "MX-JAL", "Guadalajara", 20.659, -103.349, 5, "America/Mexico_City", "44"],
    ["JP", "JP-13", "Tokyo", 35.682, 139.692, 37, "Asia/Tokyo", "100"],
    ["JP", "JP-27", "Osaka", 34.694, 135.502, 19, "Asia/Tokyo", "530"],
    ["PH", "PH-00", "Manila", 14.599, 120.984, 14, "Asia/Manila", "10"],
    ["NG", "NG-LA", "Lagos", 6.524, 3.379, 15, "Africa/Lagos", "10"],
  ] as const
).map(([country, subdivision, name, lat, lng, weight, timezone, postal]) => ({ country, subdivision, name, lat, lng, weight, timezone, postal }));

const LANGUAGES: Record<string, string[]> = {
  US: ["en", "es"], GB: ["en", "cy"], FR: ["fr"], DE: ["de", "tr"], ES: ["es", "ca"], IT: ["it"], NL: ["nl"], BE: ["fr", "nl"],
  IE: ["en", "ga"], CA: ["en", "fr"], AU: ["en"], NZ: ["en", "mi"], BR: ["pt"], IN: ["hi", "en"], ZA: ["en", "zu", "af"],
  KE: ["en", "sw"], MX: ["es"], JP: ["ja"], PH: ["en", "tl"], NG: ["en", "yo"],
};

// Names and descriptions by language: a kind of help, a place, a kind of organization.
const TEXTS: Record<string, { help: Record<string, string>; forms: string[]; short: string; long: string }> = {
  en: {
    help: { "report-abuse-material": "Online abuse reporting", "image-removal": "Image removal", "child-helpline": "Childline", counselling: "Counselling", "legal-help": "Legal advice", "medical-care": "Sexual assault clinic", police: "Child protection police unit", shelter: "Safe house", "peer-support": "Survivors peer support", prevention: "Stop it early", information: "Parents information" },
    forms: ["{help} {city}", "{city} {help} Centre", "{help} for {city} families", "{city} Children's Trust {help}"],
    short: "{help} for children, young people and families in {city}. Free and confidential.",
    long: "We offer {help} to anyone affected by child sexual abuse or exploitation in and around {city}, including images shared online. You do not have to give your name.",
  },
  es: {
    help: { "report-abuse-material": "Denuncia de abuso en línea", "image-removal": "Retirada de imágenes", "child-helpline": "Teléfono de la infancia", counselling: "Atención psicológica", "legal-help": "Asesoría jurídica", "medical-care": "Unidad de atención a agresiones sexuales", police: "Unidad de protección del menor", shelter: "Casa de acogida", "peer-support": "Grupo de apoyo entre supervivientes", prevention: "Prevención", information: "Información para familias" },
    forms: ["{help} {city}", "Centro de {help} de {city}", "{help} para familias de {city}"],
    short: "{help} para niños, niñas, adolescentes y familias en {city}. Gratuito y confidencial.",
    long: "Ofrecemos {help} a cualquier persona afectada por abuso o explotación sexual infantil en {city} y alrededores, también por imágenes compartidas en internet.",
  },
  fr: {
    help: { "report-abuse-material": "Signalement d'abus en ligne", "image-removal": "Retrait d'images", "child-helpline": "Écoute enfance", counselling: "Soutien psychologique", "legal-help": "Aide juridique", "medical-care": "Unité médico-judiciaire", police: "Brigade de protection des mineurs", shelter: "Hébergement protégé", "peer-support": "Groupe de parole", prevention: "Prévention", information: "Information des familles" },
    forms: ["{help} {city}", "Centre {help} de {city}", "{help} pour les familles de {city}"],
    short: "{help} pour les enfants, les jeunes et les familles à {city}. Gratuit et confidentiel.",
    long: "Nous proposons {help} à toute personne concernée par des violences sexuelles sur mineurs à {city} et alentours, y compris des images diffusées en ligne.",
  },
  de: {
    help: { "report-abuse-material": "Meldestelle Missbrauch online", "image-removal": "Bildentfernung", "child-helpline": "Kindertelefon", counselling: "Beratungsstelle", "legal-help": "Rechtsberatung", "medical-care": "Gewaltschutzambulanz", police: "Kinderschutz Polizei", shelter: "Schutzhaus", "peer-support": "Selbsthilfegruppe", prevention: "Prävention", information: "Elterninformation" },
    forms: ["{help} {city}", "{city}er {help}", "{help} für Familien in {city}"],
    short: "{help} für Kinder, Jugendliche und Familien in {city}. Kostenlos und vertraulich.",
    long: "Wir bieten {help} für alle, die von sexualisierter Gewalt gegen Kinder betroffen sind, in {city} und Umgebung, auch bei Bildern im Internet.",
  },
  pt: {
    help: { "report-abuse-material": "Denúncia de abuso online", "image-removal": "Remoção de imagens", "child-helpline": "Disque infância", counselling: "Atendimento psicológico", "legal-help": "Assistência jurídica", "medical-care": "Atendimento a violência sexual", police: "Delegacia de proteção à criança", shelter: "Casa abrigo", "peer-support": "Grupo de apoio", prevention: "Prevenção", information: "Informação para famílias" },
    forms: ["{help} {city}", "Centro de {help} de {city}"],
    short: "{help} para crianças, adolescentes e famílias em {city}. Gratuito e sigiloso.",
    long: "Oferecemos {help} a qualquer pessoa afetada por abuso ou exploração sexual infantil em {city} e arredores, inclusive imagens compartilhadas na internet.",
  },
  it: {
    help: { "report-abuse-material": "Segnalazione abusi online", "image-removal": "Rimozione immagini", "child-helpline": "Telefono per bambini", counselling: "Supporto psicologico", "legal-help": "Consulenza legale", "medical-care": "Centro antiviolenza sanitario", police: "Polizia per la tutela dei minori", shelter: "Casa rifugio", "peer-support": "Gruppo di auto-aiuto", prevention: "Prevenzione", information: "Informazioni per famiglie" },
    forms: ["{help} {city}", "Centro {help} di {city}"],
    short: "{help} per bambini, ragazzi e famiglie a {city}. Gratuito e riservato.",
    long: "Offriamo {help} a chiunque sia colpito da abuso o sfruttamento sessuale di minori a {city} e dintorni, anche per immagini diffuse online.",
  },
  nl: {
    help: { "report-abuse-material": "Meldpunt misbruik online", "image-removal": "Beeldverwijdering", "child-helpline": "Kindertelefoon", counselling: "Hulpverlening", "legal-help": "Juridisch advies", "medical-care": "Centrum seksueel geweld", police: "Zedenpolitie", shelter: "Opvanghuis", "peer-support": "Lotgenotencontact", prevention: "Preventie", information: "Informatie voor ouders" },
    forms: ["{help} {city}", "{help} regio {city}"],
    short: "{help} voor kinderen, jongeren en gezinnen in {city}. Gratis en vertrouwelijk.",
    long: "Wij bieden {help} aan iedereen die te maken heeft met seksueel misbruik of uitbuiting van kinderen in {city} en omgeving, ook bij beelden online.",
  },
};

/** A small, fast, seeded random number generator (mulberry32). */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (probability: number) => next() < probability,
    /** Roughly normal, mean 0, deviation 1. */
    normal: () => next() + next() + next() - 1.5,
  };
}

type Random = ReturnType<typeof randomFrom>;

function weightedCities(): (random: Random) => City {
  const valid = CITIES.filter((city) => isSubdivisionOf(city.subdivision, city.country));
  const total = valid.reduce((sum, city) => sum + city.weight, 0);
  const cumulative = valid.map(((sum) => (city: City) => (sum += city.weight / total))(0));
  return (random) => {
    const roll = random.next();
    const index = cumulative.findIndex((bound) => roll < bound);
    return valid[index === -1 ? valid.length - 1 : index]!;
  };
}

// Rows, as COPY text lines, per table.
type Rows = Record<string, string[]>;

const COLUMNS: Record<string, string[]> = {
  organization: ["id", "slug", "name", "created_at", "updated_at"],
  service: [
    "id", "slug", "organization_id", "name", "short_description", "description", "cost", "status", "source_url", "content_language",
    "anonymous_contact", "tells_police", "tells_parents", "child_can_use_without_parent", "always_open", "timezone",
    "last_verified_at", "next_verification_due_at", "created_at", "updated_at", "access_features",
    "area_keys", "category_codes", "audience_codes", "language_codes", "contact_kinds", "open_hours", "place_rank",
  ],
  service_area: ["id", "service_id", "kind", "country", "subdivision", "locality"],
  location: ["id", "organization_id", "address", "locality", "postal_code", "subdivision", "country", "latitude", "longitude", "timezone"],
  service_at_location: ["id", "service_id", "location_id"],
  contact_channel: ["id", "service_id", "kind", "value", "always_open", "position"],
  schedule: ["id", "service_id", "contact_channel_id", "weekday", "opens_at", "closes_at"],
  service_language: ["service_id", "code"],
  service_taxonomy_term: ["service_id", "term_id"],
};

// Tables in the order foreign keys need them.
const TABLES = Object.keys(COLUMNS);

/** The per-row triggers that maintain the search columns: off during the load, whose rows carry those columns. */
const REFRESH_TRIGGERS: [string, string][] = [
  ["service", "service_own_refresh_search"],
  ["service", "service_collect_words"],
  ["service_area", "service_area_refresh_search"],
  ["service_taxonomy_term", "service_taxonomy_term_refresh_search"],
  ["service_language", "service_language_refresh_search"],
  ["contact_channel", "contact_channel_refresh_search"],
  ["schedule", "schedule_refresh_search"],
];

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (Array.isArray(value)) return `{${value.map((item) => `"${String(item).replace(/["\\]/g, "\\$&")}"`).join(",")}}`.replace(/[\\\t\n\r]/g, (char) => (char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r"));
  return String(value).replace(/[\\\t\n\r]/g, (char) => (char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r"));
}

function line(values: unknown[]): string {
  return `${values.map(copyValue).join("\t")}\n`;
}

type Period = { weekday: number; opens: number; closes: number; channel: string | null };

/** The same minutes-of-the-week ranges service_refresh_search_fields builds, as multirange text. */
function openHoursText(alwaysOpen: boolean, periods: Period[]): string {
  if (alwaysOpen) return "{[0,10080)}";
  const ranges: [number, number][] = [];
  for (const { weekday, opens, closes } of periods) {
    const start = (weekday - 1) * 1440;
    if (closes > opens) ranges.push([start + opens, start + closes]);
    else {
      ranges.push([start + opens, weekday * 1440]);
      if (closes > 0) ranges.push([(weekday % 7) * 1440, (weekday % 7) * 1440 + closes]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return `{${merged.map(([from, to]) => `[${from},${to})`).join(",")}}`;
}

const CONTACT_KINDS = [
  ["PHONE", "call"],
  ["SMS", "text"],
  ["CHAT", "chat"],
  ["EMAIL", "email"],
  ["WALK_IN", "walk-in"],
  ["WEB_FORM", "online"],
] as const;

export type SyntheticOptions = { services: number; seed?: number; batchSize?: number; log?: (message: string) => void };

/**
 * Adds `services` published services (and their organizations, areas, places,
 * contacts, hours, languages and terms) to the database at `url`, which must
 * be migrated. Returns the number of rows written per table.
 */
export async function generateSyntheticDirectory(url: string, options: SyntheticOptions): Promise<Record<string, number>> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 20_000;
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table, 0]));
  await withConnection(url, async (client) => {
    const terms = await client.query<{ id: string; code: string; taxonomy: string }>(
      "SELECT t.id, t.code, x.code AS taxonomy FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id",
    );
    const termId = new Map(terms.rows.map((row) => [`${row.taxonomy}:${row.code}`, row.id]));
    const cityOf = weightedCities();
    const random = randomFrom(options.seed ?? 20261128);
    const now = Date.now();

    for (const [table, trigger] of REFRESH_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    try {
      for (let first = 0; first < options.services; first += batchSize) {
        const size = Math.min(batchSize, options.services - first);
        const rows: Rows = Object.fromEntries(TABLES.map((table) => [table, []]));
        let organizationId = "";
        for (let index = first; index < first + size; index += 1) {
          // Four services to an organization, on average.
          if (index % 4 === 0 || !organizationId) {
            organizationId = randomUUID();
            rows.organization!.push(line([organizationId, `synthetic-organization-${index}`, `Organization ${index}`, new Date(now).toISOString(), new Date(now).toISOString()]));
          }
          addService(rows, index, organizationId, random, cityOf, termId, now);
        }
        await client.query("BEGIN");
        for (const table of TABLES) {
          const lines = rows[table]!;
          if (lines.length === 0) continue;
          const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS[table]!.join(", ")}) FROM STDIN`));
          await pipeline(Readable.from(lines), stream);
          counts[table] = counts[table]! + lines.length;
        }
        await client.query("COMMIT");
        log(`${first + size} / ${options.services} services`);
      }
    } finally {
      for (const [table, trigger] of REFRESH_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    }
    // What service_collect_words would have gathered, row by row.
    await client.query(`INSERT INTO search_word (word)
      SELECT DISTINCT word FROM service, unnest(tsvector_to_array(search_document)) AS word
      WHERE status = 'PUBLISHED' AND length(word) BETWEEN 3 AND 40
      ON CONFLICT DO NOTHING`);
    await client.query("ANALYZE");
  });
  return counts;
}

function addService(
  rows: Rows,
  index: number,
  organizationId: string,
  random: Random,
  cityOf: (random: Random) => City,
  termId: Map<string, string>,
  now: number,
): void {
  const id = randomUUID();
  const city = cityOf(random);
  const languages = LANGUAGES[city.country] ?? ["en"];
  const language = languages[0]!;
  const texts = TEXTS[language] ?? TEXTS.en!;
  const categories = [random.pick(CATEGORY_CODES), ...(random.chance(0.4) ? [random.pick(CATEGORY_CODES)] : [])].filter(
    (code, position, list) => list.indexOf(code) === position,
  );
  const audiences = [random.pick(AUDIENCE_CODES), ...(random.chance(0.5) ? [random.pick(AUDIENCE_CODES)] : [])].filter(
    (code, position, list) => list.indexOf(code) === position,
  );
  const help = texts.help[categories[0]!] ?? categories[0]!;
  const fill = (template: string) => template.replaceAll("{help}", help).replaceAll("{city}", city.name);
  const name = `${fill(random.pick(texts.forms))} ${index}`;

  // Where it works: mostly a town or region, some whole countries, a few worldwide.
  const roll = random.next();
  const kind = roll < 0.01 ? "INTERNATIONAL" : roll < 0.2 ? "COUNTRY" : roll < 0.55 ? "SUBDIVISION" : "LOCALITY";
  const area = {
    country: kind === "INTERNATIONAL" ? null : city.country,
    subdivision: kind === "SUBDIVISION" || kind === "LOCALITY" ? city.subdivision : null,
    locality: kind === "LOCALITY" ? city.name : null,
  };
  rows.service_area!.push(line([randomUUID(), id, kind, area.country, area.subdivision, area.locality]));
  const areaKeys = new Set<string>([`K:${kind}`]);
  if (kind === "INTERNATIONAL") areaKeys.add("INT");
  if (kind === "COUNTRY") areaKeys.add(`C:${city.country}`);
  if (kind === "SUBDIVISION") (areaKeys.add(`SC:${city.country}`), areaKeys.add(`SS:${city.subdivision}`));
  if (kind === "LOCALITY") (areaKeys.add(`LC:${city.country}`), areaKeys.add(`LS:${city.subdivision}`));

  // Local services have a place to visit, scattered around the city.
  const contactKinds = new Set<string>();
  let position = 0;
  const periods: Period[] = [];
  if (kind === "LOCALITY" || (kind === "SUBDIVISION" && random.chance(0.5))) {
    const locationId = randomUUID();
    const latitude = city.lat + random.normal() * 0.15;
    const longitude = city.lng + (random.normal() * 0.15) / Math.cos((city.lat * Math.PI) / 180);
    const postalCode = `${city.postal}${1 + random.int(30)} ${random.int(10)}${random.pick(["A", "B", "D", "E"])}${random.pick(["F", "G", "H", "J"])}`;
    rows.location!.push(line([locationId, organizationId, `${1 + random.int(200)} Main Street`, city.name, postalCode, city.subdivision, city.country, latitude.toFixed(5), longitude.toFixed(5), city.timezone]));
    rows.service_at_location!.push(line([randomUUID(), id, locationId]));
    if (random.chance(0.6)) {
      rows.contact_channel!.push(line([randomUUID(), id, "WALK_IN", `${1 + random.int(200)} Main Street, ${city.name}`, false, position++]));
      contactKinds.add("walk-in");
    }
  }
  for (const [contactKind, code] of CONTACT_KINDS) {
    if (contactKind === "WALK_IN" || !random.chance(contactKind === "PHONE" ? 0.8 : 0.25)) continue;
    const channelId = randomUUID();
    const value =
      contactKind === "PHONE" || contactKind === "SMS"
        ? `+1 555 ${String(random.int(10_000_000)).padStart(7, "0")}`
        : contactKind === "EMAIL"
          ? `help${index}@example.org`
          : `https://example.org/${code}/${index}`;
    rows.contact_channel!.push(line([channelId, id, contactKind, value, false, position++]));
    contactKinds.add(code);
    // Some chats keep their own evening hours.
    if (contactKind === "CHAT" && random.chance(0.4)) {
      for (let weekday = 1; weekday <= 7; weekday += 1) {
        periods.push({ weekday, opens: 18 * 60, closes: 23 * 60, channel: channelId });
      }
    }
  }

  // Hours: a third around the clock, most office hours, some evenings past midnight, some unknown.
  const hoursRoll = random.next();
  const alwaysOpen = hoursRoll < 0.3;
  if (!alwaysOpen && hoursRoll < 0.8) {
    const opens = (8 + random.int(3)) * 60;
    const closes = (16 + random.int(4)) * 60;
    for (let weekday = 1; weekday <= 5; weekday += 1) periods.push({ weekday, opens, closes, channel: null });
  } else if (!alwaysOpen && hoursRoll < 0.9) {
    for (const weekday of [5, 6, 7]) periods.push({ weekday, opens: 20 * 60, closes: 2 * 60, channel: null });
  }
  for (const period of periods) {
    rows.schedule!.push(line([randomUUID(), id, period.channel, period.weekday, period.opens, period.closes]));
  }

  const spoken = [language, ...(languages.length > 1 && random.chance(0.4) ? [random.pick(languages.slice(1))] : []), ...(random.chance(0.1) ? ["en"] : [])].filter(
    (code, position, list) => list.indexOf(code) === position,
  );
  for (const code of spoken) rows.service_language!.push(line([id, code]));
  for (const code of categories) rows.service_taxonomy_term!.push(line([id, termId.get(`category:${code}`)]));
  for (const code of audiences) rows.service_taxonomy_term!.push(line([id, termId.get(`audience:${code}`)]));

  const verifiedDaysAgo = random.chance(0.8) ? random.int(400) : null;
  const lastVerified = verifiedDaysAgo === null ? null : new Date(now - verifiedDaysAgo * 86_400_000 - random.int(86_400_000));
  const accessFeatures = ACCESS_CODES.filter(() => random.chance(0.15));
  const yesNo = () => random.pick(["YES", "YES", "NO", "UNKNOWN"]);
  rows.service!.push(
    line([
      id, `synthetic-${index}`, organizationId, name, fill(texts.short), fill(texts.long),
      random.pick(["FREE", "FREE", "FREE", "LOW_COST", "PAID"]), "PUBLISHED", `https://example.org/source/${index}`, language,
      yesNo(), random.pick(["NEVER", "ONLY_IF_SOMEONE_IS_AT_RISK", "ALWAYS", "UNKNOWN"]), random.pick(["NEVER", "ONLY_IF_SOMEONE_IS_AT_RISK", "UNKNOWN"]), yesNo(),
      alwaysOpen, city.timezone,
      lastVerified?.toISOString() ?? null, lastVerified ? new Date(lastVerified.getTime() + 182 * 86_400_000).toISOString() : null,
      new Date(now).toISOString(), new Date(now).toISOString(), accessFeatures,
      [...areaKeys], categories, audiences, spoken, [...contactKinds], openHoursText(alwaysOpen, periods),
      { LOCALITY: 0, SUBDIVISION: 1, COUNTRY: 2, INTERNATIONAL: 3 }[kind],
    ]),
  );
}
