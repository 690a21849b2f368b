/** Staff reads of health records: the only place the server decrypts them for a person to see. */
import type { CardPhotoMediaType } from '../../src/api/schemas.js';
import type { Database } from '../db/database.js';
import type { DataCipher } from '../security/data-cipher.js';
import { cardPhotoContext } from '../services/card-photos.js';
import type { StaffCardPhoto, StaffRecordKind, StaffRecordSummary } from './staff-schemas.js';

interface RecordSource {
  readonly table: string;
  readonly columns: string;
  decrypt(row: Record<string, unknown>, id: string, cipher: DataCipher): Promise<Record<string, unknown>>;
  /** What else belongs to the record, from other tables. */
  attached?(db: Database, id: string): Promise<Record<string, unknown>>;
}

const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

const SOURCES: Record<StaffRecordKind, RecordSource> = {
  intakes: {
    table: 'intakes',
    columns: 'sealed',
    decrypt: async (row, id, cipher) => parse(await cipher.open(String(row.sealed), `intakes:${id}`)),
  },
  bookings: {
    table: 'bookings',
    columns: 'slot_id, start_at, end_at, mode, track_id, contact_sealed',
    decrypt: async (row, id, cipher) => ({
      slotId: row.slot_id,
      start: (row.start_at as Date).toISOString(),
      end: (row.end_at as Date).toISOString(),
      mode: row.mode,
      trackId: row.track_id,
      ...parse(await cipher.open(String(row.contact_sealed), `bookings:${id}`)),
    }),
  },
  'eligibility-checks': {
    table: 'eligibility_checks',
    columns: 'status, request_sealed, result_sealed',
    decrypt: async (row, id, cipher) => ({
      status: row.status,
      request: parse(await cipher.open(String(row.request_sealed), `eligibility_checks:${id}:request`)),
      result: row.result_sealed === null ? null : parse(await cipher.open(String(row.result_sealed), `eligibility_checks:${id}:result`)),
    }),
    attached: async (db, id) => ({ cardPhotos: await listCardPhotos(db, id) }),
  },
  'callback-requests': {
    table: 'callback_requests',
    columns: 'sealed',
    decrypt: async (row, id, cipher) => parse(await cipher.open(String(row.sealed), `callback_requests:${id}`)),
  },
};

function summary(kind: StaffRecordKind, row: Record<string, unknown>): StaffRecordSummary {
  return {
    id: String(row.id),
    kind,
    reference: typeof row.reference === 'string' ? row.reference : null,
    createdAt: (row.created_at as Date).toISOString(),
    handledAt: row.handled_at ? (row.handled_at as Date).toISOString() : null,
  };
}

/** `reference`: only the records with this receipt reference (already read by parseReferenceCode). */
export async function listStaffRecords(
  db: Database,
  kind: StaffRecordKind,
  status: 'open' | 'handled' | 'all',
  limit: number,
  reference?: string,
): Promise<StaffRecordSummary[]> {
  const conditions = [{ open: 'handled_at IS NULL', handled: 'handled_at IS NOT NULL', all: '' }[status], reference ? 'reference = $2' : ''].filter(Boolean);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = await db.query(`SELECT id, reference, created_at, handled_at FROM ${SOURCES[kind].table} ${where} ORDER BY created_at DESC, id LIMIT $1`, reference ? [limit, reference] : [limit]);
  return rows.map((row) => summary(kind, row));
}

export async function readStaffRecord(db: Database, cipher: DataCipher, kind: StaffRecordKind, id: string) {
  const source = SOURCES[kind];
  const [row] = await db.query(`SELECT id, reference, created_at, handled_at, ${source.columns} FROM ${source.table} WHERE id = $1`, [id]);
  if (!row) return null;
  return { ...summary(kind, row), data: { ...(await source.decrypt(row, id, cipher)), ...(await source.attached?.(db, id)) } };
}

/** Ids and sides only: each image is fetched on its own, when a person opens it. */
async function listCardPhotos(db: Database, checkId: string): Promise<StaffCardPhoto[]> {
  const rows = await db.query<{ id: string; side: StaffCardPhoto['side']; media_type: CardPhotoMediaType; created_at: Date }>(
    'SELECT id, side, media_type, created_at FROM card_photos WHERE eligibility_check_id = $1 ORDER BY side DESC',
    [checkId],
  );
  return rows.map((row) => ({ id: row.id, side: row.side, mediaType: row.media_type, receivedAt: row.created_at.toISOString() }));
}

export async function readCardPhoto(db: Database, cipher: DataCipher, checkId: string, photoId: string): Promise<{ mediaType: CardPhotoMediaType; bytes: Uint8Array } | null> {
  const [row] = await db.query<{ media_type: CardPhotoMediaType; sealed: string }>(
    'SELECT media_type, sealed FROM card_photos WHERE id = $1 AND eligibility_check_id = $2',
    [photoId, checkId],
  );
  if (!row) return null;
  return { mediaType: row.media_type, bytes: await cipher.openBytes(row.sealed, cardPhotoContext(photoId, checkId)) };
}

/** Marking twice keeps the first time. */
export async function markStaffRecordHandled(db: Database, kind: StaffRecordKind, id: string, now: Date): Promise<StaffRecordSummary | null> {
  const table = SOURCES[kind].table;
  const [row] = await db.query(
    `UPDATE ${table} SET handled_at = coalesce(handled_at, $2) WHERE id = $1 RETURNING id, created_at, handled_at`,
    [id, now],
  );
  return row ? summary(kind, row) : null;
}
