-- The audit trail: who did what to which record, when and from where; never the health data itself.
-- Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE on both PGlite and PostgreSQL, and the
-- privileges are revoked where PostgreSQL honours that. Each row carries the hash of the previous row
-- (`npm run audit -- verify` recomputes the chain), so a change made around the trigger still shows.

CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'api-token', 'legacy-token', 'anonymous')),
  actor_id text,
  actor_label text,
  source_address text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  record_kind text,
  record_id text,
  -- A short code (e.g. `invite-issued:intake`), never free text from a person.
  detail text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_by_record ON audit_events (record_id);
CREATE INDEX audit_events_by_time ON audit_events (at);

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM CURRENT_USER;
