-- Search at scale: distance search (cube + earthdistance); the filters, counts
-- and order of /search read from columns of the service row, kept up to date
-- by triggers, instead of joining six tables for every result and every count;
-- and the list of published words that typo correction draws on.

CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- AlterTable
ALTER TABLE "location" ADD COLUMN     "earth_point" cube,
ADD COLUMN     "locality_key" TEXT,
ADD COLUMN     "postal_code_key" TEXT;

-- AlterTable
ALTER TABLE "service" ADD COLUMN     "access_features" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "area_keys" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "audience_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "category_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "contact_kinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "language_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "open_hours" int4multirange,
ADD COLUMN     "verified_day" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "place_rank" SMALLINT NOT NULL DEFAULT 4;

-- CreateTable
CREATE TABLE "search_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "search_word_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_word_trgm_idx" ON "search_word" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "location_earth_point_idx" ON "location" USING GIST ("earth_point");

-- CreateIndex
CREATE INDEX "location_locality_key_idx" ON "location"("locality_key");

-- CreateIndex
CREATE INDEX "location_postal_code_key_idx" ON "location" USING GIN ("postal_code_key" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "service_area_keys_idx" ON "service" USING GIN ("area_keys");

-- CreateIndex
CREATE INDEX "service_category_codes_idx" ON "service" USING GIN ("category_codes");

-- CreateIndex
CREATE INDEX "service_language_codes_idx" ON "service" USING GIN ("language_codes");

-- CreateIndex
CREATE INDEX "service_verified_day_name_id_idx" ON "service"("verified_day" DESC, "name", "id");

-- CreateIndex
CREATE INDEX "service_place_rank_verified_day_name_id_idx" ON "service"("place_rank", "verified_day" DESC, "name", "id");

-- ── Locations: the point and the folded place names ─────────────────────────
CREATE FUNCTION location_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.earth_point := CASE WHEN NEW.latitude IS NOT NULL AND NEW.longitude IS NOT NULL
    THEN ll_to_earth(NEW.latitude, NEW.longitude) END;
  NEW.locality_key := nullif(lower(signpost_unaccent(btrim(NEW.locality))), '');
  -- "SW1A 1AA", "sw1a1aa" and "SW1A-1AA" are one postal code.
  NEW.postal_code_key := nullif(upper(regexp_replace(NEW.postal_code, '[^0-9A-Za-z]', '', 'g')), '');
  RETURN NEW;
END
$$;

CREATE TRIGGER location_refresh_search
  BEFORE INSERT OR UPDATE ON location
  FOR EACH ROW EXECUTE FUNCTION location_refresh_search();

-- ── Services: the search columns, from the rows that hang off the service ──
CREATE FUNCTION service_refresh_search_fields(target uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE service s SET
    area_keys = coalesce((
      SELECT array_agg(DISTINCT area_key ORDER BY area_key)
      FROM service_area a, LATERAL (VALUES
        ('K:' || a.kind::text),
        (CASE WHEN a.kind = 'INTERNATIONAL' THEN 'INT' END),
        (CASE WHEN a.kind = 'COUNTRY' THEN 'C:' || a.country END),
        (CASE WHEN a.kind = 'SUBDIVISION' THEN 'SC:' || a.country END),
        (CASE WHEN a.kind = 'SUBDIVISION' THEN 'SS:' || a.subdivision END),
        (CASE WHEN a.kind = 'LOCALITY' THEN 'LC:' || a.country END),
        (CASE WHEN a.kind = 'LOCALITY' THEN 'LS:' || a.subdivision END)
      ) AS keys(area_key)
      WHERE a.service_id = target AND area_key IS NOT NULL), '{}'),
    place_rank = coalesce((
      SELECT min(CASE a.kind WHEN 'LOCALITY' THEN 0 WHEN 'SUBDIVISION' THEN 1 WHEN 'COUNTRY' THEN 2 ELSE 3 END)
      FROM service_area a WHERE a.service_id = target), 4),
    category_codes = coalesce((
      SELECT array_agg(t.code ORDER BY t.position) FROM service_taxonomy_term st
      JOIN taxonomy_term t ON t.id = st.term_id JOIN taxonomy x ON x.id = t.taxonomy_id
      WHERE st.service_id = target AND x.code = 'category'), '{}'),
    audience_codes = coalesce((
      SELECT array_agg(t.code ORDER BY t.position) FROM service_taxonomy_term st
      JOIN taxonomy_term t ON t.id = st.term_id JOIN taxonomy x ON x.id = t.taxonomy_id
      WHERE st.service_id = target AND x.code = 'audience'), '{}'),
    language_codes = coalesce((
      SELECT array_agg(DISTINCT lower(split_part(l.code, '-', 1))) FROM service_language l
      WHERE l.service_id = target), '{}'),
    contact_kinds = coalesce((
      SELECT array_agg(DISTINCT CASE c.kind
        WHEN 'PHONE' THEN 'call' WHEN 'SMS' THEN 'text' WHEN 'CHAT' THEN 'chat'
        WHEN 'EMAIL' THEN 'email' WHEN 'WALK_IN' THEN 'walk-in' ELSE 'online' END)
      FROM contact_channel c WHERE c.service_id = target), '{}'),
    -- The same rule as opening-hours.ts: open when the service or any channel is.
    open_hours = CASE
      WHEN s.always_open OR EXISTS (SELECT 1 FROM contact_channel c WHERE c.service_id = target AND c.always_open)
        THEN '{[0,10080)}'::int4multirange
      ELSE coalesce((
        SELECT range_agg(period) FROM schedule sc, LATERAL (VALUES
          (CASE WHEN sc.closes_at > sc.opens_at
            THEN int4range((sc.weekday - 1) * 1440 + sc.opens_at, (sc.weekday - 1) * 1440 + sc.closes_at)
            ELSE int4range((sc.weekday - 1) * 1440 + sc.opens_at, sc.weekday * 1440) END),
          -- A period that runs past midnight ends on the next day (Sunday's on Monday).
          (CASE WHEN sc.closes_at <= sc.opens_at AND sc.closes_at > 0
            THEN int4range((sc.weekday % 7) * 1440, (sc.weekday % 7) * 1440 + sc.closes_at) END)
        ) AS periods(period)
        WHERE sc.service_id = target AND period IS NOT NULL), '{}'::int4multirange)
    END
  WHERE s.id = target
$$;

CREATE FUNCTION service_child_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM service_refresh_search_fields(OLD.service_id); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.service_id IS DISTINCT FROM OLD.service_id) THEN
    PERFORM service_refresh_search_fields(NEW.service_id);
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER service_area_refresh_search AFTER INSERT OR UPDATE OR DELETE ON service_area
  FOR EACH ROW EXECUTE FUNCTION service_child_refresh_search();
CREATE TRIGGER service_taxonomy_term_refresh_search AFTER INSERT OR UPDATE OR DELETE ON service_taxonomy_term
  FOR EACH ROW EXECUTE FUNCTION service_child_refresh_search();
CREATE TRIGGER service_language_refresh_search AFTER INSERT OR UPDATE OR DELETE ON service_language
  FOR EACH ROW EXECUTE FUNCTION service_child_refresh_search();
CREATE TRIGGER contact_channel_refresh_search AFTER INSERT OR UPDATE OR DELETE ON contact_channel
  FOR EACH ROW EXECUTE FUNCTION service_child_refresh_search();
CREATE TRIGGER schedule_refresh_search AFTER INSERT OR UPDATE OR DELETE ON schedule
  FOR EACH ROW EXECUTE FUNCTION service_child_refresh_search();

CREATE FUNCTION service_own_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM service_refresh_search_fields(NEW.id);
  RETURN NULL;
END
$$;

-- The refresh sets no always_open, so it does not trigger itself.
CREATE TRIGGER service_own_refresh_search AFTER INSERT OR UPDATE OF always_open ON service
  FOR EACH ROW EXECUTE FUNCTION service_own_refresh_search();

-- The minute of the week (0 = Monday 00:00) that `at` is in `zone`, for "open now".
CREATE FUNCTION signpost_week_minute(at timestamptz, zone text) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE STRICT AS $$
  SELECT ((extract(isodow FROM local_time) - 1) * 1440 + extract(hour FROM local_time) * 60 + extract(minute FROM local_time))::integer
  FROM (SELECT at AT TIME ZONE zone AS local_time) AS t
$$;

-- The search document trigger (search_and_taxonomy) also keeps the verification day;
-- published words are collected for typo correction.
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
UPDATE location SET latitude = latitude;
-- Fires service_refresh_search (verified_day) and service_collect_words.
UPDATE service SET verified_day = verified_day;
SELECT service_refresh_search_fields(id) FROM service;
