import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";

// Random strings for session ids, session secrets and one-time links, as
// lucia-auth.com recommends: 24 characters from a 32-letter alphabet (120 bits)
// from the operating system's CSPRNG. Only SHA-256 hashes of secrets are stored.

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l, o, 0, 1: easy to read aloud

export function randomString(length = 24): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let result = "";
  for (const byte of bytes) result += ALPHABET[byte >> 3];
  return result;
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares a presented secret with a stored hash in time independent of where they differ. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  return presented.length === storedHash.length && constantTimeEqual(presented, storedHash);
}
