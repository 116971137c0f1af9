import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "#app/db.server.ts";
import { backgroundJobsIdle } from "#app/background-jobs.server.ts";
import { createStaffUser } from "#tests/factories.ts";
import { acceptInvitation, createInvitation, requestPasswordReset } from "./invitations.server.ts";
import { verifyPassword } from "./passwords.server.ts";
import { createSession, validateSessionToken } from "./sessions.server.ts";

// Links sent to people (invitations, resets): where they point, what they may
// change, and what the request for one gives away.

const PUBLIC_URL = "https://signpost.example.org";
let outbox: string;
const saved = { ...process.env };

beforeEach(() => {
  outbox = fs.mkdtempSync(path.join(os.tmpdir(), "signpost-outbox-"));
  process.env.PUBLIC_URL = PUBLIC_URL;
  process.env.MAIL_OUTBOX_DIR = outbox;
  delete process.env.SMTP_URL;
});

afterEach(async () => {
  await backgroundJobsIdle();
  process.env = { ...saved };
  fs.rmSync(outbox, { recursive: true, force: true });
});

type OutboxMail = { to: string; subject: string; text: string };
function mailsTo(email: string): OutboxMail[] {
  return fs
    .readdirSync(outbox)
    .map((name) => JSON.parse(fs.readFileSync(path.join(outbox, name), "utf8")) as OutboxMail)
    .filter((mail) => mail.to === email);
}

describe("14.1 links are built from the configured public origin", () => {
  test("14.1 invitation and reset links start with PUBLIC_URL", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const invitation = await createInvitation({ email: "new.person@example.org", roles: ["caseworker"] }, admin);
    if (invitation.kind !== "created") throw new Error(invitation.kind);
    expect(invitation.link).toMatch(new RegExp(`^${PUBLIC_URL}/invitations/[a-z2-9]{32}$`));
    const user = await createStaffUser({ roles: ["caseworker"] });
    await requestPasswordReset(user.email, {});
    await backgroundJobsIdle();
    const [invited] = mailsTo("new.person@example.org");
    const [reset] = mailsTo(user.email);
    expect(invited!.text).toContain(invitation.link);
    expect(reset!.text).toMatch(new RegExp(`${PUBLIC_URL}/reset-password/[a-z2-9]{32}\\n`));
  });
});

describe("14.12 an invitation never takes over an existing account", () => {
  test("14.12 inviting an email that has an account is refused", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const existing = await createStaffUser({ roles: ["caseworker"] });
    const result = await createInvitation({ email: existing.email.toUpperCase(), roles: ["admin"] }, admin);
    expect(result).toEqual({ kind: "account-exists", userId: existing.id });
    expect(await prisma.accountToken.count({ where: { email: existing.email, purpose: "INVITATION" } })).toBe(0);
  });

  test("14.12 an invitation accepted after the account came to exist changes neither its password, roles nor sessions", async () => {
    const admin = await createStaffUser({ roles: ["admin"] });
    const invitation = await createInvitation({ email: "later@example.org", roles: ["admin"] }, admin);
    if (invitation.kind !== "created") throw new Error(invitation.kind);
    const existing = await createStaffUser({ roles: ["caseworker"], email: "later@example.org", password: "the owner's own passphrase" });
    const session = await createSession(existing.id, { twoFactorVerified: false });

    const token = invitation.link.split("/").pop()!;
    expect(await acceptInvitation(token, { name: "Attacker", password: "the attacker's passphrase" })).toEqual({ kind: "account-exists" });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: existing.id }, include: { roles: { include: { role: true } } } });
    expect(await verifyPassword(after.passwordHash!, "the owner's own passphrase")).toBe(true);
    expect(after.roles.map(({ role }) => role.name)).toEqual(["caseworker"]);
    expect(after.name).toBe(existing.name);
    expect(await validateSessionToken(session.token)).not.toBeNull();
  });
});

describe("14.13 a reset request answers before any work that depends on the account", () => {
  test("14.13 the answer does not wait for the mail server; the mail goes afterwards", async () => {
    // An SMTP server that accepts connections and never says a word.
    const sockets: net.Socket[] = [];
    let connected!: () => void;
    const reached = new Promise<void>((resolve) => (connected = resolve));
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    try {
      const user = await createStaffUser({ roles: ["caseworker"] });
      let answered = false;
      const answer = requestPasswordReset(user.email, {}).then(() => (answered = true));
      await reached;
      // The mail transport is now stuck on the greeting, and the requester already has the answer.
      expect(answered).toBe(true);
      await answer;
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test("14.13 known and unknown emails get the same answer; only the known one gets a link, afterwards", async () => {
    const user = await createStaffUser({ roles: ["caseworker"] });
    expect(await requestPasswordReset(user.email, {})).toBeUndefined();
    expect(await requestPasswordReset("nobody@example.org", {})).toBeUndefined();
    await backgroundJobsIdle();
    expect(await prisma.accountToken.count({ where: { userId: user.id, purpose: "PASSWORD_RESET" } })).toBe(1);
    expect(mailsTo(user.email)).toHaveLength(1);
    expect(mailsTo("nobody@example.org")).toHaveLength(0);
  });
});
