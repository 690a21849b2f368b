/** Tables of what people send (as opposed to the center's configuration): emptied by resets. */
export const RECORD_TABLES = ['slot_holds', 'bookings', 'intakes', 'eligibility_checks', 'card_photos', 'callback_requests', 'rsvps', 'idempotency_keys', 'jobs', 'rate_limit_windows', 'attendance_occurrences', 'attendance_records', 'attendance_code_failures', 'attendance_letters'] as const;

export const TRUNCATE_RECORDS_SQL = `TRUNCATE ${RECORD_TABLES.join(', ')}`;
