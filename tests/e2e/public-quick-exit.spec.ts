import { expect, test, type Locator, type Page } from "@playwright/test";
import { createStaff, signInContext } from "./staff-fixtures.ts";

// Quick exit must leave at once when asked, and never when not asked: a
// visitor who loses what they typed, or who is thrown out while moving
// backwards with the keyboard, stops trusting the button they may need.

const EXIT = /^https:\/\/www\.bbc\.com\/weather/;

async function fakeNeutralSite(page: Page) {
  // The machine's network is closed: stand in for the neutral site.
  await page.route(EXIT, (route) => route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }));
}

/** Types as a person does: Shift held down for each capital, question mark and the like. */
async function typeLikeAPerson(page: Page, text: string) {
  for (const character of text) {
    if (/[A-Z]/.test(character)) await page.keyboard.press(`Shift+Key${character}`);
    else if (character === "?") await page.keyboard.press("Shift+Slash");
    else if (character === "!") await page.keyboard.press("Shift+Digit1");
    else await page.keyboard.type(character);
  }
}

/** Still here: the exit blanks the title and the page synchronously, before it navigates. */
async function expectStillHere(page: Page, field?: Locator, typed?: string) {
  expect(page.url()).not.toMatch(EXIT);
  expect(await page.evaluate(() => document.title)).not.toBe("");
  if (field && typed !== undefined) await expect(field).toHaveValue(typed);
}

const SENTENCE = "Childline Report Remove? My Friend Said To Ask Here!";

test.describe("typing never leaves", () => {
  const fields: [string, string][] = [
    ["/", "Words (optional)"],
    ["/search", "Near a town or postal code (optional)"],
    ["/search", "Words (optional)"],
    ["/suggest", "Name of the service"],
    ["/suggest", "What does it do, and for whom?"],
    ["/request-access", "Your name"],
    ["/request-access", "How will you use Signpost?"],
    ["/services/childline/report", "More details (optional, do not include anyone's name)"],
  ];
  for (const [path, label] of fields) {
    test(`a sentence with capitals in “${label}” on ${path}`, async ({ page }) => {
      await fakeNeutralSite(page);
      await page.goto(path);
      const field = page.getByLabel(label, { exact: true }).first();
      await field.click();
      await typeLikeAPerson(page, SENTENCE);
      await expectStillHere(page, field, SENTENCE);
    });
  }

  test("a caseworker typing a list name with capitals", async ({ browser, baseURL }) => {
    const caseworker = await createStaff(["caseworker"]);
    const context = await browser.newContext();
    await signInContext(context, caseworker, baseURL!);
    const page = await context.newPage();
    await fakeNeutralSite(page);
    await page.goto("/caseworker");
    const field = page.getByLabel("List name");
    await field.click();
    await typeLikeAPerson(page, "Client Referrals March");
    await expectStillHere(page, field, "Client Referrals March");
    await context.close();
  });
});

test("Shift+Tab three times moves backwards and stays", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/search?country=GB");
  await page.getByLabel("Words (optional)").focus();
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift+Tab");
  await expectStillHere(page);
  await expect(page.locator(":focus")).not.toHaveAttribute("id", "q");
});

test("Shift pressed on its own three times within five seconds leaves", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/search?country=GB&category=child-helpline");
  await expect(page.getByRole("heading", { name: "Search for help" })).toBeVisible();
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(EXIT);
});

test("two lone Shifts, then a letter, then one more Shift do not leave; the count is announced", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/suggest");
  const field = page.getByLabel("Name of the service");
  await field.click();
  await page.keyboard.press("Shift");
  await expect(page.getByRole("status").filter({ hasText: "press 2 more times" })).toBeAttached();
  await page.keyboard.press("Shift");
  await expect(page.getByRole("status").filter({ hasText: "press 1 more time" })).toBeAttached();
  await page.keyboard.type("a");
  await page.keyboard.press("Shift");
  await expectStillHere(page, field, "a");
});

test("Escape never leaves, wherever the focus is", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/suggest");
  const field = page.getByLabel("What does it do, and for whom?");
  await field.fill("A helpline for teenagers in Leeds");
  await page.getByRole("button", { name: "Send suggestion" }).focus();
  await page.keyboard.press("Escape");
  await expectStillHere(page, field, "A helpline for teenagers in Leeds");
  await page.getByRole("heading", { name: "Suggest a service" }).click();
  await page.keyboard.press("Escape");
  await expectStillHere(page, field, "A helpline for teenagers in Leeds");
});

test("a whole visit is one history entry, and after leaving Back shows nothing of the site", async ({ page, baseURL }) => {
  await fakeNeutralSite(page);
  await page.goto("/");
  const lengthAtStart = await page.evaluate(() => history.length);

  await page.getByRole("link", { name: "Someone has shared, or is threatening to share, an image of me" }).click();
  await expect(page).toHaveURL(/\/help\/image-shared/);
  await page.getByLabel("Choose your country to see the services there").selectOption("GB");
  await page.getByRole("button", { name: "Show services" }).click(); // a GET form
  await expect(page).toHaveURL(/country=GB/);
  await page.getByRole("link", { name: "Simpler words" }).click();
  await expect(page).toHaveURL(/simple=1/);
  await page.getByRole("link", { name: "Usual words" }).click();
  await expect(page).not.toHaveURL(/simple=1/);

  // Home by the site's name, a search from its form, then the next page of results.
  await page.getByRole("link", { name: "Signpost", exact: true }).click();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?/);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole("link", { name: "Español" }).click();
  await expect(page).toHaveURL(/\/es\/search/);
  await page.locator(".service-card h3 a").first().click();
  await expect(page).toHaveURL(/\/es\/services\//);
  expect(await page.evaluate(() => history.length)).toBe(lengthAtStart);
  // Nothing of the visit is kept in the tab's storage either.
  expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);

  await page.getByRole("link", { name: "Salir de esta página" }).click();
  await expect(page).toHaveURL(EXIT);
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(lengthAtStart + 1);
  await page.goBack();
  expect(page.url().startsWith(baseURL!)).toBe(false);
});

test("a public form's answer does not add a history entry", async ({ page }) => {
  await page.goto("/services/childline/report");
  const lengthAtStart = await page.evaluate(() => history.length);
  await page.getByRole("button", { name: "Send report" }).click(); // no reason chosen: the browser asks for one
  await page.getByLabel("The phone number, email or link is wrong").check();
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Thank you")).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(lengthAtStart);
});

test.describe("focus never hides under the sticky header", () => {
  const cases = [
    ["/search?country=GB", 412, 839],
    ["/services/childline", 412, 839],
    ["/help/image-shared?country=GB", 412, 839],
    ["/fr/search?country=FR", 412, 839],
    ["/es/services/childline", 320, 568],
    ["/search?country=GB", 1280, 720],
  ] as const;
  for (const [path, width, height] of cases) {
    test(`tabbing forwards and backwards through ${path} at ${width} × ${height}`, async ({ page }) => {
      test.setTimeout(180_000); // a hundred focus stops each way, on a busy machine
      await page.setViewportSize({ width, height });
      await page.goto(path);
      await page.locator("body").focus();
      const hidden: string[] = [];
      let stops = 0;
      for (const key of ["Tab", "Shift+Tab"]) {
        for (let press = 0; press < 200; press++) {
          await page.keyboard.press(key);
          const check = await page.evaluate(() => {
            const element = document.activeElement as HTMLElement | null;
            if (!element || element === document.body) return null;
            const header = document.querySelector(".site-header")!;
            // Inside the header, or the skip link drawn over it: visible by construction.
            if (header.contains(element) || element.classList.contains("skip-link")) return { ok: true, name: "" };
            const box = element.getBoundingClientRect();
            const name = `${element.tagName.toLowerCase()} “${(element.textContent || element.getAttribute("aria-label") || element.id).trim().slice(0, 40)}”`;
            return { ok: box.top >= header.getBoundingClientRect().bottom - 0.5, name };
          });
          if (check === null) break; // past the last (or the first) focus stop
          stops += 1;
          if (!check.ok) hidden.push(`${key}: ${check.name}`);
        }
      }
      expect(stops).toBeGreaterThan(10);
      expect(hidden).toEqual([]);
    });
  }
});

test("emergency numbers never break across lines", async ({ page }) => {
  for (const width of [320, 412, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/search?country=US", "/search?country=GB", "/services/childline"]) {
      await page.goto(path);
      const numbers = page.locator(".emergency a[href^='tel:'], .contact-phone .contact-value, .contact-sms .contact-value");
      expect(await numbers.count(), path).toBeGreaterThan(0);
      const wrapped = await numbers.evaluateAll((elements) =>
        elements
          .filter((element) => element.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(element).lineHeight))
          .map((element) => element.textContent),
      );
      expect(wrapped, `${path} at ${width} px`).toEqual([]);
    }
  }
});

test.describe("what the exit says about Back", () => {
  test("with JavaScript, the button's title says Back will not show the site", async ({ page }) => {
    for (const [path, text] of [
      ["/", "Back will not show this site"],
      ["/es", "El botón Atrás no mostrará este sitio"],
      ["/fr", "Le bouton Retour ne montrera pas ce site"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("[data-quick-exit]")).toHaveAttribute("title", new RegExp(text));
    }
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the title and /safety say that Back still shows the pages, in every language", async ({ page }) => {
      for (const [prefix, title, safety] of [
        ["", "Without JavaScript, Back still shows the pages you opened here", "Without JavaScript, Back still shows every page you opened here"],
        ["/es", "Sin JavaScript, el botón Atrás sigue mostrando", "Sin JavaScript, Atrás sigue mostrando cada página"],
        ["/fr", "Sans JavaScript, le bouton Retour montre encore", "Sans JavaScript, Retour montre encore chaque page"],
      ] as const) {
        await page.goto(`${prefix}/safety`);
        await expect(page.locator("[data-quick-exit]")).toHaveAttribute("title", new RegExp(title));
        await expect(page.getByText(safety)).toBeVisible();
      }
    });
  });
});
