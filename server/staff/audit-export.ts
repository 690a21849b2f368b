/**
 * The audit trail as FHIR R4 AuditEvent resources (one per line, NDJSON) in the shape of IHE's Basic
 * Audit Log Patterns (BALP), and as CSV for a spreadsheet. Both carry only what the table holds:
 * actor, time, address, action and record id, never health data.
 */
import type { AuditAction, AuditEntry } from '../../src/api/staff-schemas.js';

const BALP = 'https://profiles.ihe.net/ITI/BALP/StructureDefinition';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const REST = 'http://hl7.org/fhir/restful-interaction';
const AUDIT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';

interface Shape {
  readonly profile: string;
  readonly type: { system: string; code: string; display: string };
  readonly subtype: { system: string; code: string; display: string };
  /** FHIR AuditEvent.action: C create, R read, U update, D delete, E execute. */
  readonly action: 'C' | 'R' | 'U' | 'D' | 'E';
}

const rest = (code: string, display: string) => ({ system: REST, code, display });
const restType = { system: AUDIT_TYPE, code: 'rest', display: 'Restful Operation' };
const login: Shape = {
  profile: `${BALP}/IHE.BasicAudit.Login`,
  type: { system: DCM, code: '110114', display: 'User Authentication' },
  subtype: { system: DCM, code: '110122', display: 'Login' },
  action: 'E',
};

const SHAPES: Record<AuditAction, Shape> = {
  'sign-in': login,
  'sign-in-failed': login,
  'sign-out': { ...login, profile: `${BALP}/IHE.BasicAudit.Logout`, subtype: { system: DCM, code: '110123', display: 'Logout' } },
  list: { profile: `${BALP}/IHE.BasicAudit.Query`, type: restType, subtype: rest('search-type', 'search type'), action: 'E' },
  'read-record': { profile: `${BALP}/IHE.BasicAudit.Read`, type: restType, subtype: rest('read', 'read'), action: 'R' },
  'read-card-photo': { profile: `${BALP}/IHE.BasicAudit.Read`, type: restType, subtype: rest('read', 'read'), action: 'R' },
  export: { profile: `${BALP}/IHE.BasicAudit.Read`, type: { system: DCM, code: '110106', display: 'Export' }, subtype: rest('read', 'read'), action: 'R' },
  'change-status': { profile: `${BALP}/IHE.BasicAudit.Update`, type: restType, subtype: rest('update', 'update'), action: 'U' },
  assign: { profile: `${BALP}/IHE.BasicAudit.Update`, type: restType, subtype: rest('update', 'update'), action: 'U' },
  'add-note': { profile: `${BALP}/IHE.BasicAudit.Create`, type: restType, subtype: rest('create', 'create'), action: 'C' },
  'change-settings': { profile: `${BALP}/IHE.BasicAudit.Update`, type: restType, subtype: rest('update', 'update'), action: 'U' },
  'token-issued': { profile: `${BALP}/IHE.BasicAudit.Create`, type: restType, subtype: rest('create', 'create'), action: 'C' },
  'token-revoked': { profile: `${BALP}/IHE.BasicAudit.Delete`, type: restType, subtype: rest('delete', 'delete'), action: 'D' },
  'check-in': { profile: `${BALP}/IHE.BasicAudit.Create`, type: restType, subtype: rest('create', 'create'), action: 'C' },
  'mark-attendance': { profile: `${BALP}/IHE.BasicAudit.Update`, type: restType, subtype: rest('update', 'update'), action: 'U' },
  'letter-issued': { profile: `${BALP}/IHE.BasicAudit.Create`, type: restType, subtype: rest('create', 'create'), action: 'C' },
  'letter-verified': { profile: `${BALP}/IHE.BasicAudit.Read`, type: restType, subtype: rest('read', 'read'), action: 'R' },
};

/** One AuditEvent; `observer` names this server. */
export function auditEventResource(entry: AuditEntry, observer: string): Record<string, unknown> {
  const shape = SHAPES[entry.action];
  const address = entry.sourceAddress;
  return {
    resourceType: 'AuditEvent',
    id: `audit-${entry.seq}`,
    meta: { profile: [shape.profile] },
    type: shape.type,
    subtype: [shape.subtype],
    action: shape.action,
    recorded: entry.at,
    // FHIR outcome codes: 0 success, 4 minor failure (a refused sign-in).
    outcome: entry.outcome === 'success' ? '0' : '4',
    ...(entry.detail ? { outcomeDesc: entry.detail } : {}),
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
        who: {
          ...(entry.actorId ? { identifier: { system: `urn:iop-widgets:${entry.actorKind}`, value: entry.actorId } } : {}),
          display: entry.actorLabel ?? entry.actorKind,
        },
        requestor: true,
        ...(address ? { network: { address, type: /^[\d.]+$/.test(address) || address.includes(':') ? '2' : '1' } } : {}),
      },
    ],
    source: {
      observer: { display: observer },
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    ...(entry.recordId
      ? {
          entity: [
            {
              what: { identifier: { system: `urn:iop-widgets:${entry.recordKind ?? 'record'}`, value: entry.recordId } },
              type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
            },
          ],
        }
      : {}),
  };
}

export function auditNdjson(entries: readonly AuditEntry[], observer: string): string {
  return entries.map((entry) => `${JSON.stringify(auditEventResource(entry, observer))}\n`).join('');
}

const CSV_COLUMNS = ['seq', 'at', 'actorKind', 'actorId', 'actorLabel', 'sourceAddress', 'action', 'outcome', 'recordKind', 'recordId', 'detail'] as const;

/** RFC 4180; a cell that a spreadsheet would run as a formula is prefixed with a quote mark. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(','), ...entries.map((entry) => CSV_COLUMNS.map((column) => csvCell(entry[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
