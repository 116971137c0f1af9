import { describe, expect, test } from "vitest";
import { safeRedirect } from "./redirects.ts";

describe("where a sign-in link may send someone", () => {
  test("14.4 open redirect: anything a browser would read as another origin falls back to the default", () => {
    for (const target of [
      "/\t/evil.example/phish", // browsers drop the tab and follow //evil.example
      "/\t\\evil.example",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/.//evil.example", // the URL parser turns it into //evil.example
      "/\\evil.example",
      "//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/\u0000x",
      "/x\u007f",
    ]) {
      expect(safeRedirect(target, "/caseworker"), JSON.stringify(target)).toBe("/caseworker");
    }
    expect(safeRedirect(null, "/admin")).toBe("/admin");
    expect(safeRedirect("", "/admin")).toBe("/admin");
  });

  test("14.4 open redirect: same-origin paths are kept, normalised so that any header can carry them", () => {
    expect(safeRedirect("/moderation/services?page=2#top", "/")).toBe("/moderation/services?page=2#top");
    expect(safeRedirect("/caseworker/lists/a/../b", "/")).toBe("/caseworker/lists/b");
    // Unusual Unicode is percent-encoded, never passed raw into a Location header.
    expect(safeRedirect("/search?q=caf\u00e9\u2028", "/")).toBe("/search?q=caf%C3%A9%E2%80%A8");
    expect(safeRedirect("/\u{1F600}", "/")).toBe("/%F0%9F%98%80");
    expect(safeRedirect("/%2F%2Fevil.example", "/")).toBe("/%2F%2Fevil.example");
  });
});
