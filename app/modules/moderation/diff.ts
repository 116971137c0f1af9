// A field-by-field comparison of two listings, for reviewers. Phone numbers,
// web addresses and emails are marked: they are what an attacker would change.

export type FieldChange = { path: string; before: string; after: string; sensitive: boolean };

type Json = null | string | number | boolean | Json[] | { [key: string]: Json };

function flatten(value: unknown, prefix: string, into: Map<string, string>) {
  if (value === undefined || value === null || value === "") return;
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== "object" || item === null)) {
      into.set(prefix, value.join(", "));
      return;
    }
    value.forEach((item, index) => flatten(item, `${prefix}[${index}]`, into));
    return;
  }
  if (typeof value === "object") {
    for (const [key, child] of Object.entries(value as Record<string, Json>)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, into);
    }
    return;
  }
  into.set(prefix, String(value));
}

const SENSITIVE_PATH = /(contactChannels\[\d+\]\.value|website|sourceUrl|email)$/;
const LOOKS_LIKE_CONTACT = /^(https?:\/\/|mailto:|tel:|\+?[\d\s().-]{3,}$)|@/i;

// Timestamps that verification manages are not part of what a reviewer approves.
const IGNORED = new Set(["lastVerifiedAt", "status"]);

export function diffListings(before: unknown, after: unknown): FieldChange[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  flatten(before, "", left);
  flatten(after, "", right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].filter((path) => !IGNORED.has(path));
  return paths
    .filter((path) => left.get(path) !== right.get(path))
    .map((path) => {
      const was = left.get(path) ?? "";
      const now = right.get(path) ?? "";
      return { path, before: was, after: now, sensitive: SENSITIVE_PATH.test(path) || LOOKS_LIKE_CONTACT.test(now) };
    });
}
