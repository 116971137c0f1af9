import { expect, test, type Page } from "@playwright/test";

// A visitor may be watched by the person hurting them: leaving must be instant
// and leave nothing on screen, and nothing in the tab title may give them away.

const EXIT = /^https:\/\/www\.bbc\.com\/weather/;

async function fakeNeutralSite(page: Page) {
  // The machine's network is closed: stand in for the neutral site.
  await page.route(EXIT, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }));
}

test("the quick-exit button replaces the page, and Back does not return to it", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/services/childline");
  await page.getByRole("link", { name: "Leave this site" }).click();
  await expect(page).toHaveURL(EXIT);
  await page.goBack();
  expect(page.url()).not.toContain("/services/childline");
});

// Shift three times, typing, Escape and Back: public-quick-exit.spec.ts.

test("quick exit is visible without scrolling on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await page.goto("/services/childline");
  const exit = page.getByRole("link", { name: "Leave this site" });
  await expect(exit).toBeInViewport();
  await page.mouse.wheel(0, 2000);
  await expect(exit).toBeInViewport(); // the header stays in place
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });
  test("quick exit is a plain link to the neutral site", async ({ page }) => {
    await fakeNeutralSite(page);
    await page.goto("/");
    await page.getByRole("link", { name: "Leave this site" }).click();
    await expect(page).toHaveURL(EXIT);
  });
});

test("every public page has a neutral title, and links to staying safe online", async ({ page }) => {
  const pages = ["/", "/search", "/search?country=GB&q=abuse", "/services/childline", "/services/childline/report", "/suggest", "/safety", "/request-access", "/no-such-page", "/search?country=ZZ", "/p/notatoken"];
  for (const path of pages) {
    await page.goto(path);
    const title = await page.title();
    expect(title, path).toMatch(/^Signpost( – [a-z ]+)?$/);
    expect(title.toLowerCase(), path).not.toMatch(/abuse|sexual|child|exploit|rape|csam|image|report|porn|victim|helpline/);
    await expect(page.getByRole("link", { name: "Staying safe online" }).first(), path).toBeVisible();
  }
  await page.goto("/safety");
  await expect(page.getByRole("heading", { name: "What Signpost keeps about you" })).toBeVisible();
});

test("the emergency strip shows the country's emergency number and its child helpline", async ({ page }) => {
  await page.goto("/search?country=GB");
  const strip = page.getByRole("complementary", { name: "In an emergency" });
  await expect(strip.getByRole("link", { name: "999" })).toHaveAttribute("href", "tel:999");
  await expect(strip.getByText("Under 18 and need to talk? Childline:")).toBeVisible();
  await expect(strip.getByRole("link", { name: "0800 1111" })).toHaveAttribute("href", "tel:08001111");
});
