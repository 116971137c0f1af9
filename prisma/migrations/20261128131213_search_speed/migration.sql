-- DropIndex
DROP INDEX "service_last_verified_at_name_id_idx";

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "verified_day" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "search_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "service_verified_day_name_id_idx" ON "service"("verified_day" DESC, "name", "id");

-- Hand-written: the verification day and the word list, kept by triggers.
CREATE OR REPLACE FUNCTION service_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  organization_name text;
BEGIN
  SELECT name INTO organization_name FROM organization WHERE id = NEW.organization_id;
  NEW.search_document :=
       setweight(to_tsvector('signpost_simple', concat_ws(' ', NEW.name, NEW.alternate_name)), 'A')
    || setweight(to_tsvector('signpost_simple', coalesce(organization_name, '')), 'B')
    || setweight(to_tsvector('signpost_simple', coalesce(NEW.short_description, '')), 'C')
    || setweight(to_tsvector('signpost_simple', coalesce(NEW.description, '')), 'D');
  NEW.search_text := lower(signpost_unaccent(concat_ws(' ', NEW.name, NEW.alternate_name, organization_name)));
  NEW.verified_day := coalesce(floor(extract(epoch FROM NEW.last_verified_at) / 86400)::integer, 0);
  RETURN NEW;
END
$$;

-- Only published words: a draft's words must not show through a correction.
CREATE FUNCTION service_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_word (word)
    SELECT DISTINCT word FROM unnest(tsvector_to_array(NEW.search_document)) AS word
    WHERE length(word) BETWEEN 3 AND 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER service_collect_words
  AFTER INSERT OR UPDATE ON service
  FOR EACH ROW WHEN (NEW.status = 'PUBLISHED')
  EXECUTE FUNCTION service_collect_words();

-- Existing rows.
UPDATE service SET verified_day = coalesce(floor(extract(epoch FROM last_verified_at) / 86400)::integer, 0);
INSERT INTO search_word (word)
  SELECT DISTINCT word FROM service, unnest(tsvector_to_array(search_document)) AS word
  WHERE status = 'PUBLISHED' AND length(word) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
