import { createHash } from "node:crypto";

// ETags for what we serve again (public pages, the HSDS API): one way to make
// them and one way to read If-None-Match.

/** A strong ETag of the body's content. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** True when the browser's copy (If-None-Match) is this content. */
export function isNotModified(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}
