import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { canonicalListing } from "#app/modules/directory/listing.server.ts";
import { clearDirectory, createListing, createStaffUser } from "#tests/factories.ts";
import { schemaProblems } from "#tests/hsds-schemas.ts";
import type { Actor } from "#app/modules/moderation/revisions.server.ts";
import { csvCell, readCsvCell } from "./csv-cells.ts";
import { exportDirectory } from "./export.server.ts";
import { importSource, previewImport } from "./import.server.ts";
import { SourceError, readPath, readText } from "./sources.server.ts";

// Imports land as drafts waiting for review, from every layout we read; our
// own export comes back with every field we keep.

const FIXTURES = path.resolve(import.meta.dirname, "../../../tests/fixtures/hsds");
let author: Actor;

beforeEach(async () => {
  await clearDirectory();
  await prisma.importRecord.deleteMany();
  const user = await createStaffUser({ roles: ["moderator"] });
  author = { id: user.id, email: user.email };
});

async function drafts() {
  return prisma.service.findMany({
    orderBy: { name: "asc" },
    include: { revisions: { orderBy: { number: "asc" } }, contactChannels: true, schedules: true, languages: true, serviceAtLocations: { include: { location: true } } },
  });
}

describe("importing", () => {
  test("the HSDS 3 spec's example service becomes one draft with a revision waiting for review, and is not public", async () => {
    const source = readPath(path.join(FIXTURES, "spec/service_full.json"));
    const report = await importSource(source, { source: "spec-example", author });
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: [] });
    const [service] = await drafts();
    expect(service).toMatchObject({ name: "Community Counselling", status: "DRAFT" });
    expect(service!.revisions).toEqual([expect.objectContaining({ status: "PENDING", kind: "CREATE", authorId: author.id })]);
    expect(service!.revisions[0]!.reason).toContain("spec-example");
    const snapshot = service!.revisions[0]!.snapshot as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(snapshot.contactChannels).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "PHONE", value: "+44 1234 234567" }), expect.objectContaining({ kind: "EMAIL" })]));
    expect(snapshot.hours).toEqual([{ days: [4, 5], opens: "10:00", closes: "18:00" }]);
    expect(snapshot.safety).toMatchObject({ minimumAge: 12, maximumAge: 100 });
    // Its only term is a placeholder: the kind of help is left for the moderator to choose in review.
    expect(snapshot.categories).toEqual(["information"]);
    expect(await prisma.importRecord.count({ where: { source: "spec-example" } })).toBe(1);
  });

  test("the spec's tabular data package imports the same service", async () => {
    const source = readPath(path.join(FIXTURES, "spec/tabular"));
    expect(source.format).toBe("tabular");
    const report = await importSource(source, { source: "spec-tabular", author });
    expect(report.created).toBe(1);
    expect((await drafts())[0]!.name).toBe("Community Counselling");
  });

  test("the ORUK validator's passing feeds import; its 128-service test page too", async () => {
    for (const file of ["oruk/Default/service_list.json", "oruk/Default/service_full.json", "oruk/Warn/service_full.json"]) {
      const report = await importSource(readPath(path.join(FIXTURES, file)), { source: file, author, country: "GB", language: "en" });
      expect(report.created + report.unchanged, file).toBeGreaterThan(0);
    }
    // The test page repeats one service id 128 times (with varied fields): one draft, every other record refused with its reason.
    const test = await importSource(readPath(path.join(FIXTURES, "oruk/test-service_list.json")), { source: "oruk-test", author, country: "GB", language: "en" });
    expect(test.created).toBe(1);
    expect(test.created + test.rejected.length).toBe(128);
    expect(test.rejected.filter((rejection) => rejection.reason === "the same id appears twice in this source").length).toBeGreaterThan(40);
    for (const rejection of test.rejected) expect(rejection.reason).toMatch(/twice|description|web address|contact|name/);
  });

  test("the failing feed is rejected record by record with the reason, not a crash", async () => {
    const report = await importSource(readPath(path.join(FIXTURES, "oruk/Fail/service_list.json")), { source: "oruk-fail", author, country: "GB" });
    expect(report.created).toBe(0);
    expect(report.rejected.length).toBe(4);
    for (const rejection of report.rejected) expect(rejection.reason).toMatch(/no name|web address|contact|country/);
    const full = await importSource(readPath(path.join(FIXTURES, "oruk/Fail/service_full.json")), { source: "oruk-fail-full", author, country: "GB" });
    expect(full.created + full.rejected.length).toBe(1);
    expect(await prisma.service.count()).toBe(full.created);
  });

  test("a legacy HSDS 1.1 CSV folder: integer ids, weekday numbers and names, languages by name", async () => {
    const source = readPath(path.join(FIXTURES, "legacy-1.1"));
    expect(source.format).toBe("legacy-csv");
    const report = await importSource(source, { source: "riverside-1.1", author, country: "GB" });
    expect(report.created).toBe(2);
    expect(report.rejected.map((rejection) => [rejection.originalId, rejection.reason])).toEqual([
      ["11", expect.stringContaining("Funday")],
      ["12", expect.stringContaining("web address")],
    ]);
    const snapshots = (await drafts()).map((service) => service.revisions[0]!.snapshot as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
    const counselling = snapshots.find((snapshot) => snapshot.name === "Riverside Counselling for Young People")!;
    expect(counselling.hours).toEqual([{ days: [1, 2, 3], opens: "09:00", closes: "17:00" }]);
    expect(counselling.languages).toEqual(["en", "pl"]);
    expect(counselling.locations).toEqual([expect.objectContaining({ address: "12 River Street", locality: "Manchester", postalCode: "M1 2AB", country: "GB", latitude: 53.4794 })]);
    expect(counselling.cost).toBe("FREE");
    const text = snapshots.find((snapshot) => snapshot.name === "Northgate Text Support")!;
    expect(text.contactChannels).toEqual([expect.objectContaining({ kind: "SMS", value: "60000" })]);
    expect(text.categories).toEqual(["peer-support"]);
    expect(text.audiences).toEqual(["teenagers"]);
  });

  test("importing the same source again changes nothing; a changed record adds a revision to its draft", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-import-"));
    const original = JSON.parse(fs.readFileSync(path.join(FIXTURES, "spec/service_full.json"), "utf8"));
    fs.writeFileSync(path.join(folder, "feed.json"), JSON.stringify([original]));
    const options = { source: "feed", author };
    expect((await importSource(readPath(path.join(folder, "feed.json")), options)).created).toBe(1);
    expect(await importSource(readPath(path.join(folder, "feed.json")), options)).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    fs.writeFileSync(path.join(folder, "feed.json"), JSON.stringify([{ ...original, name: "Community Counselling (renamed)" }]));
    expect(await previewImport(readPath(path.join(folder, "feed.json")), options)).toMatchObject({ created: 0, updated: 1 });
    expect(await importSource(readPath(path.join(folder, "feed.json")), options)).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const [service] = await drafts();
    expect(await prisma.service.count()).toBe(1);
    expect(service!.revisions.map((revision) => (revision.snapshot as { name: string }).name)).toEqual(["Community Counselling", "Community Counselling (renamed)"]);
  });

  test("a file that is not HSDS is refused whole, with the reason", () => {
    expect(() => readText("{not json", "broken.json")).toThrow(SourceError);
    expect(() => readText('{"hello": "world"}', "other.json")).toThrow(/neither HSDS services/);
    expect(() => readPath("/no/such/folder")).toThrow(/No such file/);
  });
});

describe("exporting", () => {
  test("our published services as HSDS 3 JSON (valid against service.json) and a tabular data package; drafts stay out", async () => {
    await createListing({ slug: "exported", name: "Exported service", alwaysOpen: true, accessFeatures: ["easy-read"] });
    await createListing({ slug: "hidden", name: "Hidden draft", status: "DRAFT" });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-export-"));
    const summary = await exportDirectory(folder);
    expect(summary.services).toBe(1);
    const services = JSON.parse(fs.readFileSync(path.join(folder, "services.json"), "utf8"));
    expect(services.map((service: { name: string }) => service.name)).toEqual(["Exported service"]);
    for (const service of services) expect(schemaProblems("service.json", service)).toEqual([]);
    const tables = fs.readdirSync(path.join(folder, "tabular")).sort();
    expect(tables).toEqual(expect.arrayContaining(["datapackage.json", "services.csv", "organizations.csv", "phones.csv", "schedules.csv", "taxonomy_terms.csv"]));
    expect(fs.readFileSync(path.join(folder, "tabular/services.csv"), "utf8").split("\n")[0]).toMatch(/^id,organization_id,program_id,name,/);
  });

  test("round trip: our export, imported into an empty directory, gives back every field we keep (JSON and tabular)", async () => {
    await createListing({
      slug: "round-trip",
      name: "Round trip service",
      alternateName: "RTS",
      eligibility: "Anyone under 18.",
      cost: "LOW_COST",
      costNote: "A small fee for adults.",
      accessibility: "Lift to every floor.",
      accessFeatures: ["step-free", "easy-read"],
      contentLanguage: "en",
      translations: [{ locale: "fr", name: "Service aller-retour", shortDescription: "Un service pour tester l'aller-retour." }],
      safety: { anonymousContact: "YES", tellsPolice: "ONLY_IF_SOMEONE_IS_AT_RISK", tellsParents: "NEVER", childCanUseWithoutParent: "YES", minimumAge: 8, maximumAge: 25, recordsKept: "Only your first name." },
      timezone: "Europe/London",
      hours: [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }],
      areas: [{ kind: "SUBDIVISION", country: "GB", subdivision: "GB-LDS" }, { kind: "COUNTRY", country: "IE" }],
      contactChannels: [
        { kind: "PHONE", value: "0113 000 0000", label: "Main line" },
        { kind: "CHAT", value: "https://example.org/chat", hours: [{ days: [6, 7], opens: "20:00", closes: "02:00" }] },
        { kind: "WALK_IN", value: "1 Park Row, Leeds", alwaysOpen: true },
      ],
      locations: [{ name: "Centre", address: "1 Park Row", locality: "Leeds", postalCode: "LS1 5AB", subdivision: "GB-LDS", country: "GB", latitude: 53.8, longitude: -1.55 }],
      languages: ["en", "pl"],
      categories: ["counselling", "legal-help"],
      audiences: ["children", "teenagers"],
    });
    const { currentListing } = await import("#app/modules/moderation/snapshot.server.ts");
    const serviceId = (await prisma.service.findUniqueOrThrow({ where: { slug: "round-trip" } })).id;
    const before = canonicalListing({ ...(await currentListing(serviceId))!, status: "DRAFT", lastVerifiedAt: undefined });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-roundtrip-"));
    await exportDirectory(folder);

    for (const target of ["services.json", "tabular"]) {
      await clearDirectory();
      await prisma.importRecord.deleteMany();
      const report = await importSource(readPath(path.join(folder, target)), { source: `own-export-${target}`, author });
      expect(report, target).toMatchObject({ created: 1, rejected: [] });
      const [draft] = await drafts();
      expect(draft!.revisions[0]!.snapshot, target).toEqual(before);
    }
  });

  test("15 CSV formula injection: cells a spreadsheet would run are written with a ' prefix, quoted, and our import takes it off again", async () => {
    const risky = { name: '=HYPERLINK("https://evil.example","Click")', alternateName: "@SUM(A1)", description: "-2+3 looks like a sum to a spreadsheet.", eligibility: "'Quoted already" };
    await createListing({ slug: "formula", ...risky, contactChannels: [{ kind: "PHONE", value: "+44 113 000 0000" }], locations: [{ name: "Centre", address: "1 Park Row", locality: "Leeds", country: "GB", latitude: 53.8, longitude: -1.55 }] });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-formula-"));
    await exportDirectory(folder);
    const table = (name: string) => fs.readFileSync(path.join(folder, "tabular", name), "utf8");
    expect(table("services.csv")).toContain(`"'=HYPERLINK(""https://evil.example"",""Click"")"`);
    expect(table("services.csv")).toContain(`"'@SUM(A1)"`);
    expect(table("services.csv")).toContain(`"'-2+3 looks like a sum to a spreadsheet."`);
    expect(table("services.csv")).toContain(`"''Quoted already"`);
    expect(table("phones.csv")).toContain(`"'+44 113 000 0000"`);
    // A number stays a number: a spreadsheet does not run -1.55.
    expect(table("locations.csv")).toMatch(/,-1\.55(,|$)/m);
    // Apart from plain numbers, no cell of any table starts with a formula character.
    for (const file of fs.readdirSync(path.join(folder, "tabular")).filter((name) => name.endsWith(".csv"))) {
      expect(table(file).replace(/(^|,)-?\d+(\.\d+)?(?=,|$)/gm, "$1"), file).not.toMatch(/(^|,)"?[=+\-@\t\r]/m);
    }

    // Our own package says it escaped, so reading it gives back the values as they were.
    const [record] = readPath(path.join(folder, "tabular")).records;
    expect(record!.service).toMatchObject({ name: risky.name, alternate_name: risky.alternateName, description: risky.description, eligibility_description: risky.eligibility });
    expect(record!.service.phones[0].number).toBe("+44 113 000 0000");

    // Someone else's package without our marker is read as written: a leading quote is theirs.
    const datapackage = JSON.parse(table("datapackage.json"));
    delete datapackage.signpost;
    fs.writeFileSync(path.join(folder, "tabular/datapackage.json"), JSON.stringify(datapackage));
    expect(readPath(path.join(folder, "tabular")).records[0]!.service.name).toBe(`'${risky.name}`);
  });

  test("15 CSV formula injection: every risky first character (= + - @ tab CR) and a leading quote survive escape and unescape", () => {
    for (const value of ["=1+1", "+1 phone", "-x", "@cmd", "\tcell", "\rcell", "'kept", "''two", "plain", "", "-1.5", "42"]) {
      const written = csvCell(value);
      if (/^[=+\-@\t\r']/.test(value) && !/^-?\d+(\.\d+)?$/.test(value)) expect(written, JSON.stringify(value)).toBe(`'${value}`);
      else expect(written).toBe(value);
      expect(readCsvCell(written)).toBe(value);
    }
  });
});
