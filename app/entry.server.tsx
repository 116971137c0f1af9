import { PassThrough } from "node:stream";
import type { EntryContext } from "react-router";
import { createReadableStreamFromReadable } from "@react-router/node";
import { ServerRouter } from "react-router";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { createNonce, securityHeaders } from "#app/security-headers.server.ts";
import { loggablePath, logger } from "#app/logger.server.ts";
import { isConnectionError, markDatabaseDown } from "#app/database/availability.server.ts";
import { PACK_HEADERS, STAFF_HEADERS, isPackPath, isStaffPath } from "#app/route-paths.ts";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  const nonce = createNonce();
  for (const [name, value] of Object.entries(securityHeaders(nonce, process.env.NODE_ENV === "development"))) {
    responseHeaders.set(name, value);
  }
  withPackHeaders(request, responseHeaders);

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers get the whole page at once; people get it streamed.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />,
      {
        nonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is sent are logged by React Router itself.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/**
 * A pack's page, found or not (410), is never indexed nor kept (the production
 * server also sets these on its own answers: 413, 503…); staff pages are never kept.
 */
function withPackHeaders(request: Request, headers: Headers) {
  const path = new URL(request.url).pathname;
  const extra = isPackPath(path) ? PACK_HEADERS : isStaffPath(path) ? STAFF_HEADERS : null;
  for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
}

/** Single-fetch (.data) answers get the same. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  withPackHeaders(request, response.headers);
  return response;
}

// The production server sets these per request (scripts/start-server.ts); it
// must use the very objects the app reads, hence exported from the build.
export { clientAddressContext } from "#app/request-context.server.ts";

/** Errors in loaders, actions and rendering: logged with the path only (no query string, no token). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return; // the visitor left: not an error
  if (isConnectionError(error)) markDatabaseDown();
  logger.error({ err: error, path: loggablePath(new URL(request.url).pathname) }, "request failed");
}
