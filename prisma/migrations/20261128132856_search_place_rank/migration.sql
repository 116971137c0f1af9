-- AlterTable
ALTER TABLE "service" ADD COLUMN     "place_rank" SMALLINT NOT NULL DEFAULT 4;

-- CreateIndex
CREATE INDEX "service_place_rank_verified_day_name_id_idx" ON "service"("place_rank", "verified_day" DESC, "name", "id");

-- Hand-written: the search columns now include the most local area's rank.
CREATE OR REPLACE FUNCTION service_refresh_search_fields(target uuid) RETURNS void LANGUAGE sql AS $$
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


SELECT service_refresh_search_fields(id) FROM service;
