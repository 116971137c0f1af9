// Generates the Prisma client. The Prisma CLI insists on locating its native
// schema engine even though `generate` does not use it; pointing it at any
// existing file stops it from trying to download one (which fails offline).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const anyExistingFile = fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: anyExistingFile, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
