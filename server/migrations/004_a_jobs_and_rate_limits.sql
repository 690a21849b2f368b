-- Work that must survive a restart and run once across instances: webhook deliveries (written in
-- the same transaction as their record: a transactional outbox), eligibility polls, sweeps.
-- Workers claim due jobs with FOR UPDATE SKIP LOCKED and hold them for a lease; a worker that dies
-- leaves its lease to run out and another takes the job over. Runs on PGlite and PostgreSQL alike.

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  -- Opaque ids only: never health data.
  payload jsonb NOT NULL DEFAULT '{}',
  -- At most one job per key (one poll per eligibility check, one sweep per period).
  unique_key text UNIQUE,
  run_at timestamptz NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL CHECK (max_attempts >= 1),
  locked_by text,
  locked_until timestamptz,
  -- Error class and code only, as in the request log.
  last_error text,
  outcome text CHECK (outcome IN ('done', 'failed')),
  finished_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE finished_at IS NULL;
CREATE INDEX jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;

-- Writes per client address per fixed one-minute window, shared by every instance.
CREATE TABLE rate_limit_windows (
  client text NOT NULL,
  window_start timestamptz NOT NULL,
  hits int NOT NULL,
  PRIMARY KEY (client, window_start)
);
CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
