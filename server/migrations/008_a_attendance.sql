-- Proof of attendance (issue 18). Attendance is health data (it says who comes to a treatment
-- center's groups): arrival and leaving times, and who recorded them, are sealed with the data key.
-- Only what the RSVP row already shows in clear (which RSVP, which occurrence) stays in clear.

-- One random secret per occurrence; the rotating check-in codes are HMACs of the time step under it.
CREATE TABLE attendance_occurrences (
  session_id text NOT NULL REFERENCES alumni_sessions (id),
  occurrence_date text NOT NULL CHECK (occurrence_date ~ '^\d{4}-\d{2}-\d{2}$'),
  secret_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, occurrence_date)
);

-- One row per RSVP that was checked in or marked: an RSVP names one occurrence, so this is
-- "one check-in per RSVP per occurrence" as the database's promise.
CREATE TABLE attendance_records (
  rsvp_id text PRIMARY KEY REFERENCES rsvps (id),
  session_id text NOT NULL,
  occurrence_date text NOT NULL,
  -- {arrivedAt, leftAt, method, markedBy}
  record_sealed text NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX attendance_records_by_occurrence ON attendance_records (session_id, occurrence_date);

-- Wrong codes per RSVP, so six digits cannot be guessed by trying them all.
CREATE TABLE attendance_code_failures (
  rsvp_id text PRIMARY KEY REFERENCES rsvps (id),
  failures int NOT NULL
);

-- Letters issued. The code is looked up by its keyed hash; the content (a name, dates, titles) is
-- sealed; `signature` is an HMAC (key derived from the data key) over the canonical content and the
-- PDF's SHA-256, so a row edited in the database no longer verifies either.
CREATE TABLE attendance_letters (
  id text PRIMARY KEY,
  code_fingerprint text NOT NULL UNIQUE,
  content_sealed text NOT NULL,
  pdf_sha256 text NOT NULL,
  signature text NOT NULL,
  period_from text NOT NULL,
  period_to text NOT NULL,
  sessions int NOT NULL,
  titles text NOT NULL CHECK (titles IN ('discreet', 'real')),
  issued_at timestamptz NOT NULL,
  verifications int NOT NULL DEFAULT 0,
  last_verified_at timestamptz
);
CREATE INDEX attendance_letters_by_time ON attendance_letters (issued_at);
