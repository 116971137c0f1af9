import type { IncomingMessage } from "node:http";

// Request bodies are read here, before any route sees them, and counted as
// they arrive: a body without Content-Length (chunked) is refused the moment
// it passes its limit, so no route, form parser or upload ever holds more.

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/** Whether the request says a body follows (a length, or a chunked transfer). */
export function hasBody(request: IncomingMessage): boolean {
  return request.headers["transfer-encoding"] !== undefined || Number(request.headers["content-length"] ?? 0) > 0;
}

/**
 * The whole body, at most `limit` bytes. Past the limit it rejects with
 * BodyTooLarge at once and stops reading; the caller answers 413 and calls
 * refuseRest, so the rest is never read into memory.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer>> {
  if (Number(request.headers["content-length"] ?? 0) > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanUp = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
      request.off("aborted", onAborted);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        cleanUp();
        request.pause();
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const onAborted = () => onError(new Error("The client closed the connection while sending the body."));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
    request.on("aborted", onAborted);
  });
}

/** How long the rest of a refused body is read (and dropped) before the connection is closed. */
const LINGER_MS = 1000;

/**
 * After a refusal (413, 415), drops what the client still sends for a moment
 * and then closes the connection. Closing at once would make the kernel reset
 * it while the client is still sending, and the client would see a broken
 * connection instead of the answer; reading on without end would let one
 * client keep the server busy with a body it has already refused.
 */
export function refuseRest(request: IncomingMessage): void {
  if (request.complete) return;
  const timer = setTimeout(() => request.socket.destroy(), LINGER_MS);
  // The body ended within the moment: the connection may serve the next request.
  request.once("end", () => clearTimeout(timer));
  request.resume();
}
