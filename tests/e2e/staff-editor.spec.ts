import { expect, test, type Page } from "@playwright/test";
import { createStaff, signInContext } from "./staff-fixtures.ts";

// The listing editor as moderators use it, with and without JavaScript:
// saving never loses what the form did not show, and every problem is found
// from the top of the form.

async function createFullListing() {
  const { buildFullListing } = await import("#tests/factories.ts");
  const { saveListing } = await import("#app/modules/directory/listing.server.ts");
  const { prisma } = await import("#app/db.server.ts");
  // A draft: the public never sees it, so searches other tests make are not changed by it.
  const listing = buildFullListing({ status: "DRAFT" });
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

for (const javaScriptEnabled of [true, false]) {
  test(`23.4 a draft from a public suggestion closes and links it, keeps its country, puts an email in an email row (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, baseURL }) => {
    const { prisma } = await import("#app/db.server.ts");
    const id = crypto.randomUUID().slice(0, 8);
    const suggestion = await prisma.serviceSuggestion.create({
      data: { name: `Suggested helpline ${id}`, website: "https://example.org/helpline", contact: "help@example.org", country: "FR", description: "A helpline a visitor told us about." },
    });
    const page = await moderatorPage(browser, baseURL!, javaScriptEnabled);
    await page.goto(`/moderation/services/new?suggestion=${suggestion.id}`);
    await expect(page.locator('select[name="contactChannels[0].kind"]')).toHaveValue("EMAIL");
    await expect(page.locator('input[name="contactChannels[0].value"]')).toHaveValue("help@example.org");
    await expect(page.locator('input[name="areas[0].country"]')).toHaveValue("FR");
    await page.locator('input[name="slug"]').fill(`suggested-${id}`);
    await page.locator('input[name="shortDescription"]').fill("A helpline suggested by a visitor.");
    await page.locator('input[name="organization.name"]').fill(`Suggested organization ${id}`);
    await page.locator('input[name="organization.slug"]').fill(`suggested-organization-${id}`);
    await page.locator('input[name="languages"]').fill("fr");
    await page.getByRole("checkbox", { name: "Helplines for children and young people" }).check();
    await page.locator('textarea[name="reason"]').fill("From a public suggestion, checked on their site");
    await page.getByRole("button", { name: "Save for review" }).click();
    await expect(page.getByText(/Saved as revision \d+/)).toBeVisible();

    const after = await prisma.serviceSuggestion.findUniqueOrThrow({ where: { id: suggestion.id } });
    expect(after.status).toBe("RESOLVED");
    const draft = await prisma.service.findUniqueOrThrow({ where: { slug: `suggested-${id}` } });
    expect(after.draftServiceId).toBe(draft.id);

    // A second moderator following the same suggestion is sent to the draft, not to a second one.
    const second = await moderatorPage(browser, baseURL!, javaScriptEnabled);
    await second.goto(`/moderation/services/new?suggestion=${suggestion.id}`);
    await expect(second.getByText("This suggestion has been drafted already")).toBeVisible();
    await expect(second.getByRole("link", { name: "Open the draft made from it" })).toHaveAttribute("href", `/moderation/services/${draft.id}`);
    await expect(second.getByRole("button", { name: "Save for review" })).toHaveCount(0);
  });
}

test("23.8 the editor starts with the contact details, and a list of its parts links to each", async ({ browser, baseURL }) => {
  const serviceId = await createFullListing();
  const page = await moderatorPage(browser, baseURL!, true);
  await page.goto(`/moderation/services/${serviceId}`);
  const editor = page.locator("form.editor");
  await expect(editor.locator("fieldset > legend").first()).toHaveText("Ways to contact them");
  const parts = page.getByRole("navigation", { name: "Parts of this form" });
  await parts.getByRole("link", { name: "Safety disclosure" }).click();
  await expect(page).toHaveURL(/#section-safety$/);
  await expect(page.locator("#section-safety")).toBeInViewport();
});
