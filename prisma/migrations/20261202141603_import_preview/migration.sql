-- CreateTable
CREATE TABLE "import_preview" (
    "id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "country" TEXT,
    "language" TEXT,
    "payload" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_preview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_preview_expires_at_idx" ON "import_preview"("expires_at");

-- AddForeignKey
ALTER TABLE "import_preview" ADD CONSTRAINT "import_preview_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
