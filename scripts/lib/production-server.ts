import { spawn, type ChildProcess } from "node:child_process";

// Starts the production build (npm run build first) on its own fresh embedded
// database with the demo directory, for scripts that measure a real server.

export async function startProductionServer(port: number, name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn("bash", ["scripts/e2e-server.sh", String(port)], {
    env: { ...process.env, E2E_POSTGRES_DIR: `.data/${name}-postgres`, E2E_POSTGRES_PORT: String(port + 50_000 - 3000 > 65_000 ? 54_400 : port + 51_000) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("The production server did not start within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
