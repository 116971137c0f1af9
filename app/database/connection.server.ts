import pg from "pg";

// A connection of our own, outside the app's pool (the availability probe,
// creating databases and roles, backups, migrations' helpers). PostgreSQL ends
// connections when it restarts, fails over or crashes (57P01 and the like),
// and an 'error' event nobody listens to ends the whole Node process: every
// such connection is made here, listened to, and always closed.

/** Connects, runs `work`, and closes the connection whatever happens. */
export async function withConnection<T>(config: string | pg.ClientConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(typeof config === "string" ? { connectionString: config } : config);
  // The query that was running (or the next one) fails with the reason; nothing else to do.
  client.on("error", () => {});
  try {
    await client.connect();
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}
