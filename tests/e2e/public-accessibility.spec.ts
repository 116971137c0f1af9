import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createListFor, createStaff } from "./staff-fixtures.ts";

// WCAG 2.2 AA on every public page type, in every language, at phone and
// desktop widths (the two Playwright projects), and usable by keyboard alone.

const PAGE_TYPES = [
  "/",
  "/search?country=GB&category=child-helpline",
  "/search?country=JP&category=legal-help",
  "/search?country=ZZ",
  "/services/childline",
  "/services/allo-enfance-en-danger-119",
  "/services/childline/report",
  "/safety",
  "/help/talk?country=GB",
  "/help/my-thoughts",
  "/suggest",
  "/request-access",
  "/no-such-page",
  "/p/notavalidtoken",
];

for (const locale of ["", "/es", "/fr"]) {
  test(`no axe violations on any public page type${locale ? ` (${locale.slice(1)})` : " (en)"}`, async ({ page }) => {
    test.setTimeout(180_000); // fourteen pages, each fully analysed
    for (const path of PAGE_TYPES) {
      await page.goto(`${locale}${path === "/" && locale ? "" : path}`);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
        `${locale}${path}`,
      ).toEqual([]);
    }
  });
}

test("a shared referral pack page has no axe violations", async ({ page }) => {
  // Made through the app's own modules; the list exists only to create the caseworker's data.
  const caseworker = await createStaff(["caseworker"]);
  await createListFor(caseworker, "Accessibility check");
  const { createPack } = await import("#app/modules/referrals/packs.server.ts");
  const { prisma } = await import("#app/db.server.ts");
  const services = await prisma.service.findMany({ where: { slug: { in: ["childline", "nspcc-helpline"] } }, select: { id: true } });
  const { token } = await createPack({ serviceIds: services.map((service) => service.id), message: "For you.", locale: "en", expiresInDays: 1 }, caseworker);
  for (const path of [`/p/${token}`, `/p/${token}/print`]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => violation.id), path).toEqual([]);
  }
});

test("no horizontal scrolling at 320 px wide, which is also 1280 px at 400% zoom", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of PAGE_TYPES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("keyboard only: skip link, search, a result, and a contact link, with visible focus", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");

  // Tab to the country select and choose by typing, as a keyboard user would.
  const country = page.getByLabel("Country");
  for (let step = 0; step < 40 && !(await country.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(country).toBeFocused();
  await country.selectOption("GB");
  const submit = page.getByRole("button", { name: "Search" });
  for (let step = 0; step < 40 && !(await submit.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?.*country=GB/);

  const result = page.getByRole("link", { name: "Childline", exact: true });
  for (let step = 0; step < 80 && !(await result.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(result).toBeFocused();
  const outline = await result.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/services\/childline/);

  const call = page.getByRole("link", { name: /Call\s+0800 1111/ });
  for (let step = 0; step < 40 && !(await call.evaluate((element) => element === document.activeElement)); step++) {
    await page.keyboard.press("Tab");
  }
  await expect(call).toBeFocused();
  await expect(call).toHaveAttribute("href", "tel:08001111");
});

test("switching language keeps the page and its filters; simpler words stay on", async ({ page }) => {
  await page.goto("/search?country=FR&category=child-helpline");
  await page.getByRole("link", { name: "français" }).click();
  await expect(page).toHaveURL(/\/fr\/search\?country=FR&category=child-helpline$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Chercher de l'aide" })).toBeVisible();
  await expect(page.getByRole("link", { name: "119 – Allô Enfance en Danger" })).toBeVisible();

  await page.getByRole("link", { name: "Mots plus simples" }).click();
  await expect(page).toHaveURL(/simple=1/);
  await page.getByRole("link", { name: "119 – Allô Enfance en Danger" }).click();
  await expect(page).toHaveURL(/\/fr\/services\/allo-enfance-en-danger-119\?simple=1$/);
  await expect(page.getByText("Vont-ils le dire à mes parents ?")).toBeVisible();
  expect(await page.context().cookies()).toEqual([]);
});
