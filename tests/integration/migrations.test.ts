import { expect, test } from "vitest";
import { diffMigrationsToSchema } from "#app/database/schema-engine.server.ts";

test("schema.prisma and the migrations describe the same database (no drift)", async () => {
  const missing = await diffMigrationsToSchema(process.env.DATABASE_URL!);
  expect(missing, "Run `npm run db:migration:new -- <name>` to write the missing migration").toBe("");
});
