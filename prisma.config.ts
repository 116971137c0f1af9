import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `prisma generate`; migrations run through
// scripts/migrate.ts, which needs no downloaded engine (see docs/decisions).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
