// npm run db:synthetic -- --services 100000 [--fresh]
// Fills a separate database (synthetic_<N> on the embedded server in
// .data/synthetic-postgres, never the demo or production one) with a made-up
// directory of N published services, for benchmarks. Prints its address.
import { parseArgs } from "node:util";
import { z } from "zod";
import { openSyntheticDatabase } from "./lib/synthetic-database.ts";

const { values } = parseArgs({ options: { services: { type: "string", default: "100000" }, fresh: { type: "boolean", default: false } } });
const services = z.coerce
  .number({ error: "--services takes a number, such as 100000" })
  .int("--services takes a whole number")
  .min(1, "--services must be at least 1")
  .max(5_000_000, "--services must be 5,000,000 or less")
  .parse(values.services);

const database = await openSyntheticDatabase(services, { fresh: values.fresh, log: (message) => console.log(message) });
try {
  console.log(database.created ? `Ready: ${database.url}` : `Already there (use --fresh to make it again): ${database.url}`);
} finally {
  await database.stop();
}
