/**
 * Proof of attendance on the server: the participant's endpoints (check-in, own attendance, letters),
 * the facilitator's staff routes (rows in staff-routes.ts' STAFF_ACCESS), and the letter
 * verification page. Every check-in, mark, letter and verification is audited; none is an event.
 */
import type { Context, Hono } from 'hono';
import { AttendanceMark, CheckInCode, IssuedLetterList, OccurrenceQuery, Roster, AttendanceRecord } from '../../src/api/attendance-schemas.js';
import type { AuditAction } from '../../src/api/staff-schemas.js';
import type { AppEnv } from '../http/app-env.js';
import { mountEndpoint, type EndpointSupport } from '../http/endpoint-route.js';
import { appendAudit } from '../staff/audit-trail.js';
import type { Principal, StaffRouteKey } from '../staff/staff-routes.js';
import { issueLetter, listLetters } from './attendance-letters.js';
import { attendanceOf, checkIn, codeToShow, markAttendance, ownRsvp, roster, type AttendanceDeps } from './attendance-records.js';
import { mountLetterVerificationPage } from './verification-page.js';

export interface AttendanceOptions extends AttendanceDeps {
  /** The origin printed on letters as the verification address; unset: the request's own origin. */
  readonly publicOrigin?: string | undefined;
}

/**
 * Participants act without an account: their audit rows name the RSVP or letter, never the person,
 * and the address the request came from, as staff rows do.
 */
async function auditParticipant(deps: AttendanceDeps, sourceAddress: string | null, action: AuditAction, recordKind: string, recordId: string | null, outcome: 'success' | 'failure', detail: string) {
  await appendAudit(
    deps.db as Parameters<typeof appendAudit>[0],
    { actorKind: 'anonymous', actorId: null, actorLabel: null, sourceAddress, action, outcome, recordKind, recordId, detail },
    deps.now(),
  );
}

export function mountAttendance(app: Hono<AppEnv>, basePath: string, options: AttendanceOptions, support: EndpointSupport): void {
  mountEndpoint(
    app,
    basePath,
    'checkIn',
    async ({ id, body, bearerToken, sourceAddress }) => {
      const rsvp = await ownRsvp(options.db, id, bearerToken).catch(async (error: unknown) => {
        await auditParticipant(options, sourceAddress, 'check-in', 'rsvps', id, 'failure', 'no-rsvp');
        throw error;
      });
      const outcome = await checkIn(options, rsvp, body.code);
      if ('refused' in outcome) {
        await auditParticipant(options, sourceAddress, 'check-in', 'rsvps', id, 'failure', outcome.reason);
        throw outcome.refused;
      }
      await auditParticipant(options, sourceAddress, 'check-in', 'rsvps', id, 'success', 'code');
      return { status: 201, body: outcome.record };
    },
    support,
  );
  mountEndpoint(app, basePath, 'getAttendance', async ({ id, bearerToken }) => ({ status: 200, body: await attendanceOf(options, await ownRsvp(options.db, id, bearerToken)) }), support);
  mountEndpoint(
    app,
    basePath,
    'requestAttendanceLetter',
    async ({ body, origin, sourceAddress }) => {
      const letter = await issueLetter(options, body, options.publicOrigin ?? origin);
      await auditParticipant(options, sourceAddress, 'letter-issued', 'attendance-letters', letter.id, 'success', `sessions:${letter.sessions}:${body.titles}`);
      return { status: 201, body: letter };
    },
    support,
  );
  mountLetterVerificationPage(app, options, (verification, c) =>
    auditParticipant(options, support.clientAddress?.(c) ?? null, 'letter-verified', 'attendance-letters', 'letterId' in verification ? verification.letterId : null, verification.verdict === 'genuine' || verification.verdict === 'shown' ? 'success' : 'failure', verification.verdict),
  );
}

// ---- the facilitator's staff routes ------------------------------------------------------------------

export interface StaffRouteKit {
  readonly route: (key: StaffRouteKey, handler: (c: Context<AppEnv>, principal: Principal | null) => Promise<Response>) => void;
  readonly audit: (c: Context, principal: Principal | null, action: AuditAction, extra?: { recordKind?: string; recordId?: string; detail?: string }) => Promise<void>;
  readonly answer: (schema: import('zod/mini').ZodMiniType, value: unknown, status?: number) => Response;
  readonly queryOf: <S extends import('zod/mini').ZodMiniType>(c: Context, schema: S) => import('zod/mini').infer<S>;
  readonly bodyOf: <S extends import('zod/mini').ZodMiniType>(c: Context, schema: S) => Promise<import('zod/mini').infer<S>>;
  readonly idParam: (c: Context) => string;
}

export function mountAttendanceStaffRoutes(kit: StaffRouteKit, deps: AttendanceDeps): void {
  const { route, audit, answer, queryOf, bodyOf, idParam } = kit;

  route('GET attendance/sessions/{id}/code', async (c) => {
    const { date } = queryOf(c, OccurrenceQuery);
    return answer(CheckInCode, await codeToShow(deps, idParam(c), date));
  });

  route('GET attendance/sessions/{id}/roster', async (c, principal) => {
    const sessionId = idParam(c);
    const { date } = queryOf(c, OccurrenceQuery);
    const list = await roster(deps, sessionId, date);
    await audit(c, principal, 'list', { recordKind: 'rsvps', detail: `attendance-roster:${sessionId}:${date}` });
    return answer(Roster, list);
  });

  route('POST attendance/sessions/{id}/marks', async (c, principal) => {
    const sessionId = idParam(c);
    const mark = await bodyOf(c, AttendanceMark);
    const record = await markAttendance(deps, sessionId, mark, principal!.id);
    await audit(c, principal, 'mark-attendance', { recordKind: 'rsvps', recordId: mark.rsvpId, detail: mark.mark });
    return answer(AttendanceRecord, record);
  });

  route('GET attendance/letters', async (c, principal) => {
    const letters = await listLetters(deps.db);
    await audit(c, principal, 'list', { recordKind: 'attendance-letters', detail: 'letters' });
    return answer(IssuedLetterList, { letters });
  });
}
