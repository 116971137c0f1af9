-- Hand-written: full-text and typo-tolerant search, and the taxonomy of
-- categories and audiences (reference data, so production has it without a seed).

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "simple" (no stemming: the directory is multilingual) with accents folded,
-- so "therapie" finds "thérapie".
CREATE TEXT SEARCH CONFIGURATION signpost_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION signpost_simple
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- unaccent() is only STABLE; this fixed-dictionary form is safe to index.
CREATE FUNCTION signpost_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- The search document weighs the name above the organization above the
-- descriptions; search_text (names only) serves trigram matching of typos.
CREATE FUNCTION service_refresh_search() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NEW;
END
$$;

CREATE TRIGGER service_refresh_search
  BEFORE INSERT OR UPDATE ON service
  FOR EACH ROW EXECUTE FUNCTION service_refresh_search();

-- A renamed organization changes the search text of its services.
CREATE FUNCTION organization_refresh_service_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE service SET search_text = search_text WHERE organization_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER organization_refresh_service_search
  AFTER UPDATE OF name ON organization
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION organization_refresh_service_search();

CREATE INDEX service_search_document_idx ON service USING gin (search_document);
CREATE INDEX service_search_text_trgm_idx ON service USING gin (search_text gin_trgm_ops);

-- Stable ids: the HSDS API publishes them.
INSERT INTO taxonomy (id, code, name) VALUES
  ('f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'category', 'Kinds of help'),
  ('788f48bd-861b-4b53-8fdd-8c6293d7e959', 'audience', 'Who it is for');

INSERT INTO taxonomy_term (id, taxonomy_id, code, name, position) VALUES
  ('3550ca75-65fb-4aa6-b934-862ae9ff83f4', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'report-abuse-material', 'Report abuse material online', 1),
  ('3ddd5a40-40bf-497b-aaad-34b5176cfde3', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'image-removal', 'Image removal and takedown', 2),
  ('ef3c8222-141c-4257-95b5-7c8dda0a97bc', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'child-helpline', 'Child helpline', 3),
  ('cba2b0c3-67ba-41a5-9dbc-4c3b01d0e667', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'counselling', 'Counselling and therapy', 4),
  ('1887a92b-6a18-4686-9ca0-d085261ea008', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'legal-help', 'Legal help', 5),
  ('d9f6d5be-3988-40f4-879f-f71e8021ca48', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'medical-care', 'Medical and forensic care', 6),
  ('c782f1c7-88b0-4f6f-a7f8-d0fbef3748c2', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'police', 'Police and law enforcement', 7),
  ('3df75565-670f-4071-a589-7b9cbde651dd', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'shelter', 'Shelter and safe housing', 8),
  ('5a3c546c-1352-45c2-8925-8505f7e277e8', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'peer-support', 'Peer support', 9),
  ('18daea82-b846-416e-be77-1d5fab00ad98', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'prevention', 'Prevention (worried about own thoughts or behaviour)', 10),
  ('b1bbf611-1f6c-4792-a143-944170b82c5f', 'f437f0c3-6e43-4c2f-bf1b-9b358d0006f9', 'information', 'Information and education', 11),
  ('f5d32459-13d1-471d-bdb1-f3d3b353312b', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'children', 'Children', 1),
  ('7b2ab298-5541-43a5-b15b-c4e37d2df393', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'teenagers', 'Teenagers', 2),
  ('6af25e3c-8b13-48ce-be07-fca98eec8c4a', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'adult-survivors', 'Adult survivors', 3),
  ('3ff834c4-6d54-4602-b08a-7a408612700a', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'parents-carers', 'Parents and carers', 4),
  ('c184e626-d13e-4a0d-93e0-358e1ef7901f', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'professionals', 'Professionals', 5),
  ('8d126e32-cf99-40ef-9b4a-fe38ba9ee7fa', '788f48bd-861b-4b53-8fdd-8c6293d7e959', 'worried-about-own-behaviour', 'People worried about their own behaviour', 6);
