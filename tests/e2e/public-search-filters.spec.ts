import { expect, test } from "@playwright/test";

// Filters with counts, a place that is not known, "use my location", and the
// cached public pages (ETag, 304, a hash-based policy under which scripts run).

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("filters are a plain form: each choice becomes part of a shareable address", async ({ page }) => {
    await page.goto("/search?country=GB");
    const filters = page.getByRole("form", { name: "Narrow your results" });
    await expect(filters.getByText(/^Free \(\d+\)$/)).toBeVisible();
    await filters.getByLabel(/^Free \(\d+\)$/).check();
    await filters.getByLabel(/^Call \(\d+\)$/).check();
    await filters.getByRole("button", { name: "Show results" }).click();
    await expect(page).toHaveURL(/country=GB/);
    await expect(page).toHaveURL(/contact=call/);
    await expect(page).toHaveURL(/free=1/);
    await expect(page.getByRole("link", { name: "Childline", exact: true })).toBeVisible();
    await expect(page.getByRole("form", { name: "Narrow your results" }).getByLabel(/^Free \(\d+\)$/)).toBeChecked();
  });

  test("a place we do not know is said so, next to the search", async ({ page }) => {
    await page.goto("/search?near=Atlantis");
    await expect(page.getByRole("alert")).toContainText("We do not know a place called “Atlantis” yet");
    await expect(page.getByLabel("Near a town or postal code (optional)")).toHaveValue("Atlantis");
  });
});

test.describe("use my location", () => {
  test.use({ geolocation: { latitude: 51.50735, longitude: -0.12776 }, permissions: ["geolocation"] });

  test("sends the position rounded to about a kilometre, and says what a search near a place leaves out", async ({ page }) => {
    await page.goto("/search?country=GB");
    await page.getByText("Change your search").click();
    await page.getByRole("button", { name: "Use my location" }).click();
    await expect(page).toHaveURL(/lat=51\.51&lng=-0\.13/);
    await expect(page.getByText(/Helplines and online services have no address/)).toBeVisible();
  });
});

test.describe("cached public pages", () => {
  test("carry an ETag and a short Cache-Control, and answer If-None-Match with 304", async ({ request }) => {
    const first = await request.get("/search?country=FR");
    expect(first.status()).toBe(200);
    const etag = first.headers()["etag"]!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers()["cache-control"]).toBe("private, no-cache");
    const policy = first.headers()["content-security-policy"]!;
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    expect(policy).not.toContain("nonce");

    const again = await request.get("/search?country=FR", { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
  });

  test("run their scripts under the hash-based policy, on the first visit and from the cache", async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    for (let visit = 0; visit < 2; visit += 1) {
      await page.goto("/search?country=IE");
      // The button is drawn only once the page's scripts have run.
      await page.getByText("Change your search").click();
      await expect(page.getByRole("button", { name: "Use my location" })).toBeVisible();
    }
    expect(problems).toEqual([]);
  });

  test("staff never get a cached page", async ({ request }) => {
    const response = await request.get("/search?country=DE", { headers: { Cookie: "sid=not-a-session" } });
    expect(response.headers()["cache-control"] ?? "").not.toContain("max-age");
    expect(response.headers()["content-security-policy"]).toContain("'nonce-");
  });
});
