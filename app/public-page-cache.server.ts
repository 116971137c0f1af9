import { createHash } from "node:crypto";
import { EventEmitter } from "node:events";
import { gzipSync } from "node:zlib";
import { suggestedLocale, isLocale, DEFAULT_LOCALE } from "#app/modules/i18n/translate.ts";
import { sessionCookieName } from "#app/modules/accounts/sessions.server.ts";
import { etagOf } from "#app/http-caching.server.ts";


// Public pages carry no per-person data: the same address (and language
// suggestion) gives the same page to everyone. The production server keeps
// each rendered page for a few seconds and serves it again, compressed once,
// with an ETag so that a browser's second visit gets a bodiless 304.
//
// A cached body cannot carry a fresh nonce, so cached pages carry a
// Content-Security-Policy that lists the SHA-256 hash of each inline script
// instead: just as strict (only those exact scripts run), and safe to repeat.
// Staff (anyone with a session cookie) are never served from the cache, and
// neither are referral packs (their tokens can be revoked) nor forms.

/** How long this server serves a page again (a takedown clears it at once). */
export const PAGE_CACHE_SECONDS = 30;
// Browsers ask again every time (a bodiless 304 while nothing changed), so a
// listing taken down for safety is never shown again from a browser's cache.
export const CACHE_CONTROL = "private, no-cache";
const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 512 * 1024;

const CACHEABLE_PATH = /^(?:\/(?:es|fr))?(?:\/|\/search|\/safety|\/help\/[a-z0-9-]+|\/services\/[a-z0-9-]+)$/;

export function isCacheablePageRequest(method: string, pathname: string, cookieHeader: string | undefined): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (!CACHEABLE_PATH.test(pathname)) return false;
  return !cookieHeader?.split(";").some((part) => part.trim().startsWith(`${sessionCookieName()}=`));
}

/**
 * The address, and the language the page would suggest from Accept-Language
 * (only pages without a language in their address suggest one).
 */
export function pageCacheKey(url: string, acceptLanguage: string | undefined): string {
  const prefix = /^\/(es|fr)(?:\/|$|\?)/.exec(url)?.[1];
  const locale = prefix && isLocale(prefix) ? prefix : DEFAULT_LOCALE;
  const suggestion = prefix ? null : suggestedLocale(acceptLanguage ?? null, locale);
  return `${suggestion ?? "-"} ${url}`;
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** The policy with the page's nonce replaced by the hash of every inline script on it. */
export function policyWithScriptHashes(policy: string, html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    (match) => `'sha256-${createHash("sha256").update(match[1] ?? "").digest("base64")}'`,
  );
  return policy.replace(/\s*'nonce-[^']*'/, hashes.length > 0 ? ` ${[...new Set(hashes)].join(" ")}` : "");
}

export type CachedPage = {
  headers: Record<string, string>;
  body: Buffer;
  /** Made on the first request that accepts gzip: most pages of a burst of different searches are never asked for twice. */
  gzipped: Buffer | null;
  etag: string;
  storedAt: number;
};

/** A rendered 200 page, made ready to serve again; null when it must not be kept. */
export function preparePage(headers: Headers, body: Buffer, now: number): CachedPage | null {
  if (headers.has("set-cookie") || body.length > MAX_BODY_BYTES) return null;
  if (!headers.get("content-type")?.startsWith("text/html")) return null;
  if (/no-store|private-data/.test(headers.get("cache-control") ?? "")) return null;
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    kept[name] = value;
  });
  const policy = kept["content-security-policy"];
  if (policy) kept["content-security-policy"] = policyWithScriptHashes(policy, body.toString("utf8"));
  kept["cache-control"] = CACHE_CONTROL;
  kept.vary = "Accept-Encoding, Accept-Language";
  const etag = etagOf(body);
  kept.etag = etag;
  return { headers: kept, body, gzipped: null, etag, storedAt: now };
}

export function gzippedBody(page: CachedPage): Buffer {
  page.gzipped ??= gzipSync(page.body);
  return page.gzipped;
}

/** Least recently used pages go first; every page goes after PAGE_CACHE_SECONDS. */
export class PageCache {
  private pages = new Map<string, CachedPage>();

  get(key: string, now: number): CachedPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    this.pages.delete(key);
    if (now - page.storedAt > PAGE_CACHE_SECONDS * 1000) return undefined;
    this.pages.set(key, page);
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > MAX_ENTRIES) this.pages.delete(this.pages.keys().next().value!);
  }

  clear(): void {
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}

// A moderator's change shows at once on this instance (other instances within
// PAGE_CACHE_SECONDS). The app's build and the server script each load this
// module, so they meet through one emitter kept on globalThis.
const directoryEvents: EventEmitter = ((globalThis as Record<symbol, unknown>)[Symbol.for("signpost.directoryEvents")] ??= new EventEmitter()) as EventEmitter;

export function announceDirectoryChange(): void {
  directoryEvents.emit("changed");
}

export function onDirectoryChange(listener: () => void): void {
  directoryEvents.on("changed", listener);
}
