// npm run hsds:conformance -- [http://localhost:3000]
// Checks a running Signpost's HSDS API as the ORUK validator would and prints
// a pass / warn / fail table; exits non-zero on any failure.
import { checkConformance, formatChecks } from "#tests/hsds-conformance.ts";

const base = (process.argv[2] ?? "http://localhost:3000").replace(/\/$/, "");
const checks = await checkConformance(async (path) => {
  const response = await fetch(`${base}/api/hsds${path}`);
  return { status: response.status, body: await response.json() };
});
console.log(formatChecks(checks));
const failed = checks.filter((check) => check.result === "fail").length;
const warned = checks.filter((check) => check.result === "warn").length;
console.log(`\n${checks.length - failed - warned} passed, ${warned} warnings, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
