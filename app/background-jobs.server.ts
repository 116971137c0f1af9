import { logger } from "#app/logger.server.ts";

// Work that must not hold up the answer to a request (sending email, and
// anything whose duration would tell the requester something). Jobs run one
// at a time, in order, in this process, after the current request has been
// handed its answer; a job that fails is logged, not retried. A crash loses
// the queue: acceptable for what runs here, which a person can ask for again.

type Job = { name: string; run: () => Promise<unknown> };

/** Beyond this many waiting jobs, new ones are dropped (and logged): a flood cannot exhaust memory. */
export const MAX_PENDING_JOBS = 1_000;

const queue: Job[] = [];
let running: Promise<void> | null = null;

export function runAfterResponse(name: string, run: () => Promise<unknown>): void {
  if (queue.length >= MAX_PENDING_JOBS) {
    logger.warn({ job: name }, "Background queue full: job dropped");
    return;
  }
  queue.push({ name, run });
  // setImmediate: after the promise chain that is answering the request has moved on.
  running ??= new Promise<void>((resolve) => setImmediate(() => void drain().finally(resolve))).finally(() => {
    running = null;
  });
}

async function drain() {
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      await job.run();
    } catch (error) {
      logger.error({ job: job.name, err: error }, "Background job failed");
    }
  }
}

/** Resolves once every queued job has run: for shutdown and tests. */
export async function backgroundJobsIdle(): Promise<void> {
  while (running) await running;
}
