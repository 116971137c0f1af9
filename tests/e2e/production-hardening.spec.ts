import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startProductionServer, type ProductionServer } from "../../scripts/lib/production-server.ts";

// What an anonymous attacker can send the production server: bodies of any
// size and shape, any spelling of a path. Each answer is a clear 4xx, at once,
// without the server holding what it refused (issue 14).

// One server, the tests in order; a failure does not skip the rest.
test.describe.configure({ mode: "default" });

let server: ProductionServer;
const FORM_LIMIT = 65_536; // MAX_BODY_BYTES' default
const UPLOAD_LIMIT = 5 * 1024 * 1024 + 64 * 1024; // MAX_UPLOAD_BYTES plus the form around the file

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startProductionServer(3415, "hardening", { postgresPort: 54415 });
});

test.afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; sentWhenAnswered: number };

/** Streams `total` bytes as a chunked body (no Content-Length), stopping as soon as an answer arrives. */
function sendChunked(path: string, total: number, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, server.url), {
      method: "POST",
      headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded", ...headers, "transfer-encoding": "chunked" },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      response.resume();
      request.destroy();
      resolve({ status: response.statusCode ?? 0, sentWhenAnswered: sent });
    });
    // Writing on after the server has closed the connection fails: expected once it has answered.
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && sent < total) {
        const piece = sent === 0 ? Buffer.concat([Buffer.from("description="), chunk]) : chunk;
        sent += piece.length;
        if (!request.write(piece)) {
          request.once("drain", write);
          return;
        }
      }
      if (!answered) request.end();
    };
    write();
  });
}

/** The resident memory of the server's Node process (the one listening on its port), in bytes. */
function serverRss(): number {
  const port = new URL(server.url).port;
  const listing = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  if (!pid) throw new Error(`No process listens on ${port}: ${listing}`);
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kilobytes) * 1024;
}

test("14.2 body limit: chunked bodies get a 413 as soon as they pass the limit, and the server does not hold them", async () => {
  test.setTimeout(180_000);
  const body = 64 * 1024 * 1024;
  const before = serverRss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, serverRss())), 50);
  try {
    const answers = await Promise.all([sendChunked("/login", body), sendChunked("/suggest", body), sendChunked("/services/childline/report", body)]);
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect(answer.sentWhenAnswered).toBeLessThan(body);
    }
  } finally {
    clearInterval(sampler);
  }
  // Three bodies of 64 MB each: the server must not have kept even one of them.
  expect(peak - before).toBeLessThan(body / 2);
  // It still answers, at once.
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test("14.2 body limit: every route and method, multipart and single-fetch requests included", async () => {
  test.setTimeout(180_000);
  // A GET carrying a body, a route with no form, a single-fetch request, a multipart upload.
  // Bodies far larger than the limit, so that "answered before all was sent" cannot be the network's buffers.
  const body = 32 * 1024 * 1024;
  for (const path of ["/login.data", "/search", "/no/such/page", "/_root.data"]) {
    const answer = await sendChunked(path, body);
    expect(answer.status, path).toBe(413);
    expect(answer.sentWhenAnswered, path).toBeLessThan(body);
  }
  const multipart = { "content-type": "multipart/form-data; boundary=xyz" };
  for (const path of ["/moderation/import", "/moderation/import.data", "/MODERATION/%69mport"]) {
    const answer = await sendChunked(path, body + UPLOAD_LIMIT, multipart);
    expect(answer.status, path).toBe(413);
    expect(answer.sentWhenAnswered, path).toBeLessThan(body + UPLOAD_LIMIT);
  }
  // Within the limit, chunked or not, a form still gets through to its route.
  const withinLimit = `name=A+helpline&description=${"x".repeat(FORM_LIMIT - 1024)}`;
  for (const chunked of [false, true]) {
    const response = await new Promise<number>((resolve, reject) => {
      const request = http.request(new URL("/suggest", server.url), {
        method: "POST",
        headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(withinLimit.length) }) },
      });
      request.on("response", (answer) => (answer.resume(), resolve(answer.statusCode ?? 0)));
      request.on("error", reject);
      request.end(withinLimit);
    });
    // The suggestion form refuses a description that long: the route answered, not the limit.
    expect(response, `chunked: ${chunked}`).toBe(400);
  }
  // Compressed bodies would pass the limit compressed and grow past it unpacked: refused.
  const gzipped = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
    body: "email=a",
  });
  expect(gzipped.status).toBe(415);
});

test("23.3 single fetch: /moderation/import.data is limited as /moderation/import is; without a moderator's session both are held to a form's size", async () => {
  // A signed-in moderator's large upload through .data is in staff-import.spec.ts ("23.3 a file over 64 KB…").
  const file = `--xyz\r\nContent-Disposition: form-data; name="file"; filename="services.json"\r\nContent-Type: application/json\r\n\r\n${"x".repeat(132 * 1024)}\r\n--xyz--\r\n`;
  for (const path of ["/moderation/import", "/moderation/import.data", "/MODERATION/%69mport"]) {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { origin: server.url, "content-type": "multipart/form-data; boundary=xyz", cookie: "sid=forged.cookie" },
      body: file,
      redirect: "manual",
    });
    expect(response.status, path).toBe(413);
  }
});

test("14.16 bad bodies on the public forms: a 400 or 415 with a message, never a 500", async () => {
  const forms = ["/services/childline/report", "/suggest", "/request-access", "/login", "/reset-password", "/reset-password/not-a-token", "/invitations/not-a-token"];
  const bodies = [
    { type: "text/plain", body: "email=a@example.org", status: 415 },
    { type: "application/json", body: '{"email":"a@example.org"}', status: 415 },
    { type: "", body: "email=a@example.org", status: 415 },
    { type: "multipart/form-data; boundary=xyz", body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na', status: 400 },
    { type: "multipart/form-data", body: "--xyz--\r\n", status: 400 },
  ];
  const failuresBefore = server.output().split("\n").filter((line) => line.includes('"level":50')).length;
  for (const path of forms) {
    for (const { type, body, status } of bodies) {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { origin: server.url, ...(type ? { "content-type": type } : {}) },
        body: Buffer.from(body),
        redirect: "manual",
      });
      expect(response.status, `${path} ${type}`).toBe(status);
      expect(await response.text(), `${path} ${type}`).toContain(status === 415 ? "multipart/form-data" : "could not be read");
    }
  }
  const failures = server.output().split("\n").filter((line) => line.includes('"level":50'));
  expect(failures.slice(failuresBefore)).toEqual([]);
});

test("14.17 token masking: /P/<token> and /%70/<token> are logged without the token", async () => {
  const token = "qwertyuiopasdfghjkzxcvbnm2345678";
  for (const path of [`/P/${token}`, `/%70/${token}`, `/es/%50/${token}/print`, `/p/${token}.data`]) {
    await fetch(`${server.url}${path}`);
  }
  expect(server.output()).not.toContain(token);
});

test("14.20 every /p/ answer, whatever its status, is noindex and no-store", async () => {
  const paths = ["/p/no-such-pack", "/p/no-such-pack/print", "/es/p/no-such-pack", "/P/no-such-pack", "/%70/no-such-pack", "/p/no-such-pack.data", "/p/no-such-pack/print.data"];
  for (const path of paths) {
    for (const method of ["GET", "HEAD", "POST"]) {
      const response = await fetch(`${server.url}${path}`, { method, headers: { origin: server.url, "content-type": "application/x-www-form-urlencoded" }, ...(method === "POST" ? { body: "a=b" } : {}) });
      const what = `${method} ${path} (${response.status})`;
      expect(response.status, what).toBeGreaterThanOrEqual(400);
      expect(response.headers.get("x-robots-tag"), what).toContain("noindex");
      expect(response.headers.get("cache-control"), what).toContain("no-store");
      if (method === "GET" && !path.endsWith(".data")) {
        expect(await response.text(), what).toMatch(/<meta name="robots" content="noindex/);
      }
    }
  }
  // A refused body and a refused method on a pack's address too.
  const tooLarge = await sendChunked("/p/no-such-pack", 16 * 1024 * 1024);
  expect(tooLarge.status).toBe(413);
  const put = await fetch(`${server.url}/p/no-such-pack`, { method: "PUT" });
  expect(put.status).toBe(405);
  expect(put.headers.get("x-robots-tag")).toContain("noindex");
  expect(put.headers.get("cache-control")).toContain("no-store");
});

test("request targets: a path that looks like another host stays a path, an absolute address is a 400", async () => {
  const raw = (target: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request({ host: "localhost", port: new URL(server.url).port, path: target, method: "GET" });
      request.on("response", (answer) => (answer.resume(), resolve(answer.statusCode ?? 0)));
      request.on("error", reject);
      request.end();
    });
  expect(await raw("//evil.example/safety")).toBe(404);
  expect(await raw("http://evil.example/safety")).toBe(400);
});
