-- A reference a person can read out on the phone (src/domain/reference-code.ts), shown on their
-- receipt and searchable by staff. The opaque id stays the key for events, webhooks and the API.
-- Null for records made before this migration. Not unique: 2^40 random codes make a repeat
-- unlikely, and staff searching one would simply see both records.

ALTER TABLE intakes ADD COLUMN reference text;
ALTER TABLE bookings ADD COLUMN reference text;
ALTER TABLE callback_requests ADD COLUMN reference text;
ALTER TABLE eligibility_checks ADD COLUMN reference text;
CREATE INDEX intakes_by_reference ON intakes (reference);
CREATE INDEX bookings_by_reference ON bookings (reference);
CREATE INDEX callback_requests_by_reference ON callback_requests (reference);
CREATE INDEX eligibility_checks_by_reference ON eligibility_checks (reference);
