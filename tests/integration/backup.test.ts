import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { BackupError, backupDatabase, chooseTool, restoreDatabase } from "#app/database/backup.server.ts";
import { EMBEDDED_POSTGRES_MAJOR } from "#app/database/embedded-postgres.server.ts";
import { createListing, createStaffUser } from "#tests/factories.ts";
import packageJson from "../../package.json" with { type: "json" };

// seed → backup → wipe → restore → the same data, table by table.

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ digest: string; rows: bigint }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest, count(*) AS rows FROM "${name}" t`,
    );
    result[name] = `${row!.rows} rows ${row!.digest}`;
  }
  return result;
}

test("the embedded server's version is the one package.json installs", () => {
  expect(packageJson.dependencies["embedded-postgres"].split(".")[0]).toBe(String(EMBEDDED_POSTGRES_MAJOR));
});

test("a backup restored into a wiped database gives back every row of every table", async () => {
  await createListing({ slug: "kept-one", locations: [{ locality: "Leeds", country: "GB", latitude: 53.8, longitude: -1.55 }] });
  await createListing({ slug: "kept-two", alwaysOpen: true, accessFeatures: ["easy-read"] });
  await createStaffUser({ roles: ["moderator"] });
  const before = await fingerprint();
  expect(before.service).toMatch(/^2 rows/);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-backup-"));
  const file = await backupDatabase(process.env.DATABASE_URL!, folder, new Date("2026-11-28T12:00:00Z"));
  expect(path.basename(file)).toBe("signpost-20261128T120000Z.dump");

  await prisma.$executeRawUnsafe("DROP SCHEMA public CASCADE");
  await prisma.$executeRawUnsafe("CREATE SCHEMA public");
  expect(await fingerprint()).toEqual({});

  await restoreDatabase(process.env.DATABASE_URL!, file);
  expect(await fingerprint()).toEqual(before);
  // The search columns, triggers and extensions came back too.
  const found = await prisma.$queryRaw<{ slug: string }[]>`
    SELECT slug FROM service WHERE area_keys && ARRAY['C:GB'] AND search_document @@ websearch_to_tsquery('signpost_simple', 'test') ORDER BY slug`;
  expect(found.map((row) => row.slug)).toEqual(["kept-one", "kept-two"]);
}, 60_000);

test("restoring something that is not a backup changes nothing and says why", async () => {
  await createListing({ slug: "still-here" });
  const before = await fingerprint();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "signpost-backup-")), "notes.txt");
  fs.writeFileSync(file, "not a backup");
  await expect(restoreDatabase(process.env.DATABASE_URL!, file)).rejects.toThrow(/not a pg_dump custom-format backup/);
  await expect(restoreDatabase(process.env.DATABASE_URL!, `${file}.missing`)).rejects.toThrow(BackupError);
  expect(await fingerprint()).toEqual(before);
});

test("a tool older than the server is refused with what to install", async () => {
  await expect(chooseTool("pg_dump", 99)).rejects.toThrow(/pg_dump 99 or newer is needed.*postgresql-client-99/);
});
