// npm run load — drives the production build with autocannon for 60 s at 100
// connections across search, service pages and the public report form; prints
// throughput, latency, errors by status and memory. Fails on any 5xx or when
// the server's memory grows more than 10% after the warm-up.
// LOAD_SECONDS shortens the run for a quick check.
import autocannon, { type Request as LoadRequest } from "autocannon";
import { execFileSync } from "node:child_process";
import { startProductionServer } from "./lib/production-server.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = 100;

const server = await startProductionServer(3230, "load");

function rssMegabytes(): number {
  // The app process is the node (tsx) process listening on the port.
  const pid = execFileSync("bash", ["-c", "ss -ltnpH 'sport = :3230' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2"], { encoding: "utf8" }).trim();
  const status = execFileSync("cat", [`/proc/${pid}/status`], { encoding: "utf8" });
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const countries = ["GB", "US", "FR", "DE", "ES", "AU", "CA", "IE", "NZ", "IN", "BR", "ZA", "KE", "NL", "BE", "IT"];
const slugs = ["childline", "nspcc-helpline", "cybertipline", "kids-help-phone", "take-it-down", "allo-enfance-en-danger-119", "fundacion-anar", "youthline"];
let counter = 0;
const requests: LoadRequest[] = [
  { method: "GET", setupRequest: (request) => ({ ...request, path: `/search?country=${countries[counter++ % countries.length]}&page=${(counter % 2) + 1}` }) },
  { method: "GET", setupRequest: (request) => ({ ...request, path: `/services/${slugs[counter++ % slugs.length]}` }) },
  {
    method: "POST",
    path: "/services/childline/report",
    headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
    body: "reason=OTHER&details=load+test",
  },
];

try {
  console.log(`warm-up 10 s, then ${SECONDS} s at ${CONNECTIONS} connections against the production build`);
  await autocannon({ url: server.url, connections: 20, duration: 10, requests: requests.slice(0, 2) });
  const rssBefore = rssMegabytes();
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: SECONDS, requests });
  const rssAfter = rssMegabytes();
  const growth = ((rssAfter - rssBefore) / rssBefore) * 100;
  console.log(`requests: ${result.requests.total} (${result.requests.average.toFixed(0)} req/s)`);
  console.log(`latency ms: p50 ${result.latency.p50}, p97.5 ${result.latency.p97_5}, p99 ${result.latency.p99}, max ${result.latency.max}`);
  console.log(`responses: 2xx ${result["2xx"]}, 4xx ${result["4xx"]} (public form rate limits), 5xx ${result["5xx"]}, errors ${result.errors}, timeouts ${result.timeouts}`);
  console.log(`server RSS: ${rssBefore.toFixed(0)} MB after warm-up → ${rssAfter.toFixed(0)} MB after the run (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%)`);
  const failed = result["5xx"] > 0 || result.errors > 0 || growth > 10;
  console.log(failed ? "FAILED: 5xx, errors or memory growth over 10%" : "ok: zero 5xx, memory stable");
  process.exitCode = failed ? 1 : 0;
} finally {
  await server.stop();
}
