-- A center's own setup (issue 12): what the admin settings API writes beyond the catalogue tables
-- of 001, and the versions and history of every saved section. One schema for PGlite and PostgreSQL.

-- Spanish (and any later language) text of a program; tracks and sessions keep theirs in `details`.
ALTER TABLE programs ADD COLUMN translations jsonb;

-- Booking rules: null keeps the server's defaults (one hour's notice, no horizon).
ALTER TABLE center ADD COLUMN minimum_notice_minutes int CHECK (minimum_notice_minutes BETWEEN 0 AND 20160);
ALTER TABLE center ADD COLUMN booking_horizon_days int CHECK (booking_horizon_days BETWEEN 1 AND 365);
-- Website origins allowed to embed the widgets (IOP_ALLOWED_ORIGINS, when set, overrides them).
ALTER TABLE center ADD COLUMN allowed_origins jsonb NOT NULL DEFAULT '[]';
-- The CRM webhook's endpoint; its signing secret stays in the environment.
ALTER TABLE center ADD COLUMN webhook_url text;
-- The screener section (instruments, thresholds, crisis lines, quick exit); null: the defaults.
ALTER TABLE center ADD COLUMN screener jsonb;

-- Holidays and extra hours: one row per date that differs from the weekly windows.
CREATE TABLE assessment_overrides (
  date text PRIMARY KEY CHECK (date ~ '^\d{4}-\d{2}-\d{2}$'),
  closed boolean NOT NULL,
  -- [{ id, start, end, mode, slotMinutes, trackIds }]
  extra_hours jsonb NOT NULL DEFAULT '[]',
  note text
);

-- The version each section is at; a section never saved has no row (version 0).
CREATE TABLE settings_versions (
  section text PRIMARY KEY,
  version int NOT NULL CHECK (version >= 1),
  changed_at timestamptz NOT NULL,
  changed_by_id text,
  changed_by_label text
);

-- Every saved version of every section, as saved: who changed what and when.
CREATE TABLE settings_history (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  section text NOT NULL,
  version int NOT NULL,
  how text NOT NULL CHECK (how IN ('save', 'first-run', 'import', 'seed')),
  changed_at timestamptz NOT NULL,
  changed_by_id text,
  changed_by_label text,
  value jsonb NOT NULL,
  UNIQUE (section, version)
);
