-- Hand-written: roles and their permissions (so production has them without a
-- seed), and an append-only audit log.

INSERT INTO role (id, name, description) VALUES
  ('8898e25a-4861-4e59-8b08-50364662b283', 'admin', 'Manages staff accounts and can do everything a moderator can'),
  ('23b9b7a8-fa22-42ac-9388-5680ea369f6d', 'moderator', 'Curates, reviews and verifies listings'),
  ('262bc362-9677-41e8-b036-78b58bebb5da', 'caseworker', 'Refers people to services with saved lists and referral packs');

INSERT INTO permission (id, name, description) VALUES
  ('cb712e57-57cb-4cf2-8b76-432ae2aca970', 'user:invite', 'Invite a person to become staff'),
  ('b1268476-e2e8-4293-8182-6a80031d3e76', 'user:manage', 'Change roles, disable accounts, end sessions'),
  ('c1ade20a-0dc1-4a59-b360-dbaed3601e5d', 'access-request:decide', 'Approve or decline requests for caseworker access'),
  ('188a2c8a-1bd5-422a-9a8b-e7165dfa90d7', 'audit:read', 'Read the audit log'),
  ('83dff168-ff95-471b-8046-d207ad2397bd', 'service:edit', 'Create and edit listings (as revisions for review)'),
  ('454a90e8-8b4e-44f6-916b-db1612d1a2b8', 'service:review', 'Approve or reject another person''s revision'),
  ('1ef0a5a1-65de-4001-ad15-72d478c77476', 'service:archive', 'Take a listing down at once for safety'),
  ('487053d3-9c51-442b-b469-c91181e18337', 'report:handle', 'Work the moderation queue of reports and suggestions'),
  ('f25477f4-c634-43dc-b2a4-185818e9005b', 'verification:record', 'Record a verification of a listing'),
  ('c8e57eb6-1745-45b4-b79a-a3fea9dcb89f', 'referral:use', 'Use saved lists and referral packs');

-- admin: everything; moderator: listings; caseworker: referrals.
INSERT INTO role_permission (role_id, permission_id)
  SELECT '8898e25a-4861-4e59-8b08-50364662b283', id FROM permission;
INSERT INTO role_permission (role_id, permission_id)
  SELECT '23b9b7a8-fa22-42ac-9388-5680ea369f6d', id FROM permission
  WHERE name IN ('service:edit', 'service:review', 'service:archive', 'report:handle', 'verification:record');
INSERT INTO role_permission (role_id, permission_id)
  SELECT '262bc362-9677-41e8-b036-78b58bebb5da', id FROM permission WHERE name = 'referral:use';

-- The audit log can only grow: nobody, not even the application, can edit or erase it.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_event_is_append_only
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
