// npm run sqlmap — runs sqlmap (Debian: apt-get install sqlmap) against the
// search page, a service page and the HSDS API of the production build, on
// loopback, on its own fresh embedded database with the demo directory.
// Prints each target's verdict and fails if sqlmap finds an injection.
import { execFileSync, spawn } from "node:child_process";
import { startProductionServer } from "./lib/production-server.ts";

try {
  execFileSync("sqlmap", ["--version"], { stdio: "ignore" });
} catch {
  console.error("sqlmap is not installed: apt-get install sqlmap (or see https://sqlmap.org).");
  process.exit(1);
}

const server = await startProductionServer(3270, "sqlmap", {
  // sqlmap sends thousands of requests: the API's per-client limit would answer most with 429.
  env: { API_RATE_LIMIT_PER_MINUTE: "1000000" },
  discardLogs: true,
});

const targets = [
  { name: "search page", url: `${server.url}/search?country=GB&region=GB-ENG&q=help&near=Leeds&lang=en&category=counselling&page=1` },
  { name: "service page (path)", url: `${server.url}/services/childline*` },
  {
    name: "HSDS API",
    url: `${server.url}/api/hsds/services?search=help&page=1&per_page=10&taxonomy_id=f437f0c3-6e43-4c2f-bf1b-9b358d0006f9&modified_after=2020-01-01T00:00:00Z`,
  },
];

function sqlmap(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "sqlmap",
      ["-u", url, "--batch", "--level=2", "--risk=1", "--technique=BEUST", "--threads=4", "--flush-session", "--disable-coloring", "--output-dir=.data/sqlmap"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve(output));
  });
}

let injectable = 0;
try {
  for (const target of targets) {
    const started = Date.now();
    const output = await sqlmap(target.url);
    const found = /sqlmap identified the following injection point|is vulnerable/i.test(output);
    const clean = /do not appear to be injectable/i.test(output);
    injectable += found ? 1 : 0;
    const verdict = found ? "INJECTION FOUND" : clean ? "no injection found" : "inconclusive (see .data/sqlmap)";
    console.log(`${target.name.padEnd(22)} ${verdict.padEnd(34)} ${Math.round((Date.now() - started) / 1000)} s`);
    if (!clean || found) console.log(output.split("\n").filter((line) => /CRITICAL|WARNING|injectable|vulnerable/i.test(line)).slice(0, 10).join("\n"));
  }
} finally {
  await server.stop();
}
process.exitCode = injectable > 0 ? 1 : 0;
