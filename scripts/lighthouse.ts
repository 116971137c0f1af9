// npm run lighthouse — Lighthouse (12.2.3, the last for Node 20) with mobile
// emulation against the production build in Debian's Chromium, on the home,
// search and service pages. Prints the four scores against the targets:
// performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 90.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startProductionServer } from "./lib/production-server.ts";

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 95, seo: 90 } as const;
const PAGES = ["/", "/search?country=GB&category=child-helpline", "/services/childline"];
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const server = await startProductionServer(3220, "lighthouse");
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    "--headless=new",
    "--disable-gpu",
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
let missed = false;
try {
  console.log("page".padEnd(46), "perf", "a11y", "best", "seo");
  for (const path of PAGES) {
    const result = await lighthouse(`${server.url}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: Object.keys(TARGETS),
    });
    const categories = result!.lhr.categories;
    const scores = Object.fromEntries(Object.keys(TARGETS).map((key) => [key, Math.round((categories[key]?.score ?? 0) * 100)]));
    const below = Object.entries(TARGETS).filter(([key, target]) => scores[key]! < target).map(([key]) => key);
    missed ||= below.length > 0;
    console.log(
      path.padEnd(46),
      String(scores.performance).padStart(4),
      String(scores.accessibility).padStart(4),
      String(scores["best-practices"]).padStart(4),
      String(scores.seo).padStart(4),
      below.length ? `below target: ${below.join(", ")}` : "ok",
    );
  }
  console.log("targets: performance ≥ 95, accessibility 100, best practices ≥ 95, SEO ≥ 90 (mobile emulation)");
} finally {
  await chrome.kill();
  await server.stop();
}
process.exit(missed ? 1 : 0);
