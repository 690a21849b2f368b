/**
 * The intake work queue: one inbox over every kind of record people send, urgent first (safety flag
 * or a withdrawal-evaluation result), then oldest; a status workflow with who changed what and when,
 * an assignee, and sealed staff notes. Record views regroup the screening answers by instrument and
 * score them again with the same domain code the screener runs.
 */
import type { RecordKind, RecordView, WorkStatus } from '../../src/api/staff-schemas.js';
import { instruments, scoreAsq, scoreAudit, scoreAuditC, scoreDast10, scoreGad7, scorePhq2, scorePhq9, type Answers, type InstrumentId, type InstrumentScore } from '../../src/domain/instruments.js';
import type { Database } from '../db/database.js';
import type { DataCipher } from '../security/data-cipher.js';
import { newRecordId } from '../security/secrets.js';
import { markStaffRecordHandled, readStaffRecord } from './staff-records.js';
import type { StaffRecordKind } from './staff-schemas.js';

export const OPEN_STATUSES: readonly WorkStatus[] = ['new', 'contacted', 'scheduled'];

const TABLES: Record<RecordKind, { table: string; closedColumn: string }> = {
  intakes: { table: 'intakes', closedColumn: 'handled_at' },
  bookings: { table: 'bookings', closedColumn: 'handled_at' },
  'eligibility-checks': { table: 'eligibility_checks', closedColumn: 'handled_at' },
  'callback-requests': { table: 'callback_requests', closedColumn: 'handled_at' },
  // A cancelled RSVP needs nobody's attention.
  rsvps: { table: 'rsvps', closedColumn: 'cancelled_at' },
};

type QueueRow = {
  kind: RecordKind;
  id: string;
  created_at: Date;
  closed_at: Date | null;
  status: WorkStatus | null;
  urgent: boolean | null;
  assigned_to: string | null;
  assignee_name: string | null;
  updated_at: Date | null;
};

export interface QueueEntry {
  readonly id: string;
  readonly kind: RecordKind;
  readonly receivedAt: string;
  readonly status: WorkStatus;
  readonly urgent: boolean;
  readonly assignedTo: { id: string; displayName: string } | null;
  readonly statusChangedAt: string | null;
}

const effectiveStatus = (row: Pick<QueueRow, 'status' | 'closed_at'>): WorkStatus => row.status ?? (row.closed_at ? 'closed' : 'new');

/** Urgent: the screener flagged it (safety) or asked for a medical withdrawal evaluation first. */
export function isUrgentIntake(data: Record<string, unknown>): boolean {
  return data.urgent === true || data.result === 'withdrawal-evaluation' || data.result === 'get-help-now';
}

async function openIntake(db: Database, cipher: DataCipher, id: string): Promise<Record<string, unknown>> {
  const [row] = await db.query<{ sealed: string }>('SELECT sealed FROM intakes WHERE id = $1', [id]);
  return row ? (JSON.parse(await cipher.open(row.sealed, `intakes:${id}`)) as Record<string, unknown>) : {};
}

/** Intakes get their triage flag on first sight; the answers stay sealed. */
async function triageNewIntakes(db: Database, cipher: DataCipher, rows: QueueRow[], now: Date): Promise<void> {
  for (const row of rows) {
    if (row.kind !== 'intakes' || row.status !== null) continue;
    row.urgent = isUrgentIntake(await openIntake(db, cipher, row.id));
    row.status = effectiveStatus(row);
    await db.query(
      'INSERT INTO record_workflow (record_kind, record_id, status, urgent, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_kind, record_id) DO NOTHING',
      ['intakes', row.id, row.status, row.urgent, now],
    );
  }
}

export interface QueueFilter {
  readonly kinds: readonly RecordKind[];
  readonly status: 'open' | 'all' | WorkStatus;
  readonly q?: string | undefined;
}

export async function listQueue(db: Database, cipher: DataCipher, filter: QueueFilter, now: Date): Promise<{ items: QueueEntry[]; counts: Record<string, number> }> {
  if (filter.kinds.length === 0) return { items: [], counts: {} };
  const union = filter.kinds
    .map((kind) => `SELECT '${kind}' AS kind, id, created_at, ${TABLES[kind].closedColumn} AS closed_at FROM ${TABLES[kind].table}`)
    .join(' UNION ALL ');
  const params: unknown[] = [];
  let where = '';
  if (filter.q) {
    params.push(`${filter.q.toLowerCase()}%`);
    where = 'WHERE lower(r.id) LIKE $1';
  }
  const rows = await db.query<QueueRow>(
    `SELECT r.kind, r.id, r.created_at, r.closed_at, w.status, w.urgent, w.assigned_to, a.display_name AS assignee_name, w.updated_at
       FROM (${union}) r
       LEFT JOIN record_workflow w ON w.record_kind = r.kind AND w.record_id = r.id
       LEFT JOIN staff_accounts a ON a.id = w.assigned_to
       ${where}`,
    params,
  );
  await triageNewIntakes(db, cipher, rows, now);
  const counts: Record<string, number> = {};
  const items: QueueEntry[] = [];
  for (const row of rows) {
    const status = effectiveStatus(row);
    counts[status] = (counts[status] ?? 0) + 1;
    if (filter.status === 'open' ? !OPEN_STATUSES.includes(status) : filter.status !== 'all' && filter.status !== status) continue;
    items.push({
      id: row.id,
      kind: row.kind,
      receivedAt: row.created_at.toISOString(),
      status,
      urgent: row.urgent ?? false,
      assignedTo: row.assigned_to ? { id: row.assigned_to, displayName: row.assignee_name ?? '' } : null,
      statusChangedAt: row.status && row.updated_at ? row.updated_at.toISOString() : null,
    });
  }
  items.sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  return { items: items.slice(0, 500), counts };
}

/** The latest change number: every instance polls it for live updates. */
export async function latestQueueChange(db: Database): Promise<number> {
  const [row] = await db.query<{ seq: string | number | null }>('SELECT max(seq) AS seq FROM queue_changes');
  return Number(row?.seq ?? 0);
}

async function noteQueueChange(db: Database, kind: RecordKind, id: string, now: Date): Promise<void> {
  await db.query('INSERT INTO queue_changes (record_kind, record_id, changed_at) VALUES ($1, $2, $3)', [kind, id, now]);
}

async function exists(db: Database, kind: RecordKind, id: string): Promise<{ created_at: Date; closed_at: Date | null } | null> {
  const [row] = await db.query<{ created_at: Date; closed_at: Date | null }>(
    `SELECT created_at, ${TABLES[kind].closedColumn} AS closed_at FROM ${TABLES[kind].table} WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

async function ensureWorkflow(db: Database, cipher: DataCipher, kind: RecordKind, id: string, now: Date): Promise<boolean> {
  const record = await exists(db, kind, id);
  if (!record) return false;
  const urgent = kind === 'intakes' ? isUrgentIntake(await openIntake(db, cipher, id)) : false;
  await db.query(
    'INSERT INTO record_workflow (record_kind, record_id, status, urgent, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (record_kind, record_id) DO NOTHING',
    [kind, id, record.closed_at ? 'closed' : 'new', urgent, now],
  );
  return true;
}

export async function changeStatus(db: Database, cipher: DataCipher, kind: RecordKind, id: string, status: WorkStatus, accountId: string, now: Date): Promise<boolean> {
  if (!(await ensureWorkflow(db, cipher, kind, id, now))) return false;
  await db.transaction(async (tx) => {
    await tx.query('UPDATE record_workflow SET status = $3, updated_at = $4 WHERE record_kind = $1 AND record_id = $2', [kind, id, status, now]);
    await tx.query('INSERT INTO record_status_changes (id, record_kind, record_id, status, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      newRecordId(),
      kind,
      id,
      status,
      accountId,
      now,
    ]);
  });
  // The staff API of the previous release reads `handled`: closing a record keeps it in step.
  if (status === 'closed' && kind !== 'rsvps') await markStaffRecordHandled(db, kind as StaffRecordKind, id, now);
  await noteQueueChange(db, kind, id, now);
  return true;
}

export async function assignRecord(db: Database, cipher: DataCipher, kind: RecordKind, id: string, accountId: string | null, now: Date): Promise<boolean | 'no-such-colleague'> {
  if (accountId) {
    const [colleague] = await db.query("SELECT 1 FROM staff_accounts WHERE id = $1 AND disabled_at IS NULL AND role IN ('admin', 'intake', 'alumni')", [accountId]);
    if (!colleague) return 'no-such-colleague';
  }
  if (!(await ensureWorkflow(db, cipher, kind, id, now))) return false;
  await db.query('UPDATE record_workflow SET assigned_to = $3 WHERE record_kind = $1 AND record_id = $2', [kind, id, accountId]);
  await noteQueueChange(db, kind, id, now);
  return true;
}

const noteContext = (noteId: string, kind: RecordKind, id: string) => `staff_notes:${noteId}:${kind}:${id}`;

export async function addNote(db: Database, cipher: DataCipher, kind: RecordKind, id: string, text: string, accountId: string, now: Date): Promise<string | null> {
  if (!(await exists(db, kind, id))) return null;
  const noteId = newRecordId();
  await db.query('INSERT INTO staff_notes (id, record_kind, record_id, author_id, sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    noteId,
    kind,
    id,
    accountId,
    await cipher.seal(text, noteContext(noteId, kind, id)),
    now,
  ]);
  return noteId;
}

// ---- the record view ----------------------------------------------------------------------------

const SCORERS: Record<InstrumentId, (answers: Answers) => InstrumentScore[]> = {
  // Sex is not asked by every center: AUDIT-C then uses the more cautious cut-off, as the screener does.
  'audit-c': (answers) => [scoreAuditC(answers, undefined)],
  audit: (answers) => [scoreAudit(answers)],
  'dast-10': (answers) => [scoreDast10(answers)],
  'phq-9': (answers) => [scorePhq9(answers), scorePhq2(answers)],
  'gad-7': (answers) => [scoreGad7(answers)],
  asq: (answers) => [scoreAsq(answers)],
};

/** Answers by instrument (item ids are `<instrument>-<n>`), each group scored again. */
export function groupScreeningAnswers(answers: Record<string, unknown>) {
  const numeric: Record<string, number> = {};
  for (const [key, value] of Object.entries(answers)) if (typeof value === 'number') numeric[key] = value;
  const groups = [];
  for (const instrument of Object.values(instruments)) {
    const answered = instrument.items.filter((item) => item.id in answers).map((item) => ({ itemId: item.id, value: answers[item.id] as number | string | boolean | null }));
    if (answered.length === 0) continue;
    // AUDIT-C is AUDIT items 1-3: the full AUDIT is shown only when the rest of it was asked.
    if (instrument.id === 'audit' && answered.length <= 3) continue;
    const scores = SCORERS[instrument.id](numeric);
    for (const score of scores) groups.push({ instrument: score.instrument, answers: score.instrument === 'phq-2' ? answered.slice(0, 2) : answered, score });
  }
  return groups;
}

function pick(data: Record<string, unknown>, ...path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

async function readRsvp(db: Database, cipher: DataCipher, id: string) {
  const [row] = await db.query<{ session_id: string; occurrence_date: string; seats: number; status: string; contact_sealed: string }>(
    'SELECT session_id, occurrence_date, seats, status, contact_sealed FROM rsvps WHERE id = $1',
    [id],
  );
  if (!row) return null;
  const request = JSON.parse(await cipher.open(row.contact_sealed, `rsvps:${id}`)) as Record<string, unknown>;
  return { sessionId: row.session_id, occurrenceDate: row.occurrence_date, seats: row.seats, rsvpStatus: row.status, ...request };
}

export async function readRecordView(db: Database, cipher: DataCipher, kind: RecordKind, id: string, now: Date): Promise<RecordView | null> {
  const data: Record<string, unknown> | null | undefined = kind === 'rsvps' ? await readRsvp(db, cipher, id) : (await readStaffRecord(db, cipher, kind, id))?.data;
  if (!data) return null;
  const [entry] = (await listQueue(db, cipher, { kinds: [kind], status: 'all', q: id }, now)).items.filter((item) => item.id === id);
  if (!entry) return null;
  const history = await db.query<{ status: WorkStatus; changed_at: Date; changed_by: string; display_name: string }>(
    `SELECT c.status, c.changed_at, c.changed_by, a.display_name FROM record_status_changes c JOIN staff_accounts a ON a.id = c.changed_by
      WHERE c.record_kind = $1 AND c.record_id = $2 ORDER BY c.changed_at, c.id`,
    [kind, id],
  );
  const noteRows = await db.query<{ id: string; sealed: string; created_at: Date; author_id: string; display_name: string }>(
    `SELECT n.id, n.sealed, n.created_at, n.author_id, a.display_name FROM staff_notes n JOIN staff_accounts a ON a.id = n.author_id
      WHERE n.record_kind = $1 AND n.record_id = $2 ORDER BY n.created_at, n.id`,
    [kind, id],
  );
  const notes = [];
  for (const note of noteRows)
    notes.push({ id: note.id, text: await cipher.open(note.sealed, noteContext(note.id, kind, id)), createdAt: note.created_at.toISOString(), author: { id: note.author_id, displayName: note.display_name } });
  const patient = pick(data, 'request', 'patient') as Record<string, unknown> | undefined;
  const displayName =
    text(pick(data, 'contact', 'name')) ?? text(data.name) ?? (patient ? [text(patient.firstName), text(patient.lastName)].filter(Boolean).join(' ') || null : null);
  const phone = text(pick(data, 'contact', 'phone')) ?? text(data.phone);
  const answers = kind === 'intakes' ? (pick(data, 'answers') as Record<string, unknown> | undefined) : undefined;
  const result = kind === 'intakes' ? pick(data, 'result') : undefined;
  return {
    ...entry,
    phone: phone && /^\+?[0-9 ().-]{3,30}$/.test(phone) ? phone : null,
    displayName,
    history: history.map((change) => ({ status: change.status, changedAt: change.changed_at.toISOString(), changedBy: { id: change.changed_by, displayName: change.display_name } })),
    notes,
    screening:
      answers && typeof result === 'string'
        ? { result: result as NonNullable<RecordView['screening']>['result'], urgent: isUrgentIntake(data), groups: groupScreeningAnswers(answers) }
        : null,
    coverage: kind === 'eligibility-checks' ? ((pick(data, 'result') as Record<string, unknown> | null | undefined) ?? null) : null,
    cardPhotos: kind === 'eligibility-checks' ? ((data.cardPhotos as RecordView['cardPhotos'] | undefined) ?? []) : [],
    data,
  };
}

/** The FHIR QuestionnaireResponse the screener built, as the person's browser sent it. */
export async function intakeQuestionnaireResponse(db: Database, cipher: DataCipher, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await db.query('SELECT 1 FROM intakes WHERE id = $1', [id]);
  if (!row) return null;
  return (pick(await openIntake(db, cipher, id), 'questionnaireResponse') as Record<string, unknown> | undefined) ?? null;
}

export async function listColleagues(db: Database): Promise<{ id: string; displayName: string }[]> {
  const rows = await db.query<{ id: string; display_name: string }>(
    "SELECT id, display_name FROM staff_accounts WHERE disabled_at IS NULL AND role IN ('admin', 'intake', 'alumni') ORDER BY display_name, id",
  );
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}
