import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";

// Secrets at rest (TOTP secrets, recovery codes) are encrypted with AES-256-GCM
// under a key derived from SECRET_KEY; client addresses in the audit log are a
// keyed hash, so they can be compared but never read back.

// Development and tests only: production refuses to start without SECRET_KEY.
const DEVELOPMENT_KEY = "signpost-development-key-not-for-production-use";

function rootKey(): Buffer {
  const configured = process.env.SECRET_KEY;
  if (configured) return Buffer.from(configured, "base64");
  if (process.env.NODE_ENV === "production") throw new Error("SECRET_KEY is not set");
  return Buffer.from(DEVELOPMENT_KEY);
}

/** A separate key for each use, so that one use can never be turned into another. */
function derivedKey(purpose: string): Buffer {
  return createHash("sha256").update(rootKey()).update(`\0${purpose}`).digest();
}

const VERSION = "v1";

export function encrypt(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("encryption"), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(".");
}

export function decrypt(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("Not an encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", derivedKey("encryption"), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}

/** The audit log's stand-in for a client address: equal addresses give equal hashes. */
export function hashClientAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  return createHmac("sha256", derivedKey("client-address")).update(address).digest("base64url").slice(0, 22);
}

/** A failure throttle's key for an email and/or a client address: comparable, never readable. */
export function throttleKey(...parts: string[]): string {
  return createHmac("sha256", derivedKey("throttle")).update(parts.join("\0")).digest("base64url").slice(0, 32);
}
