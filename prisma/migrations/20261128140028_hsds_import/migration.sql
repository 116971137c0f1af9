-- CreateTable
CREATE TABLE "import_record" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "original_id" TEXT NOT NULL,
    "service_id" UUID NOT NULL,
    "content_hash" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_record_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_record_service_id_idx" ON "import_record"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "import_record_source_original_id_key" ON "import_record"("source", "original_id");

-- AddForeignKey
ALTER TABLE "import_record" ADD CONSTRAINT "import_record_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
