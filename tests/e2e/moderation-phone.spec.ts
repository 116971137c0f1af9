import { expect, test } from "@playwright/test";
import { createStaff, serviceIdFor, signInContext } from "./staff-fixtures.ts";

// Issue 23 item 11, on a phone's screen (also run on desktop): the review diff
// keeps words and numbers whole, and every input a moderator types in is
// styled at a size that does not make iOS zoom.

const NEW_NUMBER = "+64 800 044 335";

test("23.11 on a phone the diff headers stay whole words and a changed phone number stays on one line", async ({ page, context, baseURL }) => {
  const { currentListing } = await import("#app/modules/moderation/snapshot.server.ts");
  const { latestRevisionNumber, submitRevision } = await import("#app/modules/moderation/revisions.server.ts");
  const author = await createStaff(["moderator"], { twoFactor: true });
  const reviewer = await createStaff(["moderator"], { twoFactor: true });
  const serviceId = await serviceIdFor("safe-to-talk");
  const listing = (await currentListing(serviceId))!;
  const saved = await submitRevision({
    serviceId,
    baseNumber: await latestRevisionNumber(serviceId),
    listing: { ...listing, contactChannels: listing.contactChannels.map((channel, index) => (index === 0 ? { ...channel, value: NEW_NUMBER } : channel)) },
    reason: "New number on their website",
    author: { id: author.id, email: author.email },
  });
  if (saved.kind !== "saved") throw new Error(`not saved: ${JSON.stringify(saved)}`);

  await signInContext(context, reviewer, baseURL!);
  await page.goto(`/moderation/revisions/${saved.revisionId}`);
  // Line boxes of an element's text: more than one means it wrapped.
  const lines = (selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
  for (const header of ["Published now", "In this revision"]) {
    expect(await lines(`table.diff thead th:text-is("${header}")`), header).toBe(1);
  }
  expect(await lines(`table.diff ins:text-is("${NEW_NUMBER}")`)).toBe(1);
});

test("23.11 on a phone the website, age and import inputs are styled: 16px text or more, 44px tall", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  const sizes = (selector: string) =>
    page.locator(selector).first().evaluate((element) => ({ font: parseFloat(getComputedStyle(element).fontSize), height: element.getBoundingClientRect().height }));
  await page.goto(`/moderation/services/${await serviceIdFor("kein-taeter-werden")}`);
  for (const selector of ['input[name="website"]', 'input[name="safety.minimumAge"]', 'input[name="safety.maximumAge"]']) {
    const size = await sizes(selector);
    expect(size.font, selector).toBeGreaterThanOrEqual(16);
    expect(size.height, selector).toBeGreaterThanOrEqual(44);
  }
  await page.goto("/moderation/import");
  const file = await sizes('input[type="file"]');
  expect(file.font).toBeGreaterThanOrEqual(16);
  expect(file.height).toBeGreaterThanOrEqual(44);
});
