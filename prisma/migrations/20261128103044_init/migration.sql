-- CreateEnum
CREATE TYPE "service_status" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "cost" AS ENUM ('FREE', 'LOW_COST', 'PAID');

-- CreateEnum
CREATE TYPE "yes_no_unknown" AS ENUM ('YES', 'NO', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "sharing_policy" AS ENUM ('NEVER', 'ONLY_IF_SOMEONE_IS_AT_RISK', 'ALWAYS', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "contact_kind" AS ENUM ('PHONE', 'SMS', 'CHAT', 'EMAIL', 'WEB_FORM', 'WALK_IN', 'APP');

-- CreateEnum
CREATE TYPE "area_kind" AS ENUM ('INTERNATIONAL', 'COUNTRY', 'SUBDIVISION', 'LOCALITY');

-- CreateTable
CREATE TABLE "organization" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "website" TEXT,
    "email" TEXT,
    "source_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "alternate_name" TEXT,
    "short_description" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "eligibility" TEXT,
    "cost" "cost" NOT NULL DEFAULT 'FREE',
    "cost_note" TEXT,
    "accessibility" TEXT,
    "status" "service_status" NOT NULL DEFAULT 'DRAFT',
    "website" TEXT,
    "source_url" TEXT NOT NULL,
    "anonymous_contact" "yes_no_unknown" NOT NULL DEFAULT 'UNKNOWN',
    "tells_police" "sharing_policy" NOT NULL DEFAULT 'UNKNOWN',
    "tells_parents" "sharing_policy" NOT NULL DEFAULT 'UNKNOWN',
    "child_can_use_without_parent" "yes_no_unknown" NOT NULL DEFAULT 'UNKNOWN',
    "minimum_age" INTEGER,
    "maximum_age" INTEGER,
    "records_kept" TEXT,
    "always_open" BOOLEAN NOT NULL DEFAULT false,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "last_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "search_document" tsvector,
    "search_text" TEXT,

    CONSTRAINT "service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "location" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT,
    "address" TEXT,
    "locality" TEXT,
    "postal_code" TEXT,
    "subdivision" TEXT,
    "country" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "timezone" TEXT,

    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_at_location" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "location_id" UUID NOT NULL,

    CONSTRAINT "service_at_location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_area" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "kind" "area_kind" NOT NULL,
    "country" TEXT,
    "subdivision" TEXT,
    "locality" TEXT,

    CONSTRAINT "service_area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact_channel" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "kind" "contact_kind" NOT NULL,
    "value" TEXT NOT NULL,
    "label" TEXT,
    "always_open" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "location_id" UUID,

    CONSTRAINT "contact_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedule" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "contact_channel_id" UUID,
    "weekday" INTEGER NOT NULL,
    "opens_at" INTEGER NOT NULL,
    "closes_at" INTEGER NOT NULL,

    CONSTRAINT "schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_language" (
    "service_id" UUID NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "service_language_pkey" PRIMARY KEY ("service_id","code")
);

-- CreateTable
CREATE TABLE "taxonomy" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "taxonomy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taxonomy_term" (
    "id" UUID NOT NULL,
    "taxonomy_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "taxonomy_term_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_taxonomy_term" (
    "service_id" UUID NOT NULL,
    "term_id" UUID NOT NULL,

    CONSTRAINT "service_taxonomy_term_pkey" PRIMARY KEY ("service_id","term_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organization_slug_key" ON "organization"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "service_slug_key" ON "service"("slug");

-- CreateIndex
CREATE INDEX "service_status_idx" ON "service"("status");

-- CreateIndex
CREATE INDEX "service_organization_id_idx" ON "service"("organization_id");

-- CreateIndex
CREATE INDEX "location_organization_id_idx" ON "location"("organization_id");

-- CreateIndex
CREATE INDEX "service_at_location_location_id_idx" ON "service_at_location"("location_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_at_location_service_id_location_id_key" ON "service_at_location"("service_id", "location_id");

-- CreateIndex
CREATE INDEX "service_area_service_id_idx" ON "service_area"("service_id");

-- CreateIndex
CREATE INDEX "service_area_country_idx" ON "service_area"("country");

-- CreateIndex
CREATE INDEX "service_area_subdivision_idx" ON "service_area"("subdivision");

-- CreateIndex
CREATE INDEX "contact_channel_service_id_idx" ON "contact_channel"("service_id");

-- CreateIndex
CREATE INDEX "contact_channel_location_id_idx" ON "contact_channel"("location_id");

-- CreateIndex
CREATE INDEX "schedule_service_id_idx" ON "schedule"("service_id");

-- CreateIndex
CREATE INDEX "schedule_contact_channel_id_idx" ON "schedule"("contact_channel_id");

-- CreateIndex
CREATE INDEX "service_language_code_idx" ON "service_language"("code");

-- CreateIndex
CREATE UNIQUE INDEX "taxonomy_code_key" ON "taxonomy"("code");

-- CreateIndex
CREATE UNIQUE INDEX "taxonomy_term_taxonomy_id_code_key" ON "taxonomy_term"("taxonomy_id", "code");

-- CreateIndex
CREATE INDEX "service_taxonomy_term_term_id_idx" ON "service_taxonomy_term"("term_id");

-- AddForeignKey
ALTER TABLE "service" ADD CONSTRAINT "service_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "location" ADD CONSTRAINT "location_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_at_location" ADD CONSTRAINT "service_at_location_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_area" ADD CONSTRAINT "service_area_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_channel" ADD CONSTRAINT "contact_channel_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_channel" ADD CONSTRAINT "contact_channel_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_contact_channel_id_fkey" FOREIGN KEY ("contact_channel_id") REFERENCES "contact_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_language" ADD CONSTRAINT "service_language_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taxonomy_term" ADD CONSTRAINT "taxonomy_term_taxonomy_id_fkey" FOREIGN KEY ("taxonomy_id") REFERENCES "taxonomy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_taxonomy_term" ADD CONSTRAINT "service_taxonomy_term_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_taxonomy_term" ADD CONSTRAINT "service_taxonomy_term_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "taxonomy_term"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
