import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "#app/database/schema-engine.server.ts";
import { startTestDatabaseServer, TEMPLATE_DATABASE } from "./test-database-server.ts";

// Once per run: a template database with every migration applied. Each test
// file then gets its own copy (worker-database.ts), which PostgreSQL makes in
// milliseconds, so tests never share or mock a database.

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer();
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(TEMPLATE_DATABASE)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(TEMPLATE_DATABASE)}`);
  } finally {
    await admin.end();
  }
  await applyMigrations(server.urlFor(TEMPLATE_DATABASE));
  project.provide("testDatabaseServerUrl", server.urlFor("postgres"));
  return async () => {
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseServerUrl: string;
  }
}
