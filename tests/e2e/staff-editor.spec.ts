import { expect, test, type Page } from "@playwright/test";
import { createStaff, signInContext } from "./staff-fixtures.ts";

// The listing editor as moderators use it, with and without JavaScript:
// saving never loses what the form did not show, and every problem is found
// from the top of the form.

async function createFullListing() {
  const { buildFullListing } = await import("#tests/factories.ts");
  const { saveListing } = await import("#app/modules/directory/listing.server.ts");
  const { prisma } = await import("#app/db.server.ts");
  const listing = buildFullListing();
  await saveListing(listing);
  return (await prisma.service.findUniqueOrThrow({ where: { slug: listing.slug }, select: { id: true } })).id;
}

async function latestSnapshot(serviceId: string) {
  const { prisma } = await import("#app/db.server.ts");
  const revision = await prisma.revision.findFirstOrThrow({ where: { serviceId }, orderBy: { number: "desc" } });
  return revision.snapshot as Record<string, unknown>;
}

async function publicVersion(serviceId: string) {
  const { currentListing } = await import("#app/modules/moderation/snapshot.server.ts");
  return (await currentListing(serviceId)) as Record<string, unknown>;
}

async function moderatorPage(browser: import("@playwright/test").Browser, baseURL: string, javaScriptEnabled: boolean): Promise<Page> {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  const context = await browser.newContext({ javaScriptEnabled });
  await signInContext(context, moderator, baseURL);
  return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test("23.2 saving one changed field keeps every other field, including those shared with the organization", async ({ browser, baseURL }) => {
      const serviceId = await createFullListing();
      const before = await publicVersion(serviceId);
      const page = await moderatorPage(browser, baseURL!, javaScriptEnabled);
      await page.goto(`/moderation/services/${serviceId}`);
      await page.getByLabel("About the cost (optional)").fill("Free for under-18s");
      await page.locator('textarea[name="reason"]').fill("Their fees page changed");
      await page.getByRole("button", { name: "Save for review" }).click();
      await expect(page.getByText(/Saved as revision \d+/)).toBeVisible();
      const saved = await latestSnapshot(serviceId);
      const { status: _savedStatus, ...savedRest } = saved;
      const { status: _publicStatus, lastVerifiedAt: _verified, ...publicRest } = before;
      expect(savedRest).toEqual({ ...publicRest, costNote: "Free for under-18s" });
    });

    test("23.5 and 23.8 every problem is listed at the top, linked to its field, in plain words", async ({ browser, baseURL }) => {
      const serviceId = await createFullListing();
      const page = await moderatorPage(browser, baseURL!, javaScriptEnabled);
      await page.goto(`/moderation/services/${serviceId}`);
      await page.getByLabel("Languages (BCP 47 codes, comma-separated, e.g. en, fr)").fill("English, Polish");
      await page.getByLabel("Maximum age (optional)").fill("9");
      await page.locator('textarea[name="reason"]').fill("Languages");
      await page.getByRole("button", { name: "Save for review" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toBeVisible();
      if (javaScriptEnabled) await expect(summary).toBeFocused();
      await expect(summary.getByRole("link", { name: /Languages.*Use language codes such as en or pl, not names/ })).toBeVisible();
      await expect(summary.getByRole("link", { name: /Maximum age.*The maximum age is below the minimum age/ })).toBeVisible();
      await summary.getByRole("link", { name: /Languages/ }).click();
      await expect(page).toHaveURL(/#languages$/);
      // What was typed is still there.
      await expect(page.getByLabel("Languages (BCP 47 codes, comma-separated, e.g. en, fr)")).toHaveValue("English, Polish");
    });
  });
}

test("23.1 the reviewer sees the phone change first, in words, and no change for re-ordered hours", async ({ browser, baseURL }) => {
  const serviceId = await createFullListing();
  const author = await moderatorPage(browser, baseURL!, true);
  await author.goto(`/moderation/services/${serviceId}`);
  await author.locator('input[name="contactChannels[0].value"]').fill("0800 000 999");
  await author.getByLabel("Hours, one line each").fill("Sat 10:00-13:00\nMon-Fri 09:00-17:00");
  await author.locator('textarea[name="reason"]').fill("New number");
  await author.getByRole("button", { name: "Save for review" }).click();
  await expect(author.getByText(/Saved as revision \d+/)).toBeVisible();
  const { prisma } = await import("#app/db.server.ts");
  const revision = await prisma.revision.findFirstOrThrow({ where: { serviceId }, orderBy: { number: "desc" } });

  const reviewer = await moderatorPage(browser, baseURL!, true);
  await reviewer.goto(`/moderation/revisions/${revision.id}`);
  const rows = reviewer.locator("table.diff tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-sensitive", "true");
  await expect(rows.first()).toContainText("Phone number");
  await expect(rows.first()).toContainText("0800 000 111");
  await expect(rows.first()).toContainText("0800 000 999");
});
