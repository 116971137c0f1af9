import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createStaff, signInContext } from "./staff-fixtures.ts";

// A moderator uploads another directory's HSDS file, sees what it would do,
// confirms, and finds the drafts waiting for a second moderator.

test("upload → preview with counts and refusals → confirm → drafts in the queue", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  await page.goto("/moderation");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import listings (Open Referral HSDS)" })).toBeVisible();

  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByLabel("File")).toBeFocused();

  await page.getByLabel("File").setInputFiles(path.resolve("tests/fixtures/hsds/oruk/Fail/service_list.json"));
  await page.getByLabel("Country (optional)").fill("GB");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "What the import would do" })).toBeVisible();
  await expect(page.getByText("no name").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Import 0 as drafts for review" })).toBeDisabled();

  const source = `e2e-${Date.now()}`;
  await page.getByLabel("File").setInputFiles(path.resolve("tests/fixtures/hsds/spec/service_full.json"));
  await page.getByLabel("Source name (optional)").fill(source);
  await page.getByLabel("Country (optional)").fill("GB");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("New drafts")).toBeVisible();
  await page.getByRole("button", { name: "Import 1 as drafts for review" }).click();
  await expect(page.getByText(`Imported from ${source}.`)).toBeVisible();

  await page.goto("/moderation");
  await expect(page.getByText("Community Counselling").first()).toBeVisible();
});

test("a file that is not HSDS is refused next to the field", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  await page.goto("/moderation/import");
  await page.getByLabel("File").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{not json") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("notes.json is not valid JSON")).toBeVisible();
});

test("23.3 a file over 64 KB previews with JavaScript on (/moderation/import.data takes what the page takes)", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  await page.goto("/moderation/import");
  // Valid JSON, padded with whitespace past the 64 KB every other form is held to.
  const service = fs.readFileSync(path.resolve("tests/fixtures/hsds/spec/service_full.json"), "utf8");
  const buffer = Buffer.from(`${service}${" ".repeat(132 * 1024)}`);
  await page.getByLabel("File").setInputFiles({ name: "large.json", mimeType: "application/json", buffer });
  await page.getByLabel("Country (optional)").fill("GB");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "What the import would do" })).toBeVisible();
  await expect(page.getByText("New drafts")).toBeVisible();
  // 23.3: the confirmation names the stored preview; the file does not travel back.
  const confirm = page.getByRole("button", { name: "Import 1 as drafts for review" });
  expect(await page.locator('form:has(button:text("Import 1 as drafts")) input[type="hidden"]').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).name).sort())).toEqual(["intent", "previewId"]);
  await confirm.click();
  await expect(page.getByText("Imported from large.json.")).toBeVisible();
});

test("23.10 the preview names each record, what the import supplied itself, and promises what the import makes", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  await page.goto("/moderation/import");
  const service = JSON.parse(fs.readFileSync(path.resolve("tests/fixtures/hsds/spec/service_full.json"), "utf8"));
  // The same record twice: the import makes one draft, and the preview must say so.
  const buffer = Buffer.from(JSON.stringify([service, service]));
  await page.getByLabel("File").setInputFiles({ name: `twice-${Date.now()}.json`, mimeType: "application/json", buffer });
  await page.getByLabel("Country (optional)").fill("GB");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("button", { name: "Import 1 as drafts for review" })).toBeEnabled();
  await expect(page.getByText("the same id appears twice in this source")).toBeVisible();
  const row = page.getByRole("row", { name: /Community Counselling/ });
  await expect(row).toContainText("New draft");
  await expect(row).toContainText("address name made up");
  await expect(page.getByText("How HSDS fields become a listing")).toBeVisible();
});

test("23.10 a refusal on the web page names no command-line flag", async ({ page, context, baseURL }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signInContext(context, moderator, baseURL!);
  await page.goto("/moderation/import");
  await page.getByLabel("File").setInputFiles(path.resolve("tests/fixtures/hsds/oruk/Default/service_list.json"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("set a default country for the import").first()).toBeVisible();
  await expect(page.getByText("--country")).toHaveCount(0);
});
