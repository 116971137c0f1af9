import { expect, test } from "@playwright/test";
import { createStaff, signInContext } from "./staff-fixtures.ts";

test("a caseworker saves three services, shares a pack by link, prints it, and revokes it", async ({ browser, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  const context = await browser.newContext();
  await signInContext(context, caseworker, baseURL!);
  const page = await context.newPage();

  await page.goto("/caseworker");
  await page.getByLabel("List name").fill("Teen referrals – UK");
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { name: "Teen referrals – UK" })).toBeVisible();

  for (const slug of ["childline", "nspcc-helpline", "shore-space"]) {
    await page.goto(`/services/${slug}`);
    await page.getByRole("button", { name: "Save to a list" }).click();
    await expect(page.getByText("Saved to your list.")).toBeVisible();
  }

  await page.goto("/caseworker");
  await page.getByRole("link", { name: "Teen referrals – UK" }).click();
  await expect(page.getByTestId("list-item")).toHaveCount(3);
  await page.getByLabel("Private note").first().fill("Free and confidential; they can call any time");
  // Wait for the save to be answered: a link clicked while it is on its way can be overtaken by its reload.
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/caseworker/lists/"));
  await page.getByRole("button", { name: "Save note" }).first().click();
  await saved;
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Private note").first()).toHaveValue("Free and confidential; they can call any time");

  await page.getByRole("link", { name: "Make a referral pack from this list" }).click();
  await expect(page.getByText("Do not include the person's name")).toBeVisible();
  await page.getByLabel("Message to the person (optional)").fill("These services can help. You are not to blame.");
  await page.getByRole("button", { name: "Create the pack" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/p\/[a-z2-9]{32}$/);
  await expect(page.getByLabel("Text to paste into a message or email")).toHaveValue(/Childline[\s\S]*Call: 0800 1111/);
  const printPath = (await page.getByTestId("print-link").getAttribute("href"))!;

  // The person opens the link in a browser that has never been here: no sign-in, no cookie.
  const person = await browser.newContext();
  const personPage = await person.newPage();
  const response = await personPage.goto(link);
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(personPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(personPage.getByRole("heading", { name: "Services that can help" })).toBeVisible();
  await expect(personPage.getByText("These services can help. You are not to blame.")).toBeVisible();
  for (const name of ["Childline", "NSPCC Helpline", "Shore"]) await expect(personPage.getByRole("heading", { name, exact: true })).toBeVisible();
  expect(await person.cookies()).toEqual([]);

  // The print version: print media, no navigation, a QR code, large numbers.
  await personPage.emulateMedia({ media: "print" });
  await personPage.goto(printPath);
  await expect(personPage.locator(".site-header")).toHaveCount(0);
  await expect(personPage.locator(".qr svg")).toBeVisible();
  await expect(personPage.getByText("0800 1111")).toBeVisible();
  await expect(personPage.getByText(/Printed on/)).toBeVisible();
  await personPage.screenshot({ path: test.info().outputPath("referral-pack-print.png"), fullPage: true });

  // Revoked: the link now says the pack is gone.
  await page.goto("/caseworker/packs");
  await page.getByTestId("pack").first().getByRole("button", { name: "Revoke the link" }).click();
  await expect(page.getByTestId("pack").first()).toContainText("Revoked");
  await personPage.emulateMedia({ media: "screen" });
  const gone = await personPage.goto(link);
  expect(gone?.status()).toBe(410);
  await expect(personPage.getByRole("heading", { name: "This pack is no longer available" })).toBeVisible();
  await Promise.all([context.close(), person.close()]);
});
