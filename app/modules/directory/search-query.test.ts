import { describe, expect, test } from "vitest";
import { REPEATABLE_SEARCH_PARAMS, SearchQuerySchema } from "./search.server.ts";
import { parseSearchParams } from "#app/validation.server.ts";

function parse(search: string) {
  return parseSearchParams(new URLSearchParams(search), SearchQuerySchema, REPEATABLE_SEARCH_PARAMS);
}

function problemsOf(search: string): string[] {
  try {
    parse(search);
  } catch (thrown) {
    const response = thrown as { init: { status: number }; data: { problems: { field: string }[] } };
    expect(response.init.status).toBe(400);
    return response.data.problems.map((problem) => problem.field);
  }
  throw new Error(`expected ${search} to be refused`);
}

const NO_FILTERS = { contact: [], access: [], always: false, free: false, anonymous: false, no_parent: false };

describe("search parameters", () => {
  test("reads every parameter, with repeatable categories", () => {
    expect(parse("country=fr&region=fr-69&category=counselling&category=legal-help&audience=teenagers&q=%20aide%20&page=2")).toEqual({
      country: "FR",
      region: "FR-69",
      category: ["counselling", "legal-help"],
      audience: "teenagers",
      q: "aide",
      page: 2,
      ...NO_FILTERS,
    });
  });

  test("reads the place, opening and contact filters", () => {
    expect(
      parse("near=%20Leeds%20&lat=53.8&lng=-1.55&radius=10&open=now&always=1&contact=call&contact=chat&free=1&anonymous=1&no_parent=1&access=step-free&access=easy-read"),
    ).toMatchObject({
      near: "Leeds",
      lat: 53.8,
      lng: -1.55,
      radius: 10,
      open: "now",
      always: true,
      contact: ["call", "chat"],
      free: true,
      anonymous: true,
      no_parent: true,
      access: ["step-free", "easy-read"],
    });
  });

  test("empty fields from a submitted form count as not given", () => {
    expect(parse("country=&region=&audience=&q=&page=")).toEqual({ category: [], page: 1, ...NO_FILTERS });
  });

  test.each([
    ["country=XX", "country"],
    ["country=GBR", "country"],
    ["country=FR&region=DE-BE", "region"],
    ["region=FR-69", "region"],
    ["country=FR&category=weather", "category.0"],
    ["lat=91&lng=0", "lat"],
    ["lat=50", "lat"],
    ["lat=50&lng=abc", "lng"],
    ["radius=0", "radius"],
    ["radius=501", "radius"],
    ["open=later", "open"],
    ["free=yes", "free"],
    ["contact=pigeon", "contact.0"],
    ["access=teleport", "access.0"],
    ["audience=aliens", "audience"],
    ["lang=english", "lang"],
    ["page=0", "page"],
    ["page=two", "page"],
    ["page=1.5", "page"],
    ["page=100000", "page"],
    [`q=${"a".repeat(201)}`, "q"],
  ])("%s is refused with a 400 naming %s", (search, field) => {
    expect(problemsOf(search)).toContain(field);
  });
});
