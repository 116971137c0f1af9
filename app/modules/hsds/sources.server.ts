import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { CSV_FORMULA_PREFIX, readCsvCell } from "./csv-cells.ts";

// Reading what other directories export, into one shape: HSDS 3 service
// objects, nested as a /services/{id} response is (organization, phones,
// schedules, service_areas, service_at_locations with location and
// addresses, languages, attributes with taxonomy_term). Four layouts:
//   - HSDS 3 JSON: a /services page ({contents: […]}), an array, or one service;
//   - NDJSON: one service a line;
//   - an HSDS 3 tabular data package: a folder of CSVs with datapackage.json;
//   - the legacy HSDS 1.1 CSV layout (integer ids, regular_schedules.csv…).

export type HsdsService = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type SourceRecord = { originalId: string; service: HsdsService };
export type Source = { format: "json" | "ndjson" | "tabular" | "legacy-csv"; records: SourceRecord[]; problems: { originalId: string; reason: string }[] };

export class SourceError extends Error {}

function asRecords(items: unknown[]): Source["records"] {
  return items.map((item, index) => {
    const service = (item ?? {}) as HsdsService;
    return { originalId: String(service.id ?? `#${index + 1}`), service };
  });
}

/** JSON or NDJSON text (an uploaded file, or a file read by the command). */
export function readText(text: string, name: string): Source {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (!trimmed) throw new SourceError(`${name} is empty.`);
  const lines = trimmed.split(/\r?\n/).filter((line) => line.trim());
  const looksNdjson = name.endsWith(".ndjson") || name.endsWith(".jsonl") || (lines.length > 1 && lines.every((line) => line.trim().startsWith("{")));
  if (looksNdjson) {
    const problems: Source["problems"] = [];
    const items: unknown[] = [];
    lines.forEach((line, index) => {
      try {
        items.push(JSON.parse(line));
      } catch {
        problems.push({ originalId: `line ${index + 1}`, reason: "not valid JSON" });
      }
    });
    return { format: "ndjson", records: asRecords(items), problems };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    throw new SourceError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return { format: "json", records: asRecords(parsed), problems: [] };
  if (parsed && typeof parsed === "object") {
    const object = parsed as Record<string, unknown>;
    if (Array.isArray(object.contents)) return { format: "json", records: asRecords(object.contents), problems: [] };
    if ("name" in object || "id" in object) return { format: "json", records: asRecords([object]), problems: [] };
  }
  throw new SourceError(`${name} holds neither HSDS services nor a page of them.`);
}

/** A file (JSON, NDJSON) or a folder (tabular data package, legacy 1.1 CSVs). */
export function readPath(target: string): Source {
  if (!fs.existsSync(target)) throw new SourceError(`No such file or folder: ${target}`);
  if (!fs.statSync(target).isDirectory()) return readText(fs.readFileSync(target, "utf8"), path.basename(target));
  const files = fs.readdirSync(target);
  if (files.includes("regular_schedules.csv") || files.includes("services_at_location.csv")) return readLegacy(target);
  if (files.includes("datapackage.json")) return readTabular(target);
  if (files.includes("services.csv")) return readLegacy(target);
  throw new SourceError(`${target} has neither datapackage.json (HSDS 3 tabular) nor services.csv (HSDS 1.1).`);
}

type Row = Record<string, string>;

/** `formulaPrefixed`: the cells were escaped by our exporter (see csv-cells.ts), so the prefix comes off. */
function readCsv(file: string, formulaPrefixed = false): Row[] {
  if (!fs.existsSync(file)) return [];
  try {
    return parse(fs.readFileSync(file, "utf8"), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      ...(formulaPrefixed ? { cast: (value: string) => readCsvCell(value) } : {}),
    }) as Row[];
  } catch (error) {
    throw new SourceError(`${path.basename(file)}: ${(error as Error).message}`);
  }
}

/** Rows grouped by one of their columns. */
function byKey(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const value = row[key];
    if (!value) continue;
    groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return groups;
}

/** Empty CSV cells are "not given". */
function clean(row: Row | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(row ?? {}).filter(([, value]) => value !== ""));
}

function readTabular(folder: string): Source {
  let resources: { name: string; path: string }[] = [];
  let formulaPrefixed = false;
  try {
    const datapackage = JSON.parse(fs.readFileSync(path.join(folder, "datapackage.json"), "utf8"));
    resources = datapackage.resources ?? [];
    formulaPrefixed = datapackage.signpost?.csv_formula_prefix === CSV_FORMULA_PREFIX;
  } catch (error) {
    throw new SourceError(`datapackage.json: ${(error as Error).message}`);
  }
  const table = (name: string, fallback: string) => readCsv(path.join(folder, resources.find((resource) => resource.name === name)?.path ?? fallback), formulaPrefixed);
  const services = table("service", "services.csv");
  if (services.length === 0) throw new SourceError(`${folder} has no services.`);
  const organizations = new Map(table("organization", "organizations.csv").map((row) => [row.id!, row]));
  const phones = byKey(table("phone", "phones.csv"), "service_id");
  const schedules = byKey(table("schedule", "schedules.csv"), "service_id");
  const areas = byKey(table("service_area", "service_areas.csv"), "service_id");
  const languages = byKey(table("language", "languages.csv"), "service_id");
  const locations = new Map(table("location", "locations.csv").map((row) => [row.id!, row]));
  const addresses = byKey(table("address", "addresses.csv"), "location_id");
  const atLocations = byKey(table("service_at_location", "service_at_location.csv"), "service_id");
  const terms = new Map(table("taxonomy_term", "taxonomy_terms.csv").map((row) => [row.id!, row]));
  const attributes = byKey(table("attribute", "attributes.csv"), "link_id");
  const number = (value: string | undefined) => (value === undefined || value === "" || Number.isNaN(Number(value)) ? undefined : Number(value));

  const records = services.map((row) => {
    const id = row.id!;
    const service: HsdsService = {
      ...clean(row),
      minimum_age: number(row.minimum_age),
      maximum_age: number(row.maximum_age),
      organization: clean(organizations.get(row.organization_id ?? "")),
      phones: (phones.get(id) ?? []).map(clean),
      schedules: (schedules.get(id) ?? []).map(clean),
      service_areas: (areas.get(id) ?? []).map(clean),
      languages: (languages.get(id) ?? []).map(clean),
      service_at_locations: (atLocations.get(id) ?? []).map((link) => {
        const location = locations.get(link.location_id ?? "");
        return {
          ...clean(link),
          location: location
            ? { ...clean(location), latitude: number(location.latitude), longitude: number(location.longitude), addresses: (addresses.get(location.id!) ?? []).map(clean) }
            : undefined,
        };
      }),
      attributes: (attributes.get(id) ?? []).map((attribute) => ({ ...clean(attribute), taxonomy_term: clean(terms.get(attribute.taxonomy_term_id ?? "")) })),
    };
    return { originalId: id, service };
  });
  return { format: "tabular", records, problems: [] };
}

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/** HSDS 1.1 weekday: a number (1 = Monday … 7 = Sunday, 0 = Sunday too) or a day name. */
function legacyWeekday(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const asNumber = Number(value);
  if (Number.isInteger(asNumber)) return asNumber === 0 ? "SU" : WEEKDAYS[asNumber - 1];
  return WEEKDAYS.find((code) => ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][WEEKDAYS.indexOf(code)]!.startsWith(value.trim().toLowerCase().slice(0, 3)));
}

function readLegacy(folder: string): Source {
  const csv = (...names: string[]) => names.flatMap((name) => readCsv(path.join(folder, name)));
  const services = csv("services.csv");
  if (services.length === 0) throw new SourceError(`${folder} has no services.csv rows.`);
  const organizations = new Map(csv("organizations.csv").map((row) => [row.id!, row]));
  const locations = new Map(csv("locations.csv").map((row) => [row.id!, row]));
  const addresses = byKey(csv("physical_addresses.csv"), "location_id");
  const atLocations = byKey(csv("services_at_location.csv", "service_at_location.csv"), "service_id");
  const phones = byKey(csv("phones.csv"), "service_id");
  const schedules = byKey(csv("regular_schedules.csv"), "service_id");
  const languages = byKey(csv("languages.csv"), "service_id");
  const areas = byKey(csv("service_area.csv", "service_areas.csv"), "service_id");
  const eligibility = byKey(csv("eligibility.csv"), "service_id");
  const taxonomy = new Map(csv("taxonomy.csv").map((row) => [row.id!, row]));
  const serviceTaxonomy = byKey(csv("service_taxonomy.csv"), "service_id");
  const problems: Source["problems"] = [];

  const records = services.map((row) => {
    const id = row.id!;
    const organization = organizations.get(row.organization_id ?? "");
    const service: HsdsService = {
      ...clean(row),
      organization: organization ? clean(organization) : undefined,
      fees_description: row.fees || undefined,
      eligibility_description: (eligibility.get(id) ?? []).map((entry) => entry.eligibility).filter(Boolean).join(" ") || undefined,
      phones: (phones.get(id) ?? []).map((phone) => ({ number: phone.number, type: phone.type || "voice", description: phone.description || undefined })),
      schedules: (schedules.get(id) ?? []).flatMap((schedule) => {
        const byday = legacyWeekday(schedule.weekday);
        if (!byday) {
          problems.push({ originalId: id, reason: `regular_schedules.csv: "${schedule.weekday}" is not a weekday (ignored)` });
          return [];
        }
        return [{ freq: "WEEKLY", byday, opens_at: schedule.opens_at, closes_at: schedule.closes_at }];
      }),
      languages: (languages.get(id) ?? []).map((language) => ({ name: language.language })),
      service_areas: (areas.get(id) ?? []).map((area) => ({ name: area.service_area, description: area.description || undefined })),
      service_at_locations: (atLocations.get(id) ?? []).flatMap((link) => {
        const location = locations.get(link.location_id ?? "");
        if (!location) return [];
        const number = (value: string | undefined) => (value ? Number(value) : undefined);
        return [
          {
            location: {
              id: location.id,
              name: location.name || undefined,
              latitude: number(location.latitude),
              longitude: number(location.longitude),
              addresses: (addresses.get(location.id!) ?? []).map((address) => clean(address)),
            },
          },
        ];
      }),
      attributes: (serviceTaxonomy.get(id) ?? []).map((link) => ({ taxonomy_term: { name: taxonomy.get(link.taxonomy_id ?? "")?.name ?? link.taxonomy_detail ?? "" } })),
    };
    return { originalId: id, service };
  });
  return { format: "legacy-csv", records, problems };
}
