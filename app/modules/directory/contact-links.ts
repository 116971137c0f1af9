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
      return /^[^\s@]+@[^\s@]+$/.test(value) ? `mailto:${value}` : undefined;
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

/** Keeps digits, a leading + and the * and # of short codes. */
function dialable(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/[^0-9*#]/g, "");
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}
