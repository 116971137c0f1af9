import { expect, test } from "vitest";
import { diffMigrationsToSchema } from "#app/database/schema-engine.server.ts";

test("schema.prisma and the migrations describe the same database (no drift)", async () => {
  const missing = await diffMigrationsToSchema(process.env.DATABASE_URL!);
  expect(missing, "Run `npm run db:migration:new -- <name>` to write the missing migration").toBe("");
});

// Replays the staff_organizations migration on the old shape of the three
// tables it changes, in a schema of its own, and rolls everything back.
test("11 staff organizations migration: one record per distinct name, colleagues kept together, typed request names become notes", async () => {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const { default: pg } = await import("pg");
  const folder = fs.readdirSync(path.resolve("prisma/migrations")).find((name) => name.endsWith("_staff_organizations"))!;
  const sql = fs.readFileSync(path.resolve("prisma/migrations", folder, "migration.sql"), "utf8");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`
      CREATE SCHEMA before_staff_organizations;
      SET LOCAL search_path TO before_staff_organizations;
      CREATE TABLE app_user (id int PRIMARY KEY, organization_name text);
      CREATE TABLE access_request (id int PRIMARY KEY, organization_name text NOT NULL);
      CREATE TABLE account_token (id int PRIMARY KEY);
      INSERT INTO app_user VALUES (1, 'Lyon Family Centre'), (2, 'Lyon Family Centre'), (3, 'lyon family centre'), (4, NULL), (5, '');
      INSERT INTO access_request VALUES (1, 'Lyon Family Centre'), (2, 'Somewhere New');
      INSERT INTO account_token VALUES (1);`);
    await client.query(sql);
    const organizations = await client.query("SELECT name, country FROM staff_organization ORDER BY name");
    expect(organizations.rows).toEqual([
      { name: "Lyon Family Centre", country: null },
      { name: "lyon family centre", country: null },
    ]);
    const users = await client.query("SELECT u.id, o.name FROM app_user u LEFT JOIN staff_organization o ON o.id = u.organization_id ORDER BY u.id");
    // Exactly the old matching: 1 and 2 stay colleagues; 3 typed it differently and never shared with them.
    expect(users.rows).toEqual([
      { id: 1, name: "Lyon Family Centre" },
      { id: 2, name: "Lyon Family Centre" },
      { id: 3, name: "lyon family centre" },
      { id: 4, name: null },
      { id: 5, name: null },
    ]);
    // A request's typed name is only a note: no request points at an organization.
    const requests = await client.query("SELECT id, organization_id, organization_note FROM access_request ORDER BY id");
    expect(requests.rows).toEqual([
      { id: 1, organization_id: null, organization_note: "Lyon Family Centre" },
      { id: 2, organization_id: null, organization_note: "Somewhere New" },
    ]);
    expect((await client.query("SELECT organization_id FROM account_token")).rows).toEqual([{ organization_id: null }]);
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
});
