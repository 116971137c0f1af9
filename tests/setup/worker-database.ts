import pg from "pg";
import { inject } from "vitest";
import { TEMPLATE_DATABASE, withDatabase } from "./test-database-server.ts";

// Before each test file: a fresh copy of the migrated template, named after
// the worker, and DATABASE_URL pointing at it before the app's modules load.

const serverUrl = inject("testDatabaseServerUrl");
const database = `signpost_test_${process.env.VITEST_POOL_ID ?? "0"}`;

// PostgreSQL copies a template only while nobody else uses it, and a copy in
// progress counts as a use: workers take turns through an advisory lock.
const TEMPLATE_LOCK = 7_310_001;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
try {
  await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`);
} finally {
  await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
  await admin.end();
}
process.env.DATABASE_URL = withDatabase(serverUrl, database);
