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
