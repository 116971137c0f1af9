// Run by `npm run bench` as its own process (one database per process):
//   tsx scripts/lib/bench-explain.ts <database url>
// Prints, as JSON, for each scenario: the page query's EXPLAIN (ANALYZE,
// BUFFERS) execution time (median of 7 after a warm-up), the indexes its plan
// uses, and the time of the whole search (every query one search makes).
import { SCENARIOS } from "./bench-scenarios.ts";

process.env.DATABASE_URL = process.argv[2];
const { prisma } = await import("#app/db.server.ts");
const { SearchQuerySchema, explainSearch, searchServices } = await import("#app/modules/directory/search.server.ts");
const { parseSearchParams } = await import("#app/validation.server.ts");
const { REPEATABLE_SEARCH_PARAMS } = await import("#app/modules/directory/search.server.ts");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type ExplainFigures = { name: string; sqlMs: number; planningMs: number; indexes: string[]; usesIntended: boolean; searchMs: number; total: number };

const figures: ExplainFigures[] = [];
try {
  for (const scenario of SCENARIOS) {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(scenario.hot)) for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
    const query = parseSearchParams(params, SearchQuerySchema, REPEATABLE_SEARCH_PARAMS);
    await explainSearch(query);
    const plans = [];
    for (let run = 0; run < 7; run += 1) plans.push(await explainSearch(query));
    const searches: number[] = [];
    let total = 0;
    for (let run = 0; run < 7; run += 1) {
      const started = performance.now();
      total = (await searchServices(query)).total;
      searches.push(performance.now() - started);
    }
    const indexes = plans[0]!.indexes;
    figures.push({
      name: scenario.name,
      sqlMs: median(plans.map((plan) => plan.executionMs)),
      planningMs: median(plans.map((plan) => plan.planningMs)),
      indexes,
      usesIntended: indexes.some((index) => scenario.indexes.includes(index)),
      searchMs: median(searches),
      total,
    });
  }
  console.log(JSON.stringify(figures));
} finally {
  await prisma.$disconnect();
}
