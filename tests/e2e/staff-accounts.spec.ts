import { expect, test, type Page } from "@playwright/test";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { STAFF_PASSWORD, createStaff, currentCode, mailTo, mailsTo, serviceIdFor, sessionCookieFor, signInContext } from "./staff-fixtures.ts";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Submits a code and waits for the server's answer, so no attempt is lost to a stale page. */
async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code").fill(code);
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/login/two-factor")),
    page.getByRole("button", { name: "Continue" }).click(),
  ]);
}

test("an admin invites a moderator, who joins, enrols in two-factor and signs in with it", async ({ browser }) => {
  test.slow(); // a whole journey, with several argon2 hashes, on a shared machine
  const admin = await createStaff(["admin"], { twoFactor: true });

  // The admin signs in with password and code, and invites a moderator.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email, STAFF_PASSWORD);
  await expect(adminPage).toHaveURL(/\/login\/two-factor/);
  await enterCode(adminPage, currentCode(admin.totpKey!));
  await expect(adminPage).toHaveURL(/\/admin$/);
  await adminPage.goto("/admin/invitations");
  const moderatorEmail = `moderator-${crypto.randomUUID().slice(0, 8)}@example.org`;
  await adminPage.getByLabel("Email").fill(moderatorEmail);
  await adminPage.getByLabel("Moderator").check();
  await adminPage.getByRole("button", { name: "Send invitation" }).click();
  const link = (await adminPage.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invitations\/[a-z2-9]{32}$/);
  await adminContext.close();

  // The moderator accepts in another browser, sets a password, and must enrol.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(moderatorEmail)).toBeVisible();
  await page.getByLabel("Your name").fill("Morgan Moderator");
  await page.getByLabel("Password", { exact: true }).fill("password1234");
  await page.getByLabel("Password again").fill("password1234");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("This password is too common")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Morgan Moderator");
  const password = "a moderator's own long passphrase";
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Password again").fill(password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=invited/);

  await signIn(page, moderatorEmail, password);
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/account\/two-factor$/); // no moderation before two-factor
  const key = decodeBase32IgnorePadding((await page.getByTestId("totp-secret").textContent())!.trim());
  await page.getByLabel("Enter the 6-digit code the app shows.").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  const enrolmentCode = generateTOTP(key, 30, 6);
  await page.getByLabel("Enter the 6-digit code the app shows.").fill(enrolmentCode);
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication is on" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Moderation" })).toBeVisible();
  await expect(page.getByText("Signed in as Morgan Moderator")).toBeVisible();

  // Signs out, then back in: the code is now required, and a wrong one is refused.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await context.cookies()).filter((cookie) => cookie.name === "sid" && cookie.value)).toEqual([]);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmoderation/);
  await page.getByLabel("Email address").fill(moderatorEmail);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/login\/two-factor/); // the password alone opens nothing
  await enterCode(page, "123456" === generateTOTP(key, 30, 6) ? "654321" : "123456");
  await expect(page.getByText("That code is not right")).toBeVisible();
  // 14.14: the code used to enrol is spent; the app's next code (one step ahead is allowed for drift) works.
  await enterCode(page, enrolmentCode);
  await expect(page.getByText("That code is not right")).toBeVisible();
  await enterCode(page, generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000)) + 1n, 6));
  await expect(page.getByRole("heading", { name: "Moderation" })).toBeVisible();
  await context.close();
});

test("wrong two-factor codes are refused, then rate limited", async ({ page }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signIn(page, moderator.email, STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/login\/two-factor/);
  const wrong = currentCode(moderator.totpKey!) === "111111" ? "222222" : "111111";
  for (let attempt = 0; attempt < 5; attempt++) {
    await enterCode(page, wrong);
    await expect(page.getByText("That code is not right")).toBeVisible();
  }
  await enterCode(page, currentCode(moderator.totpKey!));
  await expect(page.getByText("Too many attempts")).toBeVisible();
  await expect(page).toHaveURL(/\/login\/two-factor/);
});

test("sign-in errors do not reveal whether an account exists", async ({ page }) => {
  const caseworker = await createStaff(["caseworker"]);
  await signIn(page, caseworker.email, "a wrong password entirely");
  const wrongPassword = await page.getByRole("alert").textContent();
  await signIn(page, "nobody-at-all@example.org", "a wrong password entirely");
  expect(await page.getByRole("alert").textContent()).toBe(wrongPassword);
});

test("security headers on a public page and a staff page", async ({ request }) => {
  const admin = await createStaff(["admin"], { twoFactor: true });
  const cookie = await sessionCookieFor(admin);
  // Public pages are served from a cache, so their inline scripts are allowed by
  // hash (app/public-page-cache.server.ts); staff pages get a fresh nonce.
  for (const [path, headers, scripts] of [
    ["/", {}, /script-src 'self'( 'sha256-[A-Za-z0-9+/]{43}=')+;/],
    ["/admin/audit", { cookie }, /script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}';/],
  ] as const) {
    const response = await request.get(path, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    const csp = response.headers()["content-security-policy"]!;
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(scripts);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers()["content-security-policy-report-only"]).toBeUndefined();
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["permissions-policy"]).toContain("geolocation=(self)");
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
  }
});

test("staff pages and their data requests are never kept by a browser or proxy (ASVS 8.2.1)", async ({ request }) => {
  const admin = await createStaff(["admin"], { twoFactor: true });
  const cookie = await sessionCookieFor(admin);
  for (const path of ["/admin/audit", "/admin/audit.data", "/Moderation"]) {
    const response = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toBe("no-store");
  }
  expect((await request.get("/login")).headers()["cache-control"]).toBe("no-store");
});

test("a public visitor's browser holds no cookie after every public page and form", async ({ page, context }) => {
  for (const path of ["/", "/search?country=GB", "/services/childline", "/request-access", "/login", "/reset-password", "/no-such-page"]) {
    await page.goto(path);
  }
  await page.goto("/request-access");
  await page.getByLabel("Your name").fill("Sam Social Worker");
  await page.getByLabel("Organization").selectOption({ label: "Not in the list" });
  await page.getByLabel("Not in the list? Its name and town").fill("Family Services, Leeds");
  await page.getByLabel("Work email address").fill("sam@example.org");
  await page.getByLabel("How will you use Signpost?").fill("To refer families to local services.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Thank you. An admin will look at your request")).toBeVisible();
  expect(await context.cookies()).toEqual([]);
});

// A request that claims to be for another host, as an attacker can send it.
const FORGED = { host: "attacker.example", origin: "http://attacker.example" };

test("14.1 a reset link names PUBLIC_URL even when the request names another host", async ({ request, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  const response = await request.post("/reset-password", { headers: FORGED, form: { email: caseworker.email }, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const mail = await mailTo(caseworker.email);
  expect(mail.text).toMatch(new RegExp(`${baseURL}/reset-password/[a-z2-9]{32}\\n`));
  expect(mail.text).not.toContain("attacker.example");
});

test("14.1 the invitation link, shown and emailed, names PUBLIC_URL even when the request names another host", async ({ request, baseURL }) => {
  const admin = await createStaff(["admin"], { twoFactor: true });
  const email = `invited-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const response = await request.post("/admin/invitations", {
    headers: { ...FORGED, cookie: await sessionCookieFor(admin) },
    form: { intent: "invite", email, role: "caseworker" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toMatch(new RegExp(`<code data-testid="invitation-link">${baseURL}/invitations/[a-z2-9]{32}</code>`));
  expect(html).not.toContain("attacker.example/invitations");
  expect((await mailTo(email)).text).toContain(`${baseURL}/invitations/`);
});

test("14.1 a referral pack's link names PUBLIC_URL even when the request names another host", async ({ request, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  const response = await request.post("/caseworker/packs/new", {
    headers: { ...FORGED, cookie: await sessionCookieFor(caseworker) },
    form: { service: await serviceIdFor("childline"), locale: "en", expiresInDays: "1" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toMatch(new RegExp(`data-testid="share-link"`));
  expect(html).toMatch(new RegExp(`value="${baseURL}/p/[^"]+"`));
  expect(html).not.toContain("attacker.example");
});

test("14.13 a reset request gets the same answer for an account and for nobody", async ({ request, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  const ask = async (email: string) => {
    const response = await request.post("/reset-password", { headers: { origin: baseURL! }, form: { email }, maxRedirects: 0 });
    // Each page has its own CSP nonce; nothing else may differ.
    return { status: response.status(), body: (await response.text()).replace(/nonce="[^"]*"/g, 'nonce=""') };
  };
  const known = await ask(caseworker.email);
  const unknown = await ask(`nobody-${crypto.randomUUID().slice(0, 8)}@example.org`);
  expect(known.status).toBe(200);
  expect(unknown).toEqual(known);
  await mailTo(caseworker.email); // the real account still gets its link, after the answer
});

test("14.14 passing the second factor gives the browser a new session cookie", async ({ page, context }) => {
  const moderator = await createStaff(["moderator"], { twoFactor: true });
  await signIn(page, moderator.email, STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/login\/two-factor/);
  const before = (await context.cookies()).find((cookie) => cookie.name === "sid")!.value;
  await enterCode(page, currentCode(moderator.totpKey!));
  await expect(page.getByRole("heading", { name: "Moderation" })).toBeVisible();
  const after = (await context.cookies()).find((cookie) => cookie.name === "sid")!.value;
  expect(after.split(".")[0]).not.toBe(before.split(".")[0]);
});

test("14.12 inviting an email that already has an account is refused with a message", async ({ request, baseURL }) => {
  const admin = await createStaff(["admin"], { twoFactor: true });
  const caseworker = await createStaff(["caseworker"]);
  const response = await request.post("/admin/invitations", {
    headers: { origin: baseURL!, cookie: await sessionCookieFor(admin) },
    form: { intent: "invite", email: caseworker.email, role: "admin" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain(`${caseworker.email} already has an account`);
  expect(mailsTo(caseworker.email)).toEqual([]);
});

test("14.4 open redirect: signing in never sends anyone to another site, and odd characters get no 500", async ({ request, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  for (const redirectTo of ["/\t/evil.example/phish", "/\t\\evil.example", "/.//evil.example"]) {
    const response = await request.post("/login", {
      form: { email: caseworker.email, password: STAFF_PASSWORD, redirectTo },
      headers: { origin: baseURL! },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(redirectTo)).toBe(302);
    expect(response.headers().location, JSON.stringify(redirectTo)).toBe("/caseworker");
  }
  // Already signed in, /login sends the person on at once: CR/LF and odd Unicode included.
  const cookie = await sessionCookieFor(caseworker);
  for (const [query, location] of [
    ["%2F%0D%0ASet-Cookie%3A%20x%3D1", "/caseworker"],
    ["%2F%09%5Cevil.example", "/caseworker"],
    ["%2Fsearch%3Fq%3D%E2%80%A8%F0%9F%98%80", "/search?q=%E2%80%A8%F0%9F%98%80"],
  ]) {
    const response = await request.get(`/login?redirectTo=${query}`, { headers: { cookie }, maxRedirects: 0 });
    expect(response.status(), query).toBe(302);
    expect(response.headers().location, query).toBe(location);
  }
});

test("14.6 TRUST_PROXY: a client cannot dodge the address limit by writing its own X-Forwarded-For", async ({ request, baseURL }) => {
  // The e2e server trusts one proxy (scripts/e2e-server.sh): the last entry is the proxy's view of the client.
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 25; attempt++) {
    const response = await request.post("/login", {
      form: { email: `nobody-${attempt}@example.org`, password: "a wrong password entirely" },
      headers: { origin: baseURL!, "x-forwarded-for": `10.${attempt}.0.1, 192.0.2.200` },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
  expect(statuses.slice(20)).toEqual(Array(5).fill(429));
});

test("19 password change attempts are limited: wrong current passwords get a form error, then 429", async ({ request, baseURL }) => {
  const caseworker = await createStaff(["caseworker"]);
  const cookie = await sessionCookieFor(caseworker);
  const change = (current: string) =>
    request.post("/account/password", {
      form: { current, password: "a brand new long passphrase", passwordConfirm: "a brand new long passphrase" },
      headers: { origin: baseURL!, cookie },
      maxRedirects: 0,
    });
  for (let attempt = 0; attempt < 5; attempt++) expect((await change("not my password at all")).status()).toBe(400);
  const refused = await change(STAFF_PASSWORD);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Too many attempts");
});

test("11 organizations: an admin adds one, a request names it, and only the admin's approval puts the person in it", async ({ browser, baseURL }) => {
  const admin = await createStaff(["admin"], { twoFactor: true });
  const adminContext = await browser.newContext();
  await signInContext(adminContext, admin, baseURL!);
  const adminPage = await adminContext.newPage();
  const name = `Leeds Family Centre ${crypto.randomUUID().slice(0, 8)}`;
  await adminPage.goto("/admin/organizations");
  await adminPage.getByLabel("Name", { exact: true }).fill(name);
  await adminPage.getByLabel("Country").selectOption("GB");
  await adminPage.getByLabel("Kind").selectOption({ label: "Charity or NGO" });
  await adminPage.getByRole("button", { name: "Add organization" }).click();
  await expect(adminPage.getByRole("heading", { name })).toBeVisible();
  const organizationPage = adminPage.url();

  // The public form offers it from the list: nobody types an organization into being.
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `caseworker-${crypto.randomUUID().slice(0, 8)}@example.org`;
  await page.goto("/request-access");
  await page.getByLabel("Your name").fill("Casey Caseworker");
  await page.getByLabel("Organization").selectOption({ label: name });
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("How will you use Signpost?").fill("To refer families to local services.");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Thank you. An admin will look at your request")).toBeVisible();

  // The admin sees the claim, confirms it, and approves.
  await adminPage.goto("/admin/access-requests");
  const request = adminPage.locator("article", { hasText: email });
  await expect(request.getByRole("heading")).toContainText(name);
  await expect(request.getByLabel("Organization (confirm it)").locator("option:checked")).toHaveText(`${name} (GB)`);
  await request.getByRole("button", { name: "Approve and invite" }).click();
  const link = (await adminPage.locator("code").textContent())!.trim();
  expect(link).toMatch(/\/invitations\/[a-z2-9]{32}$/);

  await page.goto(link);
  await page.getByLabel("Your name").fill("Casey Caseworker");
  await page.getByLabel("Password", { exact: true }).fill("a caseworker's own long passphrase");
  await page.getByLabel("Password again").fill("a caseworker's own long passphrase");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=invited/);

  await adminPage.goto(organizationPage);
  await expect(adminPage.getByRole("listitem").filter({ hasText: email })).toBeVisible();
  await context.close();
  await adminContext.close();
});
