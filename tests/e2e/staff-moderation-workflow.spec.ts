import { expect, test, type Page } from "@playwright/test";
import { createStaff, serviceIdFor, signInContext, type TestStaff } from "./staff-fixtures.ts";

// Issue 23 items 6, 7 and 11: overdue checks first, reports tied to their
// fixes, and a review that says what happened and what is next. Each test
// uses demo listings no other spec touches.

const DAY_MS = 86_400_000;

async function setCheckDue(slug: string, nextVerificationDueAt: Date | null, lastVerifiedAt: Date | null = null) {
  const { prisma } = await import("#app/db.server.ts");
  await prisma.service.update({ where: { slug }, data: { nextVerificationDueAt, lastVerifiedAt } });
}

async function staffPage(browser: import("@playwright/test").Browser, staff: TestStaff, baseURL: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  await signInContext(context, staff, baseURL);
  return context.newPage();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test("23.6 overdue checks: the most overdue listing first, never-checked as its own state, and a check form with no preselected outcome", async ({ browser, baseURL }) => {
      const slug = javaScriptEnabled ? "youthline" : "kids-helpline-australia";
      const name = javaScriptEnabled ? "Youthline" : "Kids Helpline";
      const daysOverdue = javaScriptEnabled ? 505 : 404;
      const due = new Date(Date.now() - daysOverdue * DAY_MS - DAY_MS / 2);
      await setCheckDue(slug, due, new Date(due.getTime() - 183 * DAY_MS));
      const moderator = await createStaff(["moderator"], { twoFactor: true });
      const page = await staffPage(browser, moderator, baseURL!, javaScriptEnabled);
      const overdueDays = async (rows: import("@playwright/test").Locator) =>
        (await rows.allInnerTexts()).map((text) => Number(/(\d+) days overdue/.exec(text)?.[1] ?? -1));

      // The listings page: a next-check column, filtered to overdue, the most overdue first.
      await page.goto("/moderation/services");
      await page.getByLabel("Show").selectOption("overdue");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(/check=overdue/);
      await expect(page.getByTestId("listing-row").filter({ hasText: new RegExp(name, "i") })).toContainText(`${daysOverdue} days overdue`);
      const listed = await overdueDays(page.getByTestId("listing-row"));
      expect(listed).toEqual([...listed].sort((a, b) => b - a));
      expect(listed).not.toContain(-1);
      await page.goto("/moderation/services?check=never");
      await expect(page.getByTestId("listing-row").first()).toContainText("Never checked");
      await expect(page.getByTestId("listing-row").filter({ hasText: new RegExp(name, "i") })).toHaveCount(0);

      // The queue: no check is "days old"; the most overdue first, then the never-checked.
      await page.goto("/moderation");
      const checks = page.getByTestId("queue-item").filter({ hasText: "Check due" });
      await expect(checks.first()).toContainText(/\d+ days overdue/);
      await expect(checks.filter({ hasText: new RegExp(name, "i") })).toContainText(`${daysOverdue} days overdue`);
      await expect(checks.filter({ hasText: /\d+ days old/ })).toHaveCount(0);
      const queued = await overdueDays(checks);
      const overdueCount = queued.filter((days) => days >= 0).length;
      expect(queued.slice(0, overdueCount)).toEqual(queued.slice(0, overdueCount).sort((a, b) => b - a));
      expect(queued.slice(overdueCount).every((days) => days === -1)).toBe(true);
      await expect(checks.filter({ hasText: "Never checked" }).first()).toBeVisible();

      // The check form: last and next dates shown, nothing chosen for the moderator.
      await page.goto(`/moderation/services/${await serviceIdFor(slug)}/verify`);
      await expect(page.getByTestId("check-dates")).toContainText("Last checked:");
      await expect(page.getByTestId("check-dates")).toContainText("Next check due:");
      await expect(page.getByLabel("How it was checked")).toHaveValue("");
      await expect(page.getByLabel("Outcome")).toHaveValue("");
      await page.getByLabel("Notes").fill("Called the helpline; same number");
      // The browser would stop this form; the server must refuse it too.
      await page.locator("form select").evaluateAll((selects) => selects.forEach((select) => select.removeAttribute("required")));
      await page.getByRole("button", { name: "Record the check" }).click();
      await expect(page.locator(".field", { has: page.getByLabel("How it was checked") })).toContainText("Choose how you checked.");
      await expect(page.locator(".field", { has: page.getByLabel("Outcome") })).toContainText("Choose the outcome of the check.");
      await expect(page.getByLabel("Notes")).toHaveValue("Called the helpline; same number");
      const { prisma } = await import("#app/db.server.ts");
      expect(await prisma.verification.count({ where: { service: { slug } } })).toBe(0);

      // Chosen, the check is recorded and the listing leaves the overdue list.
      await page.getByLabel("How it was checked").selectOption("PHONE_CALL");
      await page.getByLabel("Outcome").selectOption("CONFIRMED");
      await page.getByRole("button", { name: "Record the check" }).click();
      await expect(page.getByText("Check recorded.")).toBeVisible();
      expect(await prisma.verification.count({ where: { service: { slug }, outcome: "CONFIRMED", method: "PHONE_CALL" } })).toBe(1);
      await page.goto("/moderation/services?check=overdue");
      await expect(page.getByTestId("listing-row").filter({ hasText: new RegExp(name, "i") })).toHaveCount(0);
      await page.context().close();
    });
  });
}

test("23.7 a report opened from the queue shows above the editor in words; the saved fix is linked; a second moderator's approval resolves it", async ({ browser, baseURL }) => {
  const { submitReport } = await import("#app/modules/moderation/feedback.server.ts");
  const { prisma } = await import("#app/db.server.ts");
  const serviceId = await serviceIdFor("telefono-azzurro");
  const reportId = await submitReport(serviceId, { reason: "WRONG_CONTACT", details: "Calling 19696 reaches a fax machine", fromCaseworker: true });
  const author = await createStaff(["moderator"], { twoFactor: true });
  const reviewer = await createStaff(["moderator"], { twoFactor: true });

  const page = await staffPage(browser, author, baseURL!);
  await page.goto("/moderation");
  const item = page.getByTestId("queue-item").filter({ hasText: "Calling 19696 reaches a fax machine" });
  await expect(item).toContainText("The phone number, email or link is wrong (from a caseworker)");
  await expect(item).not.toContainText("WRONG_CONTACT");
  await item.getByRole("link").first().click();
  const report = page.getByTestId("editor-report");
  await expect(report).toContainText("The phone number, email or link is wrong");
  await expect(report).toContainText("from a caseworker");
  await expect(report).toContainText("Calling 19696 reaches a fax machine");
  await page.locator('input[name="contactChannels[0].value"]').fill("+39 19696 0000");
  await page.locator('textarea[name="reason"]').fill("Number checked on their website");
  await page.getByRole("button", { name: "Save for review" }).click();
  await expect(page.getByText(/Saved as revision \d+/)).toBeVisible();
  await expect(report).toContainText(/Revision #\d+ is linked to this report/);
  const linked = await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId }, include: { revision: true } });
  expect(linked.revision?.status).toBe("PENDING");

  const second = await staffPage(browser, reviewer, baseURL!);
  await second.goto("/moderation");
  await second.getByTestId("queue-item").filter({ hasText: "Calling 19696 reaches a fax machine" }).getByRole("link", { name: /Fix waiting for review/ }).click();
  await second.getByRole("button", { name: "Approve and publish" }).click();
  await expect(second.getByTestId("review-done")).toContainText(`Approved and published revision #${linked.revision!.number}`);
  await expect(second.getByTestId("review-done")).toContainText("Reports resolved by this revision: 1.");
  const resolved = await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId } });
  expect(resolved).toMatchObject({ status: "RESOLVED", resolvedById: reviewer.id });
  expect(resolved.resolutionNote).toContain(`revision #${linked.revision!.number}`);
  await Promise.all([page.context().close(), second.context().close()]);
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("23.11 the queue marks your own revision and counts without (s); approving confirms and links the next item, never your own", async ({ browser, baseURL }) => {
    const { proposeEdit } = await import("./staff-fixtures.ts");
    const author = await createStaff(["moderator"], { twoFactor: true });
    const reviewer = await createStaff(["moderator"], { twoFactor: true });
    const revisionId = await proposeEdit(author, "troubled-desire", "Tidied the description");
    const reviewersOwn = await proposeEdit(reviewer, "kein-taeter-werden", "Reviewer's own edit");

    const mine = await staffPage(browser, author, baseURL!, false);
    await mine.goto("/moderation");
    await expect(mine.getByTestId("queue-item").filter({ has: mine.locator(`a[href="/moderation/revisions/${revisionId}"]`) })).toContainText("Yours");
    await expect(mine.locator("body")).not.toContainText("(s)");

    const page = await staffPage(browser, reviewer, baseURL!, false);
    await page.goto(`/moderation/revisions/${revisionId}`);
    await page.getByRole("button", { name: "Approve and publish" }).click();
    const done = page.getByTestId("review-done");
    await expect(done).toContainText(/Approved and published revision #\d+ of Troubled Desire/i);
    const next = done.getByRole("link");
    await expect(next).toHaveCount(1);
    expect(await next.getAttribute("href")).not.toBe(`/moderation/revisions/${reviewersOwn}`);
    expect(await next.getAttribute("href")).not.toBe(`/moderation/revisions/${revisionId}`);
    await Promise.all([mine.context().close(), page.context().close()]);
  });

  test("23.11 headings under Translations do not jump from h1 to h3", async ({ page, context, baseURL }) => {
    const moderator = await createStaff(["moderator"], { twoFactor: true });
    await signInContext(context, moderator, baseURL!);
    for (const path of ["/moderation/services/new", `/moderation/services/${await serviceIdFor("youthline")}`]) {
      await page.goto(path);
      const levels = await page.locator("main h1, main h2, main h3, main h4").evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
      levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 1), `${path}: h${levels[index - 1]} then h${level}`).toBeLessThanOrEqual(1));
    }
  });
});

test("23.6 and 23.7 a filter or report id that is not one gets a 400, never a 500", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  expect((await page.request.get("/moderation/services?check=overdue")).status()).toBe(200);
  expect((await page.request.get("/moderation/services?check=soon-ish")).status()).toBe(400);
  const serviceId = await serviceIdFor("youthline");
  expect((await page.request.get(`/moderation/services/${serviceId}?report=not-a-report`)).status()).toBe(400);
  // A report about another listing is not shown here.
  expect((await page.request.get(`/moderation/services/${serviceId}?report=${crypto.randomUUID()}`)).status()).toBe(200);
});
