-- A report points at the revision written to fix it, so approving that revision
-- resolves the report (issue 23 item 7). A deleted revision unlinks, never deletes, the report.
-- AlterTable
ALTER TABLE "listing_report" ADD COLUMN     "revision_id" UUID;

-- CreateIndex
CREATE INDEX "listing_report_revision_id_idx" ON "listing_report"("revision_id");

-- AddForeignKey
ALTER TABLE "listing_report" ADD CONSTRAINT "listing_report_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
