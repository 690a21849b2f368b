-- The intake work queue over every kind of record people send: a status workflow with its history,
-- an assignee, sealed staff notes, and a monotonic change sequence that every server instance polls
-- for live updates (works on one PostgreSQL shared by several instances, and on PGlite).

CREATE TABLE record_workflow (
  record_kind text NOT NULL CHECK (record_kind IN ('intakes', 'bookings', 'eligibility-checks', 'callback-requests', 'rsvps')),
  record_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('new', 'contacted', 'scheduled', 'admitted', 'referred-elsewhere', 'closed')),
  -- Triage priority (safety flag or withdrawal-evaluation result), worked out once when first listed.
  urgent boolean NOT NULL DEFAULT false,
  assigned_to text REFERENCES staff_accounts (id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (record_kind, record_id)
);

CREATE TABLE record_status_changes (
  id text PRIMARY KEY,
  record_kind text NOT NULL,
  record_id text NOT NULL,
  status text NOT NULL,
  changed_by text NOT NULL REFERENCES staff_accounts (id),
  changed_at timestamptz NOT NULL
);
CREATE INDEX record_status_changes_by_record ON record_status_changes (record_kind, record_id);

CREATE TABLE staff_notes (
  id text PRIMARY KEY,
  record_kind text NOT NULL,
  record_id text NOT NULL,
  author_id text NOT NULL REFERENCES staff_accounts (id),
  sealed text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX staff_notes_by_record ON staff_notes (record_kind, record_id);

CREATE TABLE queue_changes (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_kind text NOT NULL,
  record_id text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION queue_changes_on_new_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO queue_changes (record_kind, record_id) VALUES (replace(TG_ARGV[0], '_', '-'), NEW.id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER intakes_queue AFTER INSERT ON intakes FOR EACH ROW EXECUTE FUNCTION queue_changes_on_new_record('intakes');
CREATE TRIGGER bookings_queue AFTER INSERT ON bookings FOR EACH ROW EXECUTE FUNCTION queue_changes_on_new_record('bookings');
CREATE TRIGGER eligibility_checks_queue AFTER INSERT ON eligibility_checks FOR EACH ROW EXECUTE FUNCTION queue_changes_on_new_record('eligibility_checks');
CREATE TRIGGER callback_requests_queue AFTER INSERT ON callback_requests FOR EACH ROW EXECUTE FUNCTION queue_changes_on_new_record('callback_requests');
CREATE TRIGGER rsvps_queue AFTER INSERT ON rsvps FOR EACH ROW EXECUTE FUNCTION queue_changes_on_new_record('rsvps');
