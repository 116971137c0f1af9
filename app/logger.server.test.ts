import { expect, test } from "vitest";
import { loggablePath } from "./logger.server.ts";

test("a logged path has no query string and no token", () => {
  expect(loggablePath("/search?country=GB&q=abuse")).toBe("/search");
  expect(loggablePath("/p/abcdefghijkmnpqrstuvwxyz23456789/print")).toBe("/p/:token/print");
  expect(loggablePath("/es/p/abcdefghijkmnpqrstuvwxyz23456789")).toBe("/es/p/:token");
  expect(loggablePath("/invitations/abcdefghijkmnpqrstuvwxyz23456789")).toBe("/invitations/:token");
  expect(loggablePath("/reset-password/abc?x=1")).toBe("/reset-password/:token");
  expect(loggablePath("/services/childline")).toBe("/services/childline");
});

test("17 token masking: matched as the router matches, case-insensitively and after decoding", () => {
  const token = "abcdefghijkmnpqrstuvwxyz23456789";
  expect(loggablePath(`/P/${token}`)).toBe("/p/:token");
  expect(loggablePath(`/%70/${token}`)).toBe("/p/:token");
  expect(loggablePath(`/%50/${token}/print`)).toBe("/p/:token/print");
  expect(loggablePath(`/ES/p/${token}`)).toBe("/ES/p/:token");
  expect(loggablePath(`/p/${token}.data`)).toBe("/p/:token");
  expect(loggablePath(`/p/${token}/print.data`)).toBe("/p/:token/print");
  expect(loggablePath(`//p/${token}`)).toBe("/p/:token");
  expect(loggablePath(`/p/${token}/`)).toBe("/p/:token");
  expect(loggablePath(`/Invitations/${token}`)).toBe("/invitations/:token");
  expect(loggablePath(`/reset-%50assword/${token}`)).toBe("/reset-password/:token");
  // A malformed escape is no route to the router either; it must not throw.
  expect(() => loggablePath(`/p/%E0%A4%A/${token}`)).not.toThrow();
});
