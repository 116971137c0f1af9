import { prisma } from "#app/db.server.ts";
import { readMigrations } from "./schema-engine.server.ts";

// Ready to serve: PostgreSQL answers, quickly, and has every migration we ship.
export async function databaseReadiness(timeoutMs = 2000): Promise<{ ready: boolean; reason?: string }> {
  const expected = readMigrations().migrationDirectories.map((directory) => directory.path);
  try {
    const applied = await Promise.race([
      prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database did not answer in time")), timeoutMs)),
    ]);
    const names = new Set(applied.map((row) => row.migration_name));
    const missing = expected.filter((name) => !names.has(name));
    return missing.length === 0 ? { ready: true } : { ready: false, reason: `${missing.length} migration(s) not applied` };
  } catch (error) {
    return { ready: false, reason: (error as Error).message };
  }
}
