-- Insurance-card photos attached to an eligibility check: one per side, a new one replaces the old.
-- The image bytes are sealed (AES-256-GCM, bound to the photo and its check); only what staff
-- listings need stays in clear. Runs on PGlite and PostgreSQL alike.

CREATE TABLE card_photos (
  id text PRIMARY KEY,
  eligibility_check_id text NOT NULL REFERENCES eligibility_checks (id) ON DELETE CASCADE,
  side text NOT NULL CHECK (side IN ('front', 'back')),
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/webp')),
  sealed text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX card_photos_one_per_side ON card_photos (eligibility_check_id, side);
