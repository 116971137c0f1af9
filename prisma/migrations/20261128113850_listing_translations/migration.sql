-- AlterTable
ALTER TABLE "service" ADD COLUMN     "content_language" TEXT NOT NULL DEFAULT 'en';

-- CreateTable
CREATE TABLE "service_translation" (
    "service_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "name" TEXT,
    "short_description" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "service_translation_pkey" PRIMARY KEY ("service_id","locale")
);

-- AddForeignKey
ALTER TABLE "service_translation" ADD CONSTRAINT "service_translation_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
