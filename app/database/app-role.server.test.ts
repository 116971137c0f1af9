import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, expect, test } from "vitest";
import { withConnection } from "./connection.server.ts";
import { appRoleWeaknesses, ensureAppRole, grantAppRole, signingInAs } from "./app-role.server.ts";
import { backupDatabase, restoreDatabase } from "./backup.server.ts";
import { grantAppRoleIfSeparate } from "./local-database.server.ts";
import { applyMigrations } from "./schema-engine.server.ts";

// The app's own database role, as the embedded default and docker-compose set
// it up: it reads and writes rows, but cannot touch the audit log's history or
// switch its append-only trigger off. (The other tests connect as the owner.)

const ownerUrl = process.env.DATABASE_URL!;
const role = `signpost_app_test_${process.env.VITEST_POOL_ID ?? "0"}`;
const appUrl = signingInAs(ownerUrl, role, randomBytes(24).toString("base64url"));
const asApp = <T>(work: Parameters<typeof withConnection<T>>[1]) => withConnection(appUrl, work);

beforeAll(async () => {
  await ensureAppRole(ownerUrl, role, new URL(appUrl).password);
  await grantAppRole(ownerUrl, role);
});

const refusal = (sql: string) =>
  asApp(async (client) => {
    await client.query(sql);
  });

test("14.10 the app's role cannot change, delete or truncate audit rows, nor switch the append-only trigger off", async () => {
  // It writes and reads the audit log as the app does.
  const { rows } = await asApp((client) =>
    client.query<{ id: string }>("INSERT INTO audit_event (action, actor_email) VALUES ('test.event', 'someone@example.org') RETURNING id"),
  );
  const id = rows[0]!.id;
  expect((await asApp((client) => client.query("SELECT action FROM audit_event WHERE id = $1", [id]))).rows).toEqual([{ action: "test.event" }]);

  const denied = { code: "42501" }; // insufficient_privilege
  await expect(refusal(`UPDATE audit_event SET action = 'rewritten' WHERE id = ${id}`)).rejects.toMatchObject(denied);
  await expect(refusal(`DELETE FROM audit_event WHERE id = ${id}`)).rejects.toMatchObject(denied);
  await expect(refusal("TRUNCATE audit_event")).rejects.toMatchObject(denied);
  await expect(refusal("ALTER TABLE audit_event DISABLE TRIGGER audit_event_is_append_only")).rejects.toMatchObject(denied);
  await expect(refusal("ALTER TABLE audit_event DISABLE TRIGGER ALL")).rejects.toMatchObject(denied);
  await expect(refusal("DROP TRIGGER audit_event_is_append_only ON audit_event")).rejects.toMatchObject(denied);
  await expect(refusal("SET session_replication_role = replica")).rejects.toMatchObject(denied);
  await expect(refusal("BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM audit_event; COMMIT;")).rejects.toMatchObject(denied);
  await expect(
    refusal("CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$"),
  ).rejects.toMatchObject(denied);
  await expect(refusal("ALTER TABLE audit_event OWNER TO CURRENT_USER")).rejects.toMatchObject(denied);

  expect((await withConnection(ownerUrl, (client) => client.query("SELECT action FROM audit_event WHERE id = $1", [id]))).rows).toEqual([
    { action: "test.event" },
  ]);
  expect(await appRoleWeaknesses(appUrl)).toEqual([]);
  // The owner, on the other hand, could: which is why the app must not connect as it.
  expect(await appRoleWeaknesses(ownerUrl)).not.toEqual([]);
});

test("14.10 the app's role reads and writes every other table, and the tables a later migration adds", async () => {
  await asApp(async (client) => {
    await client.query("INSERT INTO rate_limit_window (scope, key, window_start, expires_at, hits) VALUES ('test', 'k', now(), now() + interval '1 minute', 1)");
    await client.query("UPDATE rate_limit_window SET hits = hits + 1 WHERE scope = 'test'");
    await client.query("DELETE FROM rate_limit_window WHERE scope = 'test'");
    await client.query("SELECT count(*) FROM _prisma_migrations");
  });
  await expect(refusal("DELETE FROM _prisma_migrations")).rejects.toMatchObject({ code: "42501" });
  await expect(refusal("CREATE TABLE app_made (id int)")).rejects.toMatchObject({ code: "42501" });

  await withConnection(ownerUrl, (client) => client.query("CREATE TABLE later_migration_table (id serial PRIMARY KEY, note text)"));
  await asApp(async (client) => {
    await client.query("INSERT INTO later_migration_table (note) VALUES ('granted by default')");
    await client.query("DELETE FROM later_migration_table");
  });
  await withConnection(ownerUrl, (client) => client.query("DROP TABLE later_migration_table"));
});

test("14.10 with nothing pending, the migration check runs as the app's role too", async () => {
  expect(await applyMigrations(appUrl)).toEqual([]);
});

test("14.10 after a restore by the owner (a backup holds no grants), the app's role has its rights again and no more", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-app-role-"));
  try {
    await restoreDatabase(ownerUrl, await backupDatabase(ownerUrl, folder));
    await grantAppRoleIfSeparate({ url: appUrl, migrationUrl: ownerUrl });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  await asApp((client) => client.query("INSERT INTO audit_event (action) VALUES ('test.after_restore')"));
  await expect(refusal("DELETE FROM audit_event")).rejects.toMatchObject({ code: "42501" });
  expect(await appRoleWeaknesses(appUrl)).toEqual([]);
});
