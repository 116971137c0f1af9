// npm run bench -- [--services 100000 | --services 10000,100000,1000000] [--seconds 20] [--connections 50] [--no-build]
//
// For each directory size: makes (or reuses) the synthetic database
// (npm run db:synthetic), starts the production build on it, and drives each
// search scenario with autocannon twice: cold (every request a different
// query, so no cache can answer) and hot (one address repeated), plus the
// hot address revalidated with If-None-Match (304). A bare node:http server
// returning a static page of the same size is the baseline every throughput
// is compared with. Then EXPLAIN (ANALYZE, BUFFERS) of each scenario's query,
// the indexes its plan uses, and the sizes side by side.
import { execFileSync } from "node:child_process";
import type { EventEmitter } from "node:events";
import http from "node:http";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { z } from "zod";
import { startProductionServer, type ProductionServer } from "./lib/production-server.ts";
import { openSyntheticDatabase } from "./lib/synthetic-database.ts";
import { SCENARIOS, searchPath, type Scenario } from "./lib/bench-scenarios.ts";
import type { ExplainFigures } from "./lib/bench-explain.ts";

const { values } = parseArgs({
  options: {
    services: { type: "string", default: "100000" },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    "no-build": { type: "boolean", default: false },
  },
});
const sizes = z
  .array(z.coerce.number().int().min(100).max(5_000_000))
  .min(1)
  .parse(values.services.split(","));
const seconds = z.coerce.number().int().min(1).max(600).parse(values.seconds);
const connections = z.coerce.number().int().min(1).max(1000).parse(values.connections);

const APP_PORT = 3250;
const BASELINE_PORT = 3251;

type Run = { requestsPerSecond: number; p50: number; p95: number; p99: number; errors: number; statuses: Record<string, number> };

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** autocannon, with every response time kept (it reports p97.5, not p95). */
async function drive(url: string, paths: (index: number) => string, headers: Record<string, string> = {}): Promise<Run> {
  let counter = 0;
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths(counter++) }) }],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  times.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const key of ["1xx", "2xx", "3xx", "4xx", "5xx"] as const) if (result[key] > 0) statuses[key] = result[key];
  return {
    requestsPerSecond: result.requests.total / seconds,
    p50: Math.round(percentile(times, 0.5)),
    p95: Math.round(percentile(times, 0.95)),
    p99: Math.round(percentile(times, 0.99)),
    // Anything but a page or a 304 is an error here.
    errors: result.errors + result.timeouts + result["4xx"] + result["5xx"],
    statuses,
  };
}

async function measureBaseline(size: number): Promise<number> {
  const page = Buffer.from(`<!DOCTYPE html><html><body>${"x".repeat(Math.max(0, size - 40))}</body></html>`);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(BASELINE_PORT, "127.0.0.1", resolve));
  try {
    const run = await drive(`http://127.0.0.1:${BASELINE_PORT}`, () => "/");
    return run.requestsPerSecond;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function explain(url: string): ExplainFigures[] {
  const output = execFileSync("npx", ["tsx", "scripts/lib/bench-explain.ts", url], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
  return JSON.parse(output.trim().split("\n").pop()!) as ExplainFigures[];
}

const format = (value: number, digits = 0) => value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pad = (text: string | number, width: number) => String(text).padStart(width);

function printRun(label: string, mode: string, run: Run, baseline: number) {
  console.log(
    `${label.padEnd(22)} ${mode.padEnd(10)} ${pad(format(run.requestsPerSecond), 8)} ${pad(`${format((run.requestsPerSecond / baseline) * 100, 1)}%`, 7)} ${pad(run.p50, 6)} ${pad(run.p95, 6)} ${pad(run.p99, 6)} ${pad(run.errors, 7)}`,
  );
}

if (!values["no-build"]) execFileSync("npm", ["run", "build"], { stdio: "ignore" });

const sqlBySize = new Map<number, ExplainFigures[]>();
let failed = false;
for (const services of sizes) {
  console.log(`\n== ${services.toLocaleString("en")} services ==`);
  const database = await openSyntheticDatabase(services, { log: (message) => console.log(`  ${message}`) });
  let server: ProductionServer | null = null;
  try {
    server = await startProductionServer(APP_PORT, "bench", {
      env: { DATABASE_URL: database.url, SEED_DEMO_DATA: "false" },
      discardLogs: true,
    });
    const sample = await fetch(`${server.url}${searchPath(SCENARIOS[0]!.hot)}`);
    const sampleSize = (await sample.arrayBuffer()).byteLength;
    const baseline = await measureBaseline(sampleSize);
    console.log(`baseline: node:http serving a static ${format(sampleSize / 1024)} KB page: ${format(baseline)} req/s`);
    console.log(`${connections} connections, ${seconds} s per run; latency in ms; errors = failed, timed out or non-2xx/304\n`);
    console.log(`${"scenario".padEnd(22)} ${"mode".padEnd(10)} ${pad("req/s", 8)} ${pad("% base", 7)} ${pad("p50", 6)} ${pad("p95", 6)} ${pad("p99", 6)} ${pad("errors", 7)}`);
    for (const scenario of SCENARIOS) {
      const unique = Date.now().toString(36);
      const cold = await drive(server.url, (index) => searchPath(scenario.cold(index), { ref: `${unique}-${index}` }));
      printRun(scenario.name, "cold", cold, baseline);
      const hotPath = searchPath(scenario.hot);
      const hot = await drive(server.url, () => hotPath);
      printRun("", "hot", hot, baseline);
      failed ||= cold.errors > 0 || hot.errors > 0;
      if (scenario === SCENARIOS[0]) await revalidated(server, scenario, baseline);
    }
    sqlBySize.set(services, explain(database.url));
  } finally {
    await server?.stop();
    await database.stop();
  }
}

async function revalidated(server: ProductionServer, scenario: Scenario, baseline: number) {
  const path = searchPath(scenario.hot);
  const etag = (await fetch(`${server.url}${path}`)).headers.get("etag");
  if (!etag) throw new Error("Public pages must carry an ETag.");
  const run = await drive(server.url, () => path, { "if-none-match": etag });
  printRun("", "hot, 304", run, baseline);
}

console.log("\nSQL of each scenario's page query: EXPLAIN (ANALYZE, BUFFERS) execution time in ms, median of 7 (whole search in brackets: count, filter counts and the page's services too)");
console.log(`${"scenario".padEnd(22)} ${sizes.map((size) => pad(size.toLocaleString("en"), 22)).join("")}   index used`);
for (const [index, scenario] of SCENARIOS.entries()) {
  const cells = sizes.map((size) => {
    const figures = sqlBySize.get(size)?.[index];
    return pad(figures ? `${format(figures.sqlMs, 2)} (${format(figures.searchMs, 1)})` : "-", 22);
  });
  const last = sqlBySize.get(sizes[sizes.length - 1]!)?.[index];
  const usage = last ? `${last.usesIntended ? "yes" : "NO"}: ${last.indexes.join(", ") || "sequential scan"}` : "";
  console.log(`${scenario.name.padEnd(22)} ${cells.join("")}   ${usage}`);
}
process.exitCode = failed ? 1 : 0;
