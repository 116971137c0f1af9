import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { generateTOTP } from "@oslojs/otp";

// Staff accounts and sessions for end-to-end tests, written straight into the
// e2e server's database with the app's own modules (Epic Stack's approach), so
// tests sign in without clicking through the form every time.

const E2E_POSTGRES_PORT = process.env.E2E_POSTGRES_PORT ?? "54349";
process.env.DATABASE_URL ??= `postgresql://signpost:signpost-local@127.0.0.1:${E2E_POSTGRES_PORT}/signpost`;
// Must match scripts/e2e-server.sh, so both sides can read TOTP secrets.
process.env.SECRET_KEY = process.env.E2E_SECRET_KEY ?? "ZTJlLW9ubHktc2VjcmV0LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

export const STAFF_PASSWORD = "an end to end test passphrase";
type Role = "admin" | "moderator" | "caseworker";

export type TestStaff = { id: string; email: string; totpKey: Uint8Array | null };

export async function createStaff(roles: Role[], options: { twoFactor?: boolean } = {}): Promise<TestStaff> {
  const { createUserWithPassword } = await import("#app/modules/accounts/users.server.ts");
  const { enableTwoFactor, generateTotpSecret } = await import("#app/modules/accounts/two-factor.server.ts");
  const email = `${roles.join("-")}-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const user = await createUserWithPassword({ email, name: `Test ${roles.join(" and ")}`, password: STAFF_PASSWORD, roles });
  let totpKey: Uint8Array | null = null;
  if (options.twoFactor) {
    totpKey = generateTotpSecret();
    await enableTwoFactor(user.id, totpKey);
  }
  return { id: user.id, email, totpKey };
}

/** A signed-in session cookie value (two-factor already checked where the account has it). */
export async function sessionCookieFor(staff: TestStaff): Promise<string> {
  const { createSession } = await import("#app/modules/accounts/sessions.server.ts");
  const { token } = await createSession(staff.id, { twoFactorVerified: staff.totpKey !== null });
  return `sid=${token}`;
}

export function currentCode(key: Uint8Array): string {
  return generateTOTP(key, 30, 6);
}

export async function serviceIdFor(slug: string): Promise<string> {
  const { prisma } = await import("#app/db.server.ts");
  return (await prisma.service.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** A pending revision of a listing, changed only in its description, by `author`. */
export async function proposeEdit(author: TestStaff, slug: string, reason: string): Promise<string> {
  const { currentListing } = await import("#app/modules/moderation/snapshot.server.ts");
  const { submitRevision, latestRevisionNumber } = await import("#app/modules/moderation/revisions.server.ts");
  const serviceId = await serviceIdFor(slug);
  const listing = (await currentListing(serviceId))!;
  // Tests run in parallel: when another saved first, try again on the newer revision.
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await submitRevision({
      serviceId,
      baseNumber: await latestRevisionNumber(serviceId),
      listing: { ...listing, description: `${listing.description} (${reason})` },
      reason,
      author: { id: author.id, email: author.email },
    });
    if (result.kind === "saved") return result.revisionId;
    if (result.kind === "invalid") throw new Error(`Could not propose an edit: ${JSON.stringify(result.issues)}`);
  }
  throw new Error("Could not propose an edit: the listing kept changing");
}

/** Puts a signed-in session into a browser context. */
export async function signInContext(context: import("@playwright/test").BrowserContext, staff: TestStaff, baseURL: string) {
  const cookie = await sessionCookieFor(staff);
  await context.addCookies([{ name: "sid", value: cookie.slice("sid=".length), url: baseURL }]);
}

export async function createListFor(owner: TestStaff, name: string): Promise<string> {
  const { createList } = await import("#app/modules/referrals/lists.server.ts");
  return (await createList({ id: owner.id, email: owner.email, organizationId: null }, name)).id;
}

export async function createStaffOrganizationNamed(name: string): Promise<string> {
  const { prisma } = await import("#app/db.server.ts");
  return (await prisma.staffOrganization.create({ data: { name, country: "GB", kind: "CHARITY" } })).id;
}

// Must match scripts/e2e-server.sh: the server writes each email there as JSON (no SMTP in tests).
const MAIL_OUTBOX_DIR = process.env.E2E_MAIL_OUTBOX_DIR ?? `.data/e2e-mail-${process.env.E2E_PORT ?? 3100}`;
export type OutboxMail = { to: string; subject: string; text: string };

/** The emails sent to `email` so far. */
export function mailsTo(email: string): OutboxMail[] {
  if (!fs.existsSync(MAIL_OUTBOX_DIR)) return [];
  return fs
    .readdirSync(MAIL_OUTBOX_DIR)
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(MAIL_OUTBOX_DIR, name), "utf8")) as OutboxMail)
    .filter((mail) => mail.to === email.toLowerCase());
}

/** The first email to `email`, once the server's background job has written it. */
export async function mailTo(email: string): Promise<OutboxMail> {
  await expect.poll(() => mailsTo(email).length, { timeout: 60_000 }).toBeGreaterThan(0);
  return mailsTo(email)[0]!;
}
