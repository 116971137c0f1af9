import fs from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { prisma } from "#app/db.server.ts";
import { canonicalListing } from "#app/modules/directory/listing.server.ts";
import { currentListings } from "#app/modules/moderation/snapshot.server.ts";
import datapackage from "./spec/datapackage.json" with { type: "json" };
import { CSV_FORMULA_PREFIX, csvCell } from "./csv-cells.ts";
import { loadServices, loadTaxonomies, loadTaxonomyTerms, toFullService } from "./mapping.server.ts";

// Our published directory as HSDS 3: services.json (fully nested services),
// services.ndjson, and a tabular data package (tabular/: one CSV per HSDS
// table and datapackage.json). Each service also carries `signpost_listing`,
// the whole listing as Signpost keeps it (an extra field HSDS allows), so
// that importing our own export loses nothing: opening hours per channel,
// translations, time zone and the rest that HSDS has no field for.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TABLES = ["service", "organization", "phone", "schedule", "service_area", "language", "location", "address", "service_at_location", "attribute", "taxonomy", "taxonomy_term"] as const;

export type ExportSummary = { services: number; files: string[] };

export async function exportDirectory(folder: string): Promise<ExportSummary> {
  const ids = (await prisma.service.findMany({ where: { status: "PUBLISHED" }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
  const services: Json[] = [];
  for (let start = 0; start < ids.length; start += 200) {
    const batch = ids.slice(start, start + 200);
    const [rows, listings] = await Promise.all([loadServices(batch), currentListings(batch)]);
    for (const row of rows) {
      const listing = listings.get(row.id);
      services.push({ ...toFullService(row), signpost_listing: listing ? canonicalListing({ ...listing, status: "PUBLISHED", lastVerifiedAt: undefined }) : undefined });
    }
  }

  fs.mkdirSync(path.join(folder, "tabular"), { recursive: true });
  const files: string[] = [];
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(folder, name), content);
    files.push(name);
  };
  write("services.json", `${JSON.stringify(services, null, 2)}\n`);
  write("services.ndjson", services.map((service) => JSON.stringify(service)).join("\n") + (services.length ? "\n" : ""));

  // Tables: every nested object in its own CSV, linked by ids, as HSDS's tabular form.
  const rows: Record<(typeof TABLES)[number], Json[]> = Object.fromEntries(TABLES.map((table) => [table, []])) as never;
  const organizations = new Map<string, Json>();
  for (const service of services) {
    const { organization, phones = [], schedules = [], service_areas = [], languages = [], service_at_locations = [], attributes = [], signpost_listing, ...own } = service;
    rows.service.push({ ...own, signpost_listing: JSON.stringify(signpost_listing) });
    organizations.set(organization.id, organization);
    rows.phone.push(...phones);
    rows.schedule.push(...schedules);
    rows.service_area.push(...service_areas);
    rows.language.push(...languages);
    rows.attribute.push(...attributes);
    for (const link of service_at_locations) {
      const { location, ...linkOwn } = link;
      rows.service_at_location.push(linkOwn);
      const { addresses = [], ...locationOwn } = location;
      rows.location.push(locationOwn);
      rows.address.push(...addresses);
    }
  }
  rows.organization.push(...organizations.values());
  rows.taxonomy.push(...(await loadTaxonomies()));
  rows.taxonomy_term.push(...(await loadTaxonomyTerms()));

  const resources = datapackage.resources.filter((resource) => (TABLES as readonly string[]).includes(resource.name));
  for (const resource of resources) {
    const columns = resource.schema.fields.map((field) => field.name);
    if (resource.name === "service") columns.push("signpost_listing");
    const table = rows[resource.name as (typeof TABLES)[number]];
    write(
      path.join("tabular", resource.path),
      stringify(
        table.map((row) => columns.map((column) => (row[column] === undefined || row[column] === null ? "" : csvCell(typeof row[column] === "object" ? JSON.stringify(row[column]) : String(row[column]))))),
        // An escaped cell is quoted too, as OWASP recommends.
        { header: true, columns, quoted_match: /^'/ },
      ),
    );
  }
  write(
    path.join("tabular", "datapackage.json"),
    `${JSON.stringify({ ...datapackage, name: "signpost", title: "Signpost: vetted support services (HSDS 3.0)", signpost: { csv_formula_prefix: CSV_FORMULA_PREFIX }, resources }, null, 2)}\n`,
  );
  return { services: services.length, files };
}
