import { expect, test } from "@playwright/test";

// Each guided path leads to the right services and guidance.

test("'I saw sexual images of a child online' leads to the country's hotline and what not to do", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "I saw sexual images of a child online" }).click();
  await page.getByLabel("Choose your country to see the services there").selectOption("US");
  await page.getByRole("button", { name: "Show services" }).click();
  await expect(page.getByText("Do not download, screenshot, save or forward")).toBeVisible();
  await expect(page.getByText("Signpost never accepts uploads")).toBeVisible();
  await expect(page.getByRole("link", { name: "CyberTipline", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Internet Watch Foundation/ })).toBeVisible();
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
});

test("'someone is threatening to share an image of me' leads to image removal and young people's helplines", async ({ page }) => {
  await page.goto("/help/image-shared?country=GB");
  await expect(page.getByRole("link", { name: "Report Remove" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Take It Down" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Childline", exact: true })).toBeVisible();
});

test("'I want to talk to someone' lists helplines open now, by the chosen way", async ({ page }) => {
  await page.goto("/help/talk?country=CA&contact=SMS");
  await expect(page.getByRole("link", { name: "Kids Help Phone" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Text\s+686868/ })).toBeVisible();
  await page.goto("/help/talk?country=GB&contact=PHONE");
  await expect(page.getByRole("link", { name: "Childline", exact: true })).toBeVisible(); // 24/7
});

test("'I'm worried about a child' leads to lines for parents and carers", async ({ page }) => {
  await page.goto("/help/worried-about-a-child?country=GB");
  await expect(page.getByRole("link", { name: "NSPCC Helpline" })).toBeVisible();
});

test("the page for people worried about their own thoughts is separate from the survivor pages", async ({ page }) => {
  await page.goto("/help/my-thoughts?country=GB");
  await expect(page.getByRole("link", { name: "Stop It Now UK and Ireland helpline" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Shore", exact: true })).toBeVisible();
  // No way from here to the survivor paths (links to this page itself, like the language switch, are fine).
  await expect(page.locator('a[href^="/help/"]:not([href^="/help/my-thoughts"])')).toHaveCount(0);
  for (const path of ["saw-images", "image-shared", "talk", "worried-about-a-child"]) {
    await page.goto(`/help/${path}?country=GB`);
    await expect(page.locator('a[href^="/help/my-thoughts"]'), path).toHaveCount(0);
  }
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });
  test("a guided path works as a plain form", async ({ page }) => {
    await page.goto("/help/worried-about-a-child");
    await page.getByLabel("Choose your country to see the services there").selectOption("AU");
    await page.getByRole("button", { name: "Show services" }).click();
    await expect(page).toHaveURL(/country=AU/);
    await expect(page.getByRole("link", { name: "Bravehearts information and support line" })).toBeVisible();
  });
});
