// npm run budgets — weighs public pages as a phone on a bad connection gets
// them, and checks the budgets: a search results page's HTML ≤ 40 KB
// compressed, all JavaScript on a public page ≤ 120 KB compressed, web fonts
// ≤ 60 KB. Prints the figures; exits 1 when a budget is exceeded.
import { gzipSync, brotliCompressSync } from "node:zlib";
import { startProductionServer } from "./lib/production-server.ts";

const KB = 1024;
const BUDGETS = { html: 40 * KB, javascript: 120 * KB, fonts: 60 * KB };
const PAGES = ["/", "/search?country=GB&category=child-helpline", "/services/childline", "/es/search?country=ES", "/help/talk?country=GB"];

const server = await startProductionServer(3210, "budgets");
let failed = false;
try {
  console.log("page".padEnd(48), "HTML gzip", "HTML br", "JS gzip", "fonts");
  for (const path of PAGES) {
    const html = await (await fetch(server.url + path)).text();
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+)"/g)].map((match) => match[1]!);
    const fonts = [...html.matchAll(/href="([^"]+\.(?:woff2?|ttf|otf))"/g)].map((match) => match[1]!);
    let javascript = 0;
    for (const src of new Set(scripts)) javascript += gzipSync(Buffer.from(await (await fetch(new URL(src, server.url))).arrayBuffer())).length;
    let fontBytes = 0;
    for (const src of new Set(fonts)) fontBytes += (await (await fetch(new URL(src, server.url))).arrayBuffer()).byteLength;
    const htmlGzip = gzipSync(html).length;
    const htmlBrotli = brotliCompressSync(html).length;
    const over = htmlGzip > BUDGETS.html || javascript > BUDGETS.javascript || fontBytes > BUDGETS.fonts;
    failed ||= over;
    console.log(
      path.padEnd(48),
      `${(htmlGzip / KB).toFixed(1)} KB`.padStart(9),
      `${(htmlBrotli / KB).toFixed(1)} KB`.padStart(7),
      `${(javascript / KB).toFixed(1)} KB`.padStart(7),
      `${(fontBytes / KB).toFixed(1)} KB`.padStart(5),
      over ? "OVER BUDGET" : "ok",
    );
  }
  console.log(`budgets: HTML ≤ ${BUDGETS.html / KB} KB, JavaScript ≤ ${BUDGETS.javascript / KB} KB, fonts ≤ ${BUDGETS.fonts / KB} KB (compressed)`);
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
