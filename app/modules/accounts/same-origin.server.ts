// CSRF protection without tokens: a request that changes anything must come
// from our own pages. Browsers send Origin with every POST; Sec-Fetch-Site is
// the fallback. A request with neither is refused.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isAllowedMutation(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === new URL(request.url).host;
    } catch {
      return false;
    }
  }
  return request.headers.get("sec-fetch-site") === "same-origin";
}
