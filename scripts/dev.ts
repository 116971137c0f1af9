// npm run dev — the Vite development server on the embedded (or configured) database.
import { spawn } from "node:child_process";
import { prepareDatabase } from "#app/database/prepare.server.ts";
import { parseEnv } from "#app/env.server.ts";

const env = parseEnv();
const database = await prepareDatabase((message) => console.log(`[signpost] ${message}`));
const dev = spawn("npx", ["react-router", "dev", "--port", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "development" },
});
const stop = async () => {
  dev.kill("SIGTERM");
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
dev.on("exit", () => void stop());
