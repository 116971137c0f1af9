import { describe, expect, test } from "vitest";
import { buildListing } from "#tests/factories.ts";
import { ListingSchema, MAX_LISTING_ROWS, canonicalListing } from "#app/modules/directory/listing.server.ts";
import { editorStateFor, submitEditor } from "./editor.server.ts";
import { formToListing, formatHours, issuePathToField, listingToForm, parseHours } from "./listing-form.server.ts";

describe("opening hours as text", () => {
  test("reads ranges, lists and single days, and writes them back", () => {
    expect(parseHours("Mon-Fri 09:00-17:00\nSat,Sun 10:00-14:00\n\nWed 9:00-12:30")).toEqual({
      blocks: [
        { days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" },
        { days: [6, 7], opens: "10:00", closes: "14:00" },
        { days: [3], opens: "09:00", closes: "12:30" },
      ],
    });
    expect(parseHours("Fri-Mon 20:00-02:00")).toEqual({ blocks: [{ days: [1, 5, 6, 7], opens: "20:00", closes: "02:00" }] });
    expect(formatHours([{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }, { days: [6, 7], opens: "10:00", closes: "14:00" }])).toBe(
      "Mon-Fri 09:00-17:00\nSat,Sun 10:00-14:00",
    );
  });

  test("explains what is wrong, by line", () => {
    expect(parseHours("Mon-Fri 9 to 5")).toEqual({ error: expect.stringMatching(/Line 1/) });
    expect(parseHours("Mon 09:00-10:00\nFunday 09:00-10:00")).toEqual({ error: expect.stringMatching(/Line 2: use day names/) });
  });
});

describe("the editor form", () => {
  test("a listing survives a round trip through the form unchanged", () => {
    const listing = canonicalListing(
      buildListing({
        hours: [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }],
        contactChannels: [
          { kind: "PHONE", value: "0800 1111", label: "Helpline", alwaysOpen: true },
          { kind: "CHAT", value: "https://example.org/chat", hours: [{ days: [6], opens: "10:00", closes: "14:00" }] },
        ],
        areas: [{ kind: "INTERNATIONAL" }, { kind: "SUBDIVISION", country: "FR", subdivision: "FR-69" }],
        audiences: ["teenagers"],
        safety: { anonymousContact: "YES", tellsPolice: "NEVER", tellsParents: "UNKNOWN", childCanUseWithoutParent: "YES", minimumAge: 11 },
      }),
    );
    const { values, lists } = listingToForm(listing);
    const { listing: back, errors } = formToListing(values, lists);
    expect(errors).toEqual({});
    expect(canonicalListing({ ...(back as typeof listing), status: listing.status })).toEqual(listing);
  });

  test("blank rows are ignored, and errors point at the row that was filled", () => {
    const { values, lists } = listingToForm(canonicalListing(buildListing()));
    values["contactChannels[1].kind"] = "PHONE"; // a blank row: kind only
    values["contactChannels[2].kind"] = "EMAIL";
    values["contactChannels[2].value"] = "not an address";
    const { listing } = formToListing(values, lists);
    expect((listing.contactChannels as unknown[]).length).toBe(2);
    expect(issuePathToField("contactChannels[1].value", values)).toBe("contactChannels[2].value");
  });
});

describe("9 repeated fields: indexes and counts capped at what the form can show", () => {
  const moderator = { id: "00000000-0000-4000-8000-000000000000", email: "moderator@example.org" };
  const post = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ reason: "A test", ...fields })) form.append(name, value);
    return submitEditor(form, null, moderator).then(
      (outcome) => outcome.kind,
      (thrown: { init?: { status?: number } }) => thrown.init?.status,
    );
  };

  test("a row beyond the editor's last is a 400, not a form of 60,000 rows or an exception", async () => {
    expect(await post({ "areas[60000].kind": "COUNTRY" })).toBe(400);
    expect(await post({ "contactChannels[1000000000000000000000].value": "0800 1111" })).toBe(400);
    expect(await post({ [`locations[${MAX_LISTING_ROWS}].name`]: "A place" })).toBe(400);
    expect(await post({ [`areas[${MAX_LISTING_ROWS - 1}].kind`]: "COUNTRY" })).toBe("invalid");
  });

  test("a listing holds no more rows than the editor shows", () => {
    const listing = buildListing({ areas: Array.from({ length: MAX_LISTING_ROWS + 1 }, () => ({ kind: "COUNTRY" as const, country: "GB" })) });
    expect(ListingSchema.safeParse(listing).error?.issues.map((issue) => issue.path.join("."))).toEqual(["areas"]);
  });
});

test("9 repeated fields: a listing with the most rows gets no blank rows past them", () => {
  const areas = Array.from({ length: MAX_LISTING_ROWS }, () => ({ kind: "COUNTRY" as const, country: "GB" }));
  expect(editorStateFor(buildListing({ areas }), 1).rows.areas).toBe(MAX_LISTING_ROWS);
});
