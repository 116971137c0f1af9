-- CreateTable
CREATE TABLE "saved_list" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shared_with_organization" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_list_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_list_item" (
    "id" UUID NOT NULL,
    "list_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_list_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_pack" (
    "id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "message" TEXT,
    "locale" TEXT NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_pack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "referral_pack_item" (
    "pack_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "referral_pack_item_pkey" PRIMARY KEY ("pack_id","service_id")
);

-- CreateIndex
CREATE INDEX "saved_list_owner_id_idx" ON "saved_list"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "saved_list_item_list_id_service_id_key" ON "saved_list_item"("list_id", "service_id");

-- CreateIndex
CREATE UNIQUE INDEX "referral_pack_token_hash_key" ON "referral_pack"("token_hash");

-- CreateIndex
CREATE INDEX "referral_pack_author_id_idx" ON "referral_pack"("author_id");

-- CreateIndex
CREATE INDEX "referral_pack_expires_at_idx" ON "referral_pack"("expires_at");

-- AddForeignKey
ALTER TABLE "saved_list" ADD CONSTRAINT "saved_list_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_list_item" ADD CONSTRAINT "saved_list_item_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "saved_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_list_item" ADD CONSTRAINT "saved_list_item_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_pack" ADD CONSTRAINT "referral_pack_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_pack_item" ADD CONSTRAINT "referral_pack_item_pack_id_fkey" FOREIGN KEY ("pack_id") REFERENCES "referral_pack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral_pack_item" ADD CONSTRAINT "referral_pack_item_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
