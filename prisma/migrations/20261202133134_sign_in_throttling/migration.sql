-- Sign-in throttling by failures (docs/decisions/0004-sign-in-throttling.md), and an end
-- time on every rate-limit window so that ended ones can be purged.

-- DropIndex
DROP INDEX "rate_limit_window_window_start_idx";

-- AlterTable
-- Windows last an hour at most, so emptying them costs one window at worst, and it
-- removes the old sign-in counters that were keyed by the typed email and the raw address.
DELETE FROM "rate_limit_window";
ALTER TABLE "rate_limit_window" ADD COLUMN     "expires_at" TIMESTAMPTZ(3) NOT NULL;

-- CreateTable
CREATE TABLE "failure_throttle" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),
    "refusals" INTEGER NOT NULL DEFAULT 0,
    "forget_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "failure_throttle_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE INDEX "failure_throttle_forget_at_idx" ON "failure_throttle"("forget_at");

-- CreateIndex
CREATE INDEX "rate_limit_window_expires_at_idx" ON "rate_limit_window"("expires_at");
