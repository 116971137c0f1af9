// npx tsx scripts/moderation-timing.ts [--flow after|before] [--app-dir DIR] [--port 3461] [--postgres-port 54462]
//
// Clicks and seconds for "handle a wrong-number report end to end" (issue 23):
// from the queue to the fix approved by a second moderator and the report
// closed. Starts the production build in --app-dir (run `npm run build` there
// first) on a fresh embedded database, like the e2e tests, and drives it in
// Chromium.
//
// --flow before: the path without issue 23's links (the editor does not show
// the report, the reviewer finds the revision by the listing's name, and the
// report is resolved by hand in the queue afterwards). Run it against a build
// of the code before the change to measure the old figures.
// --flow after: the editor opened from the report links the fix, the queue
// links the fix waiting for review, and approving resolves the report.
//
// Figures, not assertions: the machine's load moves the seconds; the clicks
// (every click, a click into a field counting as one) do not.
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { chromium, type Locator, type Page } from "@playwright/test";

const { values } = parseArgs({
  options: {
    flow: { type: "string", default: "after" },
    "app-dir": { type: "string", default: process.cwd() },
    port: { type: "string", default: process.env.E2E_PORT ?? "3461" },
    "postgres-port": { type: "string", default: process.env.E2E_POSTGRES_PORT ?? "54462" },
  },
});
if (values.flow !== "before" && values.flow !== "after") throw new Error("--flow is before or after");
const baseURL = `http://localhost:${values.port}`;
process.env.E2E_POSTGRES_PORT = values["postgres-port"];

async function waitForServer(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const server = spawn("bash", ["scripts/e2e-server.sh", values.port!], {
  cwd: values["app-dir"],
  env: { ...process.env, E2E_POSTGRES_PORT: values["postgres-port"], E2E_POSTGRES_DIR: ".data/timing-postgres" },
  stdio: "ignore",
  detached: true,
});
const stopServer = () => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
};

let clicks = 0;
async function click(target: Locator) {
  clicks += 1;
  await target.click();
}
async function type(target: Locator, text: string) {
  clicks += 1; // into the field
  await target.fill(text);
}

async function run() {
  await waitForServer(`${baseURL}/`, 180_000);
  const { createStaff, serviceIdFor, signInContext } = await import("../tests/e2e/staff-fixtures.ts");
  const { prisma } = await import("#app/db.server.ts");

  const reportDetails = "Calling the number reaches a fax machine";
  const serviceId = await serviceIdFor("nummer-gegen-kummer-kinder-jugendtelefon");
  const service = await prisma.service.findUniqueOrThrow({ where: { id: serviceId }, select: { name: true } });
  // Only the columns both builds have, so that --flow before runs against the old schema too.
  const { id: reportId } = await prisma.listingReport.create({ data: { serviceId, reason: "WRONG_CONTACT", details: reportDetails }, select: { id: true } });
  const author = await createStaff(["moderator"], { twoFactor: true });
  const reviewer = await createStaff(["moderator"], { twoFactor: true });

  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium",
    args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const pageFor = async (staff: Awaited<ReturnType<typeof createStaff>>): Promise<Page> => {
    const context = await browser.newContext({ baseURL });
    await signInContext(context, staff, baseURL);
    return context.newPage();
  };
  const a = await pageFor(author);
  const b = await pageFor(reviewer);

  const started = performance.now();
  const lap: Record<string, number> = {};
  // Moderator A: from the report in the queue to the fix saved for review.
  await a.goto("/moderation");
  const reportItem = a.getByTestId("queue-item").filter({ hasText: reportDetails });
  await click(reportItem.getByRole("link", { name: service.name }));
  await type(a.locator('input[name="contactChannels[0].value"]'), "0800 111 0333");
  await type(a.locator('textarea[name="reason"]'), `Fixes the report: ${reportDetails}`);
  await click(a.getByRole("button", { name: "Save for review" }));
  await a.getByText(/Saved as revision \d+/).waitFor();
  lap.fixSaved = performance.now() - started;

  // Moderator B: from the queue to the fix approved (and, before, the report closed by hand).
  await b.goto("/moderation");
  if (values.flow === "after") {
    await click(b.getByTestId("queue-item").filter({ hasText: reportDetails }).getByRole("link", { name: /Fix waiting for review/ }));
    await click(b.getByRole("button", { name: "Approve and publish" }));
    await b.getByTestId("review-done").getByText("Reports resolved by this revision: 1.").waitFor();
    lap.approved = performance.now() - started;
  } else {
    await click(b.getByTestId("queue-item").filter({ hasText: /^\s*Revision/ }).filter({ hasText: service.name }).getByRole("link", { name: service.name }));
    await click(b.getByRole("button", { name: "Approve and publish" }));
    await b.getByText("Status: APPROVED").waitFor();
    lap.approved = performance.now() - started;
    await b.goto("/moderation");
    const report = b.getByTestId("queue-item").filter({ hasText: reportDetails });
    await type(report.getByLabel("Note"), "Fixed by the revision just approved");
    await click(report.getByRole("button", { name: "Resolve" }));
    await b.getByTestId("queue-item").filter({ hasText: reportDetails }).waitFor({ state: "detached" });
  }
  const total = performance.now() - started;
  const resolved = await prisma.listingReport.findUniqueOrThrow({ where: { id: reportId }, select: { status: true, resolutionNote: true } });
  await browser.close();
  console.log(
    JSON.stringify(
      {
        flow: values.flow,
        clicks,
        seconds: Number((total / 1000).toFixed(1)),
        secondsToFixSaved: Number((lap.fixSaved! / 1000).toFixed(1)),
        secondsToApproved: Number((lap.approved! / 1000).toFixed(1)),
        report: { status: resolved.status, note: resolved.resolutionNote },
      },
      null,
      2,
    ),
  );
}

run()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopServer();
    // The Prisma pool would keep the process alive.
    setTimeout(() => process.exit(), 1000).unref();
  });
