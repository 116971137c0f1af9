import { EMERGENCY_NUMBERS } from "#app/modules/regions/emergency-numbers.ts";
import { withConnection } from "./connection.server.ts";

// When PostgreSQL is unreachable, public pages still answer, quickly, with a
// calm page that shows emergency numbers and international helplines, kept in
// memory so that no database is needed. The server probes the database every
// second over a connection of its own; a query that fails to connect also
// marks it down at once. Waiting for a busy pool does not: that is load, not
// an outage, and the probe, which does not wait for the pool, tells them apart.

type State = { down: boolean; since: number };
const state: State = ((globalThis as Record<string, unknown>).signpostDatabaseState ??= { down: false, since: 0 }) as State;

export function markDatabaseDown() {
  if (!state.down) Object.assign(state, { down: true, since: Date.now() });
}

export function markDatabaseUp() {
  if (state.down) Object.assign(state, { down: false, since: Date.now() });
}

export function isDatabaseDown(): boolean {
  return state.down;
}

/** Errors that mean "the database cannot be reached", not "the query was wrong". */
export function isConnectionError(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""} ${String((error as { cause?: unknown })?.cause ?? "")}`;
  // 57P01–57P03: the server ended the connection (a fast or immediate shutdown, a crash) or is not accepting any.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|Can't reach database|connection.*(closed|ended)|P1001|P1017|57P0[123]|terminating connection|the database system is (starting up|shutting down|in recovery mode)|not queryable/i.test(text);
}

/** Whether PostgreSQL answers now, over a connection of its own: a busy pool must not look like an outage. */
export async function databaseAnswers(url: string): Promise<boolean> {
  try {
    await withConnection({ connectionString: url, connectionTimeoutMillis: 1000, query_timeout: 1000 }, (client) => client.query("SELECT 1"));
    return true;
  } catch {
    return false;
  }
}

// International services every person can use, whatever happens to the database.
const INTERNATIONAL = [
  { name: "Child Helpline International – find a child helpline", url: "https://childhelplineinternational.org/helplines/" },
  { name: "INHOPE – report child sexual abuse material to your country's hotline", url: "https://www.inhope.org/EN" },
  { name: "Take It Down – remove images taken before you were 18", url: "https://takeitdown.ncmec.org/" },
  { name: "StopNCII.org – stop intimate images being shared (18 and over)", url: "https://stopncii.org/" },
];

const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** A complete, self-contained HTML page: no database, no script, no other origin. */
export function unavailablePage(quickExitUrl: string): string {
  const numbers = Object.entries(EMERGENCY_NUMBERS)
    .map(([country, entry]) => {
      const name = new Intl.DisplayNames(["en"], { type: "region" }).of(country) ?? country;
      return `<li>${escape(name)}: ${entry.main.map((number) => `<a href="tel:${number}">${number}</a>`).join(" or ")}</li>`;
    })
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Signpost</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:0 auto;padding:1rem;color:#1f2a30;background:#fbfaf7}a{color:#2f6f73}.leave{display:inline-block;background:#8a3b12;color:#fff;padding:.6rem 1rem;border-radius:.4rem;font-weight:700;text-decoration:none}ul.numbers{columns:2}</style></head>
<body><p><a class="leave" href="${escape(quickExitUrl)}" rel="noreferrer">Leave this site</a></p>
<h1>Signpost is taking a short break</h1><p>The directory will be back in a moment. If someone is in danger right now, call your local emergency number.</p>
<h2>Help that is always there</h2><ul>${INTERNATIONAL.map((service) => `<li><a href="${service.url}" rel="noreferrer">${escape(service.name)}</a></li>`).join("")}</ul>
<h2>Emergency numbers</h2><ul class="numbers">${numbers}</ul></body></html>`;
}
