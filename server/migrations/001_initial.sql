-- One schema for PGlite and PostgreSQL. Columns ending in _sealed hold AES-256-GCM ciphertext:
-- everything a person typed is sealed; only what constraints and queries need stays in clear.

CREATE TABLE center (
  id smallint PRIMARY KEY CHECK (id = 1),
  name text NOT NULL,
  phone text NOT NULL,
  time_zone text NOT NULL,
  calendar_title text,
  self_pay jsonb,
  seeded_at timestamptz NOT NULL
);

CREATE TABLE programs (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('iop', 'family', 'alumni')),
  name text NOT NULL,
  description text,
  sort_order int NOT NULL
);

CREATE TABLE tracks (
  id text PRIMARY KEY,
  program_id text NOT NULL REFERENCES programs (id),
  sort_order int NOT NULL,
  -- The wire Track without id, timeZone, startDates and seatsLeft, which are computed.
  details jsonb NOT NULL,
  -- Cohorts start on this weekday (Sunday = 0); the next few dates are listed.
  start_weekday smallint NOT NULL CHECK (start_weekday BETWEEN 0 AND 6),
  -- Seats open for new admissions; null = not capped. Each open booking naming the track holds one.
  seat_capacity int CHECK (seat_capacity >= 0)
);

CREATE TABLE assessment_windows (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9-]{1,40}$'),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_time text NOT NULL,
  end_time text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('phone', 'video', 'in-person')),
  slot_minutes int NOT NULL CHECK (slot_minutes BETWEEN 15 AND 240),
  track_ids jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE payers (
  id text PRIMARY KEY,
  name text NOT NULL,
  aliases jsonb NOT NULL DEFAULT '[]',
  member_id_rule text NOT NULL CHECK (member_id_rule IN ('medicare-mbi', 'bcbs', 'generic')),
  -- The center's own contract status; null = unknown.
  in_network boolean
);

CREATE TABLE alumni_sessions (
  id text PRIMARY KEY,
  sort_order int NOT NULL,
  -- The wire AlumniSession without id, timeZone and counts.
  details jsonb NOT NULL,
  capacity int CHECK (capacity >= 1),
  -- Revealed only in an RSVP's answer.
  join_url text
);

CREATE TABLE slot_holds (
  slot_id text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  token_hash text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE bookings (
  id text PRIMARY KEY,
  slot_id text NOT NULL,
  start_at timestamptz NOT NULL,
  end_at timestamptz NOT NULL,
  mode text NOT NULL,
  track_id text REFERENCES tracks (id),
  contact_sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  handled_at timestamptz
);
-- "Booked once" is the database's promise, not the application's.
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (slot_id);

CREATE TABLE intakes (
  id text PRIMARY KEY,
  sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  handled_at timestamptz
);

CREATE TABLE eligibility_checks (
  id text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'complete', 'callback')),
  request_sealed text NOT NULL,
  -- Outcome and coverage; null while pending.
  result_sealed text,
  attempts int NOT NULL DEFAULT 1,
  retry_at timestamptz,
  checked_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  handled_at timestamptz
);

CREATE TABLE callback_requests (
  id text PRIMARY KEY,
  sealed text NOT NULL,
  created_at timestamptz NOT NULL,
  handled_at timestamptz
);

CREATE TABLE rsvps (
  id text PRIMARY KEY,
  session_id text NOT NULL REFERENCES alumni_sessions (id),
  occurrence_date text NOT NULL CHECK (occurrence_date ~ '^\d{4}-\d{2}-\d{2}$'),
  seats int NOT NULL CHECK (seats >= 1),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  contact_sealed text NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  -- Arrival order for the waitlist, independent of clock resolution.
  arrival bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX rsvps_by_occurrence ON rsvps (session_id, occurrence_date);

CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  locked_at timestamptz NOT NULL,
  -- Null until the first request finished; then the exact response to replay (sealed: it may hold tokens).
  status int,
  response_sealed text,
  created_at timestamptz NOT NULL
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
