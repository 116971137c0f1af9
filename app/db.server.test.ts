import { expect, test } from "vitest";
import { withConnection } from "#app/database/connection.server.ts";
import { databasePoolCounts, prisma } from "./db.server.ts";

// Every connection taken from the pool for a request goes back, whatever went
// wrong: a connection kept by some error path drains the pool, and one that
// PostgreSQL then ends (a restart) used to be able to end the process.

const nothingCheckedOut = { checkedOut: 0, waiting: 0 };
function checkedOut() {
  const counts = databasePoolCounts();
  return { checkedOut: counts.total - counts.idle, waiting: counts.waiting };
}

test("14.3 no pooled connection stays checked out after a failed query, transaction or timeout", async () => {
  await expect(prisma.$queryRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow();
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      throw new Error("given up half-way");
    }),
  ).rejects.toThrow("given up half-way");
  await expect(prisma.$transaction(async (tx) => tx.$executeRawUnsafe("SELECT 1/0"))).rejects.toThrow();
  await expect(prisma.$transaction([prisma.$queryRaw`SELECT 1`, prisma.$queryRawUnsafe("SELECT * FROM no_such_table")])).rejects.toThrow();
  // Past the pool's query_timeout (1.8 s), and past a transaction's own timeout.
  await expect(prisma.$executeRaw`SELECT pg_sleep(3)`).rejects.toThrow(/timeout/i);
  await expect(
    prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_sleep(0.5)`;
        await tx.$queryRaw`SELECT 1`;
      },
      { timeout: 100 },
    ),
  ).rejects.toThrow();
  await expect.poll(checkedOut, { timeout: 10_000 }).toEqual(nothingCheckedOut);
  expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
});

test("14.3 connections ended by the server, idle or in a transaction, neither crash the process nor stay in the pool", async () => {
  // What a fast shutdown does to every connection: end it with 57P01.
  const terminateTheApp = () =>
    withConnection(process.env.DATABASE_URL!, (client) =>
      client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"),
    );
  await Promise.all(Array.from({ length: 5 }, () => prisma.$executeRaw`SELECT pg_sleep(0.05)`));
  expect(databasePoolCounts().idle).toBeGreaterThan(0);
  await expect(
    prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await terminateTheApp();
      await tx.$queryRaw`SELECT 1`;
    }),
  ).rejects.toThrow();
  await terminateTheApp();
  await expect.poll(checkedOut, { timeout: 10_000 }).toEqual(nothingCheckedOut);
  expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
});
