// Turns a contact channel into a link a phone or browser can act on. Only
// tel:, sms:, mailto: and http(s) links are ever produced, so a tampered value
// cannot become a javascript: link.

export type ContactKind = "PHONE" | "SMS" | "CHAT" | "EMAIL" | "WEB_FORM" | "WALK_IN" | "APP";

export function contactHref(kind: ContactKind, value: string): string | undefined {
  switch (kind) {
    case "PHONE":
      return `tel:${dialable(value)}`;
    case "SMS":
      return `sms:${dialable(value)}`;
    case "EMAIL":
      return mailtoHref(value);
    case "CHAT":
    case "WEB_FORM":
    case "APP":
      return isWebUrl(value) ? value : undefined;
    case "WALK_IN":
      return undefined;
  }
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

// An address as a browser's type="email" field takes it, less the characters
// that mean something in a mailto: link (? & # % ,), so a value cannot add
// ?bcc= or ?body= to the mail a visitor writes.
const EMAIL_ADDRESS = /^[A-Za-z0-9.!$'*+/=^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Only the address: whatever follows a ? or # is dropped; no link when what is left is not an address. */
function mailtoHref(value: string): string | undefined {
  const address = value.trim().split(/[?#]/)[0]!;
  return EMAIL_ADDRESS.test(address) ? `mailto:${address}` : undefined;
}

/** Keeps digits, a leading + and the * and # of short codes. */
function dialable(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[^0-9*#]/g, "");
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}
