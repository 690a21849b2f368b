/**
 * The audit trail (45 CFR 164.312(b)): one append-only row per sign-in, read, export and change,
 * saying who, when, from where, what and which record; never the health data itself. Each row
 * carries the hash of the previous one, so a row changed or removed around the database's
 * append-only trigger breaks the chain, and `npm run audit -- verify` names the first broken link.
 */
import type { AuditAction, AuditEntry } from '../../src/api/staff-schemas.js';
import type { Database, Queryable } from '../db/database.js';
import { sha256Hex } from '../security/secrets.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Appends take turns, so each row names the row before it. */
const AUDIT_LOCK = 7_461_011;

export interface AuditRecord {
  readonly actorKind: AuditEntry['actorKind'];
  readonly actorId: string | null;
  readonly actorLabel: string | null;
  readonly sourceAddress: string | null;
  readonly action: AuditAction;
  readonly outcome?: 'success' | 'failure';
  readonly recordKind?: string | null;
  readonly recordId?: string | null;
  readonly detail?: string | null;
}

type AuditRow = {
  seq: string | number;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_label: string | null;
  source_address: string | null;
  action: string;
  outcome: string;
  record_kind: string | null;
  record_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
};

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    actorKind: row.actor_kind as AuditEntry['actorKind'],
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    sourceAddress: row.source_address,
    action: row.action as AuditAction,
    outcome: row.outcome as AuditEntry['outcome'],
    recordKind: row.record_kind,
    recordId: row.record_id,
    detail: row.detail,
  };
}

/** The hash covers every column but the hash itself, in a fixed order. */
export function auditRowHash(entry: AuditEntry, prevHash: string): Promise<string> {
  return sha256Hex(
    JSON.stringify([
      entry.seq,
      entry.at,
      entry.actorKind,
      entry.actorId,
      entry.actorLabel,
      entry.sourceAddress,
      entry.action,
      entry.outcome,
      entry.recordKind,
      entry.recordId,
      entry.detail,
      prevHash,
    ]),
  );
}

export async function appendAudit(db: Database, record: AuditRecord, at: Date): Promise<AuditEntry> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const [last] = await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    const prevHash = last?.hash ?? GENESIS_HASH;
    const entry: AuditEntry = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: at.toISOString(),
      actorKind: record.actorKind,
      actorId: record.actorId,
      actorLabel: record.actorLabel,
      sourceAddress: record.sourceAddress,
      action: record.action,
      outcome: record.outcome ?? 'success',
      recordKind: record.recordKind ?? null,
      recordId: record.recordId ?? null,
      detail: record.detail ?? null,
    };
    const hash = await auditRowHash(entry, prevHash);
    await tx.query(
      `INSERT INTO audit_events (seq, at, actor_kind, actor_id, actor_label, source_address, action, outcome, record_kind, record_id, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [entry.seq, at, entry.actorKind, entry.actorId, entry.actorLabel, entry.sourceAddress, entry.action, entry.outcome, entry.recordKind, entry.recordId, entry.detail, prevHash, hash],
    );
    return entry;
  });
}

export interface AuditFilter {
  readonly action?: AuditAction | undefined;
  readonly actorId?: string | undefined;
  readonly recordId?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit?: number | undefined;
}

/** Newest first. */
export async function listAudit(db: Queryable, filter: AuditFilter): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (filter.action) add('action = ?', filter.action);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.recordId) add('record_id = ?', filter.recordId);
  if (filter.from) add('at >= ?', new Date(filter.from));
  if (filter.to) add('at <= ?', new Date(filter.to));
  params.push(filter.limit ?? 200);
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}

export interface AuditVerdict {
  readonly rows: number;
  /** The first row whose link or content does not hold; null when the chain is intact. */
  readonly firstBroken: { seq: number; reason: 'content-changed' | 'link-broken' } | null;
}

/** Walks the chain in order, in pages, recomputing every hash. */
export async function verifyAuditChain(db: Queryable): Promise<AuditVerdict> {
  let prevHash = GENESIS_HASH;
  let afterSeq = 0;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await db.query<AuditRow>('SELECT * FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT 1000', [afterSeq]);
    if (page.length === 0) return { rows, firstBroken: null };
    for (const row of page) {
      const entry = toEntry(row);
      rows++;
      // A removed row leaves a gap in the numbering and a dangling link.
      if (row.prev_hash !== prevHash || entry.seq !== expectedSeq) return { rows, firstBroken: { seq: entry.seq, reason: 'link-broken' } };
      if ((await auditRowHash(entry, row.prev_hash)) !== row.hash) return { rows, firstBroken: { seq: entry.seq, reason: 'content-changed' } };
      prevHash = row.hash;
      afterSeq = entry.seq;
      expectedSeq = entry.seq + 1;
    }
  }
}
