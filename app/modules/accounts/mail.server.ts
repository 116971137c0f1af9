import fs from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { runAfterResponse } from "#app/background-jobs.server.ts";
import { parseEnv } from "#app/env.server.ts";

// Invitations and password resets are emailed when SMTP_URL is set, after the
// answer to the request that asked for them (a slow or silent mail server must
// neither hold up nor time the answer). Without SMTP_URL nothing is delivered:
// the caller shows the link to the admin, and the mail is written to
// MAIL_OUTBOX_DIR when set (tests read it there) or to the development log.

export type Mail = { to: string; subject: string; text: string };
export type Delivery = "sent" | "not-configured";

/** Queues the mail; "sent" means it will go by SMTP, "not-configured" that nobody will receive it. */
export function sendMailAfterResponse(mail: Mail): Delivery {
  runAfterResponse("mail", () => deliverMail(mail));
  return parseEnv().SMTP_URL ? "sent" : "not-configured";
}

/** Hands the mail to the transport now: only from a background job. */
export async function deliverMail(mail: Mail): Promise<void> {
  const env = parseEnv();
  if (env.SMTP_URL) {
    const transport = nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  if (env.MAIL_OUTBOX_DIR) {
    await fs.mkdir(env.MAIL_OUTBOX_DIR, { recursive: true });
    const file = path.join(env.MAIL_OUTBOX_DIR, `${Date.now()}-${randomUUID()}.json`);
    await fs.writeFile(file, JSON.stringify({ from: env.MAIL_FROM, ...mail, date: new Date().toISOString() }, null, 2));
    return;
  }
  if (env.NODE_ENV !== "production") console.info(`[mail not configured] To ${mail.to}: ${mail.subject}\n${mail.text}`);
}
