import { expect, test } from "@playwright/test";
import { createStaff, serviceIdFor, signInContext } from "./staff-fixtures.ts";

// Four-eyes publishing seen from the outside: a change is invisible to the
// public until a second moderator approves it.

test("moderator A edits a phone number; the public sees the old one until moderator B approves the diff", async ({ browser, baseURL }) => {
  const moderatorA = await createStaff(["moderator"], { twoFactor: true });
  const moderatorB = await createStaff(["moderator"], { twoFactor: true });
  const serviceId = await serviceIdFor("napac");

  const a = await browser.newContext();
  await signInContext(a, moderatorA, baseURL!);
  const pageA = await a.newPage();
  await pageA.goto(`/moderation/services/${serviceId}`);
  await pageA.locator('input[name="contactChannels[0].value"]').fill("0808 801 9999");
  await pageA.locator('textarea[name="reason"]').fill("Number changed on their website");
  await pageA.getByRole("button", { name: "Save for review" }).click();
  await expect(pageA.getByText(/Saved as revision \d+/)).toBeVisible();

  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto("/services/napac");
  await expect(publicPage.getByRole("link", { name: /Call\s+0808 801 0331/ })).toBeVisible();

  // A cannot approve their own revision.
  await pageA.goto("/moderation");
  await pageA.getByRole("link", { name: "NAPAC support line" }).first().click();
  await expect(pageA.getByText("You wrote this revision")).toBeVisible();
  await expect(pageA.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);

  const b = await browser.newContext();
  await signInContext(b, moderatorB, baseURL!);
  const pageB = await b.newPage();
  await pageB.goto(pageA.url());
  const sensitiveRow = pageB.locator('tr[data-sensitive="true"]', { hasText: "Phone number" });
  await expect(sensitiveRow).toContainText("0808 801 0331");
  await expect(sensitiveRow).toContainText("0808 801 9999");
  await pageB.getByLabel("Comment").fill("Checked against napac.org.uk");
  await pageB.getByRole("button", { name: "Approve and publish" }).click();
  await expect(pageB.getByText("Status: APPROVED")).toBeVisible();

  await publicPage.reload();
  await expect(publicPage.getByRole("link", { name: /Call\s+0808 801 9999/ })).toBeVisible();
  await Promise.all([a.close(), b.close(), visitor.close()]);
});

test("a public report of an unsafe listing goes to the top of the queue", async ({ browser, baseURL }) => {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto("/services/netsafe");
  await page.getByRole("link", { name: "Report a problem with this listing" }).click();
  await page.getByLabel("It is unsafe or harmful").check();
  await page.getByLabel(/More details/).fill("The chat link goes to a stranger");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you. A moderator will look at your report.")).toBeVisible();
  expect(await visitor.cookies()).toEqual([]);

  const moderator = await createStaff(["moderator"], { twoFactor: true });
  const staff = await browser.newContext();
  await signInContext(staff, moderator, baseURL!);
  const queue = await staff.newPage();
  await queue.goto("/moderation");
  await expect(queue.getByRole("alert")).toContainText("Reported as unsafe");
  const first = queue.getByTestId("queue-item").first();
  await expect(first).toContainText("Netsafe");
  await expect(first).toContainText("It is unsafe or harmful");
  await expect(first).toContainText("The chat link goes to a stranger");
  await Promise.all([visitor.close(), staff.close()]);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("the editor keeps what was typed on an error, and saves a revision", async ({ page, context, baseURL }) => {
    const moderator = await createStaff(["moderator"], { twoFactor: true });
    await signInContext(context, moderator, baseURL!);
    await page.goto(`/moderation/services/${await serviceIdFor("bravehearts")}`);
    await page.locator('input[name="slug"]').fill("Not a valid slug!");
    await page.locator('input[name="shortDescription"]').fill("Support for anyone affected by child sexual abuse, edited without JavaScript.");
    await page.locator('textarea[name="hours"]').fill("Mon-Fri 8:30-17:00");
    await page.getByRole("button", { name: "Save for review" }).click();
    await expect(page.getByText("Some fields need attention")).toBeVisible();
    await expect(page.locator("#slug-error")).toHaveText("lower-case words joined by hyphens");
    await expect(page.locator("#reason-error")).toHaveText("Say why you made this change.");
    await expect(page.locator('input[name="shortDescription"]')).toHaveValue("Support for anyone affected by child sexual abuse, edited without JavaScript.");
    await expect(page.locator('textarea[name="hours"]')).toHaveValue("Mon-Fri 8:30-17:00");

    await expect(page.locator('input[name="slug"]')).toHaveValue("Not a valid slug!");
    await page.locator('input[name="slug"]').fill("bravehearts");
    await page.locator('textarea[name="reason"]').fill("Hours from their website");
    await page.getByRole("button", { name: "Save for review" }).click();
    await expect(page.getByText(/Saved as revision \d+/)).toBeVisible();
    await expect(page.locator('textarea[name="hours"]')).toHaveValue("Mon-Fri 08:30-17:00");
  });
});
