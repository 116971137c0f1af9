-- Staff organizations become records that admins create (issue 14, item 11).
-- Before, "organization" was free text typed in /request-access and copied onto
-- the account, and lists were shared by matching that text: typing another
-- organization's name was enough to read its shared lists.

CREATE TYPE "staff_organization_kind" AS ENUM ('CHARITY', 'SOCIAL_SERVICES', 'SCHOOL', 'HEALTH', 'POLICE', 'OTHER');

CREATE TABLE "staff_organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT,
    "kind" "staff_organization_kind" NOT NULL DEFAULT 'OTHER',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_organization_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "staff_organization_name_key" ON "staff_organization"("name");

ALTER TABLE "app_user" ADD COLUMN "organization_id" UUID;
ALTER TABLE "account_token" ADD COLUMN "organization_id" UUID;
ALTER TABLE "access_request" ADD COLUMN "organization_id" UUID, ADD COLUMN "organization_note" TEXT;

-- One record per distinct name that accounts carry today, matched exactly as
-- list sharing matched it, so that colleagues who shared lists still do and
-- nobody gains access they did not have. Country is left for an admin to set.
INSERT INTO "staff_organization" ("id", "name", "updated_at")
SELECT gen_random_uuid(), "organization_name", CURRENT_TIMESTAMP
FROM (SELECT DISTINCT "organization_name" FROM "app_user" WHERE "organization_name" IS NOT NULL AND "organization_name" <> '') AS names;

UPDATE "app_user" AS u SET "organization_id" = o."id"
FROM "staff_organization" AS o
WHERE o."name" = u."organization_name";

-- What requesters typed is kept as a note for the admin to read; it makes no
-- one a member. Invitations already sent carry no organization: an admin sets
-- it on the account (before, the typed name was copied on acceptance).
UPDATE "access_request" SET "organization_note" = "organization_name";

ALTER TABLE "access_request" DROP COLUMN "organization_name";
ALTER TABLE "app_user" DROP COLUMN "organization_name";

CREATE INDEX "app_user_organization_id_idx" ON "app_user"("organization_id");

ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "staff_organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "account_token" ADD CONSTRAINT "account_token_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "staff_organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "access_request" ADD CONSTRAINT "access_request_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "staff_organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
