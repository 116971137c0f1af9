import nodemailer from "nodemailer";
import { parseEnv } from "#app/env.server.ts";

// Invitations and password resets are emailed when SMTP_URL is set. Otherwise
// the caller shows the link to the admin, and it is written to the development log.

export type Mail = { to: string; subject: string; text: string };

export async function sendMail(mail: Mail): Promise<"sent" | "not-configured"> {
  const env = parseEnv();
  if (!env.SMTP_URL) {
    if (env.NODE_ENV !== "production") console.info(`[mail not configured] To ${mail.to}: ${mail.subject}\n${mail.text}`);
    return "not-configured";
  }
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  return "sent";
}
