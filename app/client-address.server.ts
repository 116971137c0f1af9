// The client's address, for rate limits and (hashed) the audit log.

/**
 * Behind `trustedHops` reverse proxies that each append to X-Forwarded-For,
 * the client is the entry that many places from the right; everything to its
 * left was written by the client and proves nothing. Express's `trust proxy`
 * with a hop count reads it the same way. Without trusted proxies, or without
 * the header, it is the socket's own address.
 */
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, trustedHops: number): string | null {
  const forwarded = trustedHops > 0 && forwardedFor ? forwardedFor.split(",").map((entry) => entry.trim()).filter(Boolean) : [];
  // Nearest first: the socket (the last proxy), then the header from right to left.
  const chain = [socketAddress, ...forwarded.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)] || null;
}
