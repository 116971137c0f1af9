import { spawn, type ChildProcess } from "node:child_process";

// Starts the production build (npm run build first) on its own fresh embedded
// database with the demo directory, or on DATABASE_URL when given, for scripts
// and tests that need a real server process.

export type ProductionServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startProductionServer(
  port: number,
  name: string,
  /** discardLogs: send the access log to /dev/null (a benchmark's millions of lines), keeping errors. */
  options: { env?: Record<string, string>; postgresPort?: number; discardLogs?: boolean } = {},
): Promise<ProductionServer> {
  let output = "";
  const child: ChildProcess = spawn("bash", ["scripts/e2e-server.sh", String(port)], {
    env: {
      ...process.env,
      // A DATABASE_URL inherited from the caller (a test worker's) must not leak in.
      DATABASE_URL: "",
      E2E_POSTGRES_DIR: `.data/${name}-postgres`,
      E2E_POSTGRES_PORT: String(options.postgresPort ?? 51_000 + (port % 1000)),
      // As `npm run demo` runs it: the embedded database's address is derived from the port it listens on.
      PUBLIC_URL: "",
      // Links name the port this server really listens on, whatever the caller's environment says.
      ...options.env,
    },
    stdio: ["ignore", options.discardLogs ? "ignore" : "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`The production server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`The production server did not start within 2 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return; // stopped already
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
