import { expect, test, type Page } from "@playwright/test";

// The public journey: choose a place and a kind of help, find a service,
// open its page, and see how to contact it. With and without JavaScript.

async function searchForReportingInTheUS(page: Page) {
  await page.goto("/");
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Report abuse images or videos").check();
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?.*country=US.*category=report-abuse-material/);
}

async function openCyberTiplineAndCheckContact(page: Page) {
  await page.getByRole("link", { name: "CyberTipline", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/cybertipline$/);
  await expect(page.getByRole("heading", { level: 1, name: "CyberTipline" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Call\s+1-800-843-5678/ })).toHaveAttribute("href", "tel:18008435678");
  await expect(page.getByText("Open 24 hours, every day").first()).toBeVisible();
  await expect(page.getByText("All of United States")).toBeVisible();
}

test("search → result → service page", async ({ page }) => {
  await searchForReportingInTheUS(page);
  await expect(page.getByRole("heading", { name: "In an emergency" })).toBeVisible();
  await expect(page.getByRole("link", { name: "911" })).toHaveAttribute("href", "tel:911");
  await openCyberTiplineAndCheckContact(page);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("search → result → service page", async ({ page }) => {
    await searchForReportingInTheUS(page);
    await openCyberTiplineAndCheckContact(page);
  });

  test("choosing a country then a region narrows to that region", async ({ page }) => {
    await page.goto("/search?country=GB");
    await page.getByText("Change your search").click();
    await page.getByLabel("Region (optional)").selectOption("GB-ENG");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/region=GB-ENG/);
    await expect(page.getByRole("link", { name: "Rape and Sexual Abuse Support Line" })).toBeVisible();
  });
});

test("a typo still finds Childline", async ({ page }) => {
  await page.goto("/search?country=GB&q=chilldline");
  await expect(page.getByRole("link", { name: "Childline", exact: true })).toBeVisible();
});

test("results are paged", async ({ page }) => {
  await page.goto("/search?country=GB");
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
});

test("a search with no results suggests broadening and shows international services", async ({ page }) => {
  await page.goto("/search?country=JP&category=legal-help");
  await expect(page.getByRole("heading", { name: "No services matched" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Take It Down" })).toBeVisible();
  await expect(page.getByRole("link", { name: "110" })).toBeVisible();
});

test("a bad search parameter gets a 400 page that says what was wrong", async ({ page }) => {
  const response = await page.goto("/search?country=ZZ&page=0");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "We could not read that search" })).toBeVisible();
  await expect(page.getByText("Choose a country from the list")).toBeVisible();
  await expect(page.getByText("The page must be 1 or more.")).toBeVisible();
});

test("unknown services and pages are a 404, not an error", async ({ page }) => {
  expect((await page.goto("/services/no-such-service"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.goto("/no/such/page"))?.status()).toBe(404);
});

test("public pages set no cookie and load nothing from another origin, in every language", async ({ page, context, baseURL }) => {
  const origins = new Set<string>();
  page.on("request", (request) => origins.add(new URL(request.url()).origin));
  const paths = ["/", "/search?country=GB&category=child-helpline", "/services/childline", "/services/childline/report", "/help/talk?country=GB", "/safety", "/suggest", "/search?country=ZZ", "/p/notatoken"];
  for (const locale of ["", "/es", "/fr"]) {
    for (const path of paths) await page.goto(`${locale}${path === "/" && locale ? "" : path}`);
  }
  await page.goto("/?simple=1");
  expect(await context.cookies()).toEqual([]);
  expect([...origins]).toEqual([new URL(baseURL!).origin]);
});
