-- CreateEnum
CREATE TYPE "revision_kind" AS ENUM ('CREATE', 'EDIT', 'RESTORE', 'ARCHIVE', 'UNARCHIVE');

-- CreateEnum
CREATE TYPE "revision_status" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "verification_method" AS ENUM ('PHONE_CALL', 'EMAIL', 'WEBSITE', 'IN_PERSON', 'PARTNER_ATTESTATION');

-- CreateEnum
CREATE TYPE "verification_outcome" AS ENUM ('CONFIRMED', 'CHANGES_NEEDED', 'UNREACHABLE', 'CLOSED');

-- CreateEnum
CREATE TYPE "queue_item_status" AS ENUM ('OPEN', 'TAKEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "report_reason" AS ENUM ('WRONG_CONTACT', 'CLOSED', 'NO_LONGER_HELPS', 'UNSAFE', 'OTHER');

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "next_verification_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "verification_interval_months" INTEGER NOT NULL DEFAULT 6;

-- CreateTable
CREATE TABLE "revision" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "revision_kind" NOT NULL,
    "status" "revision_status" NOT NULL DEFAULT 'PENDING',
    "snapshot" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewer_id" UUID,
    "review_comment" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "restored_from_id" UUID,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL,
    "method" "verification_method" NOT NULL,
    "outcome" "verification_outcome" NOT NULL,
    "notes" TEXT,
    "verifier_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listing_report" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "reason" "report_reason" NOT NULL,
    "details" TEXT,
    "from_caseworker" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "queue_item_status" NOT NULL DEFAULT 'OPEN',
    "assignee_id" UUID,
    "resolved_by_id" UUID,
    "resolution_note" TEXT,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "listing_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_suggestion" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "organization_name" TEXT,
    "website" TEXT,
    "contact" TEXT,
    "country" TEXT,
    "description" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "queue_item_status" NOT NULL DEFAULT 'OPEN',
    "assignee_id" UUID,
    "resolved_by_id" UUID,
    "resolution_note" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "draft_service_id" UUID,

    CONSTRAINT "service_suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "revision_status_created_at_idx" ON "revision"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "revision_service_id_number_key" ON "revision"("service_id", "number");

-- CreateIndex
CREATE INDEX "verification_service_id_verified_at_idx" ON "verification"("service_id", "verified_at");

-- CreateIndex
CREATE INDEX "listing_report_status_created_at_idx" ON "listing_report"("status", "created_at");

-- CreateIndex
CREATE INDEX "service_suggestion_status_created_at_idx" ON "service_suggestion"("status", "created_at");

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification" ADD CONSTRAINT "verification_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verification" ADD CONSTRAINT "verification_verifier_id_fkey" FOREIGN KEY ("verifier_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "listing_report" ADD CONSTRAINT "listing_report_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_suggestion" ADD CONSTRAINT "service_suggestion_draft_service_id_fkey" FOREIGN KEY ("draft_service_id") REFERENCES "service"("id") ON DELETE SET NULL ON UPDATE CASCADE;
