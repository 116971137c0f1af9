import { expect, test } from "vitest";
import { contactHref } from "./contact-links.ts";

test("phone and text numbers become dialable links", () => {
  expect(contactHref("PHONE", "0800 1111")).toBe("tel:08001111");
  expect(contactHref("PHONE", "+1 (800) 422-4453")).toBe("tel:+18004224453");
  expect(contactHref("SMS", "686868")).toBe("sms:686868");
});

test("only web and mail links are produced, never script links", () => {
  expect(contactHref("CHAT", "https://example.org/chat")).toBe("https://example.org/chat");
  expect(contactHref("WEB_FORM", "javascript:alert(1)")).toBeUndefined();
  expect(contactHref("APP", "data:text/html,hi")).toBeUndefined();
  expect(contactHref("EMAIL", "help@example.org")).toBe("mailto:help@example.org");
  expect(contactHref("EMAIL", "not an address")).toBeUndefined();
  expect(contactHref("WALK_IN", "1 High Street")).toBeUndefined();
});

test("a listing refuses contacts that cannot work", async () => {
  const { ListingSchema } = await import("./listing.server.ts");
  const { buildListing } = await import("#tests/factories.ts");
  const check = (channel: object) =>
    ListingSchema.safeParse(buildListing({ contactChannels: [channel as never] })).error?.issues.map((issue) => issue.message) ?? [];
  expect(check({ kind: "WEB_FORM", value: "javascript:alert(1)" })).toEqual(["A web address starting with https://"]);
  expect(check({ kind: "PHONE", value: "call us" })).toEqual(["A phone number: digits, spaces and + ( ) - only."]);
  expect(check({ kind: "EMAIL", value: "help at example" })).toEqual(["An email address such as help@example.org."]);
  expect(check({ kind: "PHONE", value: "+44 (0)800 1111" })).toEqual([]);
});

test("18 mailto: an email contact's link keeps only the address, never ?bcc= or ?body=", () => {
  expect(contactHref("EMAIL", "help@example.org?bcc=spy@evil.example")).toBe("mailto:help@example.org");
  expect(contactHref("EMAIL", "help@example.org?body=Send%20your%20photos&subject=hi")).toBe("mailto:help@example.org");
  expect(contactHref("EMAIL", " help@example.org#cc=spy@evil.example ")).toBe("mailto:help@example.org");
  // What comes before the ? is no address at all: no link rather than a link that writes to someone else.
  expect(contactHref("EMAIL", "help?bcc=spy@evil.example")).toBeUndefined();
  expect(contactHref("EMAIL", "help%3Fbcc%3Dspy@evil.example")).toBeUndefined();
  expect(contactHref("EMAIL", "help@example.org,spy@evil.example")).toBeUndefined();
});
