import type { MessageKey } from "./messages.en.ts";

// The keys every public page uses. Spanish and French must translate each of
// them (a test checks); staff pages stay in English for now.
export const PUBLIC_KEY_PREFIXES = [
  "site.", "title.", "home.", "paths.", "search.", "emergency.", "category.", "audience.", "area.", "open.",
  "cost.", "contact.", "service.", "answer.", "sharing.", "weekday.", "error.", "safety.", "report.", "suggest.",
  "verification.", "pack.", "form.", "access.", "feature.", "filter.",
] as const;

type PublicKey = Extract<MessageKey, `${(typeof PUBLIC_KEY_PREFIXES)[number]}${string}`>;
export type PublicMessages = Record<PublicKey, string>;

export function isPublicKey(key: string): boolean {
  return PUBLIC_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}
