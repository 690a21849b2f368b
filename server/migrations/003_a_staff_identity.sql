-- The center's staff: per-person accounts with passkeys, single-use invites, database sessions and
-- per-integration API tokens. Secrets (invite links, session cookies, API tokens) are stored only as
-- SHA-256 hashes. Runs on PGlite and PostgreSQL alike.

CREATE TABLE staff_accounts (
  id text PRIMARY KEY,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'intake', 'alumni', 'viewer')),
  -- The WebAuthn user handle (base64url), so a discoverable passkey names its account.
  user_handle text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);

CREATE TABLE staff_passkeys (
  -- The credential id (base64url) the authenticator chose.
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts (id),
  public_key text NOT NULL,
  counter bigint NOT NULL DEFAULT 0,
  transports jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  last_used_at timestamptz
);

CREATE TABLE staff_invites (
  id text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'intake', 'alumni', 'viewer')),
  display_name text,
  -- Null: the command line or the first-start setup code.
  created_by text REFERENCES staff_accounts (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text REFERENCES staff_accounts (id)
);

-- A WebAuthn ceremony in progress: the challenge is kept here, used once, and expires.
CREATE TABLE webauthn_ceremonies (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('enrol', 'sign-in')),
  challenge text NOT NULL,
  invite_id text REFERENCES staff_invites (id),
  user_handle text,
  display_name text,
  expires_at timestamptz NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES staff_accounts (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX staff_sessions_by_account ON staff_sessions (account_id);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'intake', 'alumni', 'viewer')),
  token_hash text NOT NULL UNIQUE,
  created_by text REFERENCES staff_accounts (id),
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
