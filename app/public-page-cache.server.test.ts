import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  PAGE_CACHE_SECONDS,
  PageCache,
  isCacheablePageRequest,
  pageCacheKey,
  policyWithScriptHashes,
  preparePage,
} from "./public-page-cache.server.ts";
import { isNotModified } from "./http-caching.server.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

describe("which requests may be served from the cache", () => {
  test.each([
    ["GET", "/", true],
    ["HEAD", "/es/search", true],
    ["GET", "/services/childline", true],
    ["GET", "/fr/help/talk-now", true],
    ["GET", "/safety", true],
    ["POST", "/search", false],
    ["GET", "/services/childline/report", false],
    ["GET", "/p/some-token", false],
    ["GET", "/moderation", false],
    ["GET", "/search.data", false],
  ])("%s %s → %s", (method, path, expected) => {
    expect(isCacheablePageRequest(method, path, undefined)).toBe(expected);
  });

  test("never for staff: anyone with a session cookie gets a fresh page", () => {
    expect(isCacheablePageRequest("GET", "/search", "theme=dark; sid=abc.def")).toBe(false);
    expect(isCacheablePageRequest("GET", "/search", "theme=dark")).toBe(true);
  });
});

test("the key holds the address and, for pages without a language in it, the language that would be suggested", () => {
  expect(pageCacheKey("/search?country=GB", "fr-FR,fr;q=0.9")).toBe("fr /search?country=GB");
  expect(pageCacheKey("/search?country=GB", "en-GB")).toBe("- /search?country=GB");
  expect(pageCacheKey("/es/search?country=ES", "fr")).toBe("- /es/search?country=ES");
});

test("a cached page's policy names each inline script by its hash instead of the nonce", () => {
  const html = `<script nonce="n1">window.a=1</script><script type="module" src="/assets/x.js"></script><script nonce="n1" type="module">import("/assets/y.js")</script>`;
  const policy = policyWithScriptHashes("default-src 'self'; script-src 'self' 'nonce-n1'; style-src 'self'", html);
  expect(policy).toBe(
    `default-src 'self'; script-src 'self' 'sha256-${sha256("window.a=1")}' 'sha256-${sha256('import("/assets/y.js")')}'; style-src 'self'`,
  );
  expect(policy).not.toContain("nonce");
});

describe("preparing a page", () => {
  const headers = (extra: Record<string, string> = {}) =>
    new Headers({ "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self' 'nonce-x'", ...extra });

  test("keeps an ordinary page, with caching headers and an ETag of its content", () => {
    const page = preparePage(headers(), Buffer.from("<p>hello</p>"), 0)!;
    // 23.9: browsers revalidate every time, so a taken-down listing is never shown from their cache.
    expect(page.headers["cache-control"]).toBe("private, no-cache");
    expect(page.etag).toMatch(/^"[\w-]{27}"$/);
    expect(preparePage(headers(), Buffer.from("<p>hello</p>"), 5)!.etag).toBe(page.etag);
    expect(preparePage(headers(), Buffer.from("<p>other</p>"), 5)!.etag).not.toBe(page.etag);
  });

  test("never keeps a page that sets a cookie, says no-store, or is not HTML", () => {
    expect(preparePage(headers({ "set-cookie": "sid=1" }), Buffer.from("x"), 0)).toBeNull();
    expect(preparePage(headers({ "cache-control": "no-store" }), Buffer.from("x"), 0)).toBeNull();
    expect(preparePage(new Headers({ "content-type": "application/json" }), Buffer.from("{}"), 0)).toBeNull();
  });
});

test("If-None-Match matches the ETag, weak or in a list, and nothing else", () => {
  expect(isNotModified('"abc"', '"abc"')).toBe(true);
  expect(isNotModified('W/"abc", "def"', '"abc"')).toBe(true);
  expect(isNotModified('"def"', '"abc"')).toBe(false);
  expect(isNotModified(undefined, '"abc"')).toBe(false);
});

test("pages expire after PAGE_CACHE_SECONDS, and the least recently used go first", () => {
  const cache = new PageCache();
  const page = preparePage(new Headers({ "content-type": "text/html" }), Buffer.from("x"), 1000)!;
  cache.set("a", page);
  expect(cache.get("a", 1000 + PAGE_CACHE_SECONDS * 1000)).toBe(page);
  expect(cache.get("a", 1001 + PAGE_CACHE_SECONDS * 1000)).toBeUndefined();
  for (let index = 0; index < 501; index += 1) cache.set(`page-${index}`, { ...page, storedAt: 2000 });
  expect(cache.size).toBe(500);
  expect(cache.get("page-0", 2000)).toBeUndefined();
  expect(cache.get("page-500", 2000)).toBeDefined();
});
