-- AlterTable
ALTER TABLE "revision" ADD COLUMN     "base_snapshot" JSONB;

-- Revisions written before this column: the base is the last approved
-- revision before them (what the public saw when they were written). A first
-- edit of a seeded listing has none, and the review page says so.
UPDATE "revision" r
SET "base_snapshot" = (
  SELECT p."snapshot" FROM "revision" p
  WHERE p."service_id" = r."service_id" AND p."number" < r."number" AND p."status" = 'APPROVED'
  ORDER BY p."number" DESC
  LIMIT 1
)
WHERE r."kind" <> 'CREATE';
