import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, 1 lane).
// Passwords are 12–128 characters, with no composition rules, and none of the
// most common passwords (zxcvbn-ts's list of ~49,000, shipped in npm: no network call).

// algorithm 2 is Argon2id (a const enum in the package typings, unusable with verbatimModuleSyntax).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const commonPasswords = new Set((dictionary["passwords-common"] as string[]).map((word) => word.toLowerCase()));

// Few common passwords are 12 characters long, so a common word padded to
// length ("iloveyou1234", "password!!!!") counts as common too.
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, "");
  if (base.length >= 4 && commonPasswords.has(base)) return true;
  return new Set(lower).size <= 2;
}

export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  if (isCommon(password)) return "This password is too common. Choose another one.";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Checked when the account does not exist, so that a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-used-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
