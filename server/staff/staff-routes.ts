/**
 * `/api/iop/staff/`: the center console's API and integrations' machine access. Who may call what is
 * one table (`STAFF_ACCESS`); every route answers 401 without a principal and 403 for a role not
 * listed. Principals: a passkey session (HttpOnly, SameSite=Strict cookie), a per-integration API
 * token, or, for one more release, the shared IOP_STAFF_TOKEN. Every read of a health record, every
 * export and every change leaves one audit row.
 */
import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import { Id } from '../../src/api/schemas.js';
import {
  ApiTokenList,
  ApiTokenRequest,
  AssigneeRequest,
  AuditExportQuery,
  AuditList,
  AuditQuery,
  CeremonyAnswer,
  CeremonyOptions,
  ColleagueList,
  EnrolOptionsRequest,
  Invite,
  InviteRequest,
  IssuedApiToken,
  NoteRequest,
  Queue,
  QueueQuery,
  QueueSummary,
  RecordKind,
  RecordView,
  SetupStatus,
  StaffAccountList,
  StaffPrincipal,
  StatusRequest,
  type AuditAction,
  type StaffRole,
} from '../../src/api/staff-schemas.js';
import { parseReferenceCode } from '../../src/domain/reference-code.js';
import { mountAttendanceStaffRoutes } from '../attendance/attendance-routes.js';
import { mountSettingsRoutes, type SettingsSupport } from '../settings/settings-routes.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { fieldErrors } from '../http/field-errors.js';
import { notFound, problemResponse, ProblemError, SOME_FIELDS_NEED_ATTENTION } from '../http/problem.js';
import type { DataCipher } from '../security/data-cipher.js';
import { secretsEqual } from '../security/secrets.js';
import { auditCsv, auditNdjson } from './audit-export.js';
import { appendAudit, listAudit, type AuditRecord } from './audit-trail.js';
import { QueueWatch } from './queue-watch.js';
import {
  API_TOKEN_PREFIX,
  createInvite,
  disableAccount,
  endAllSessions,
  endSession,
  finishEnrolment,
  finishSignIn,
  hasActiveAdmin,
  IdentityError,
  issueApiToken,
  listAccounts,
  listApiTokens,
  openSession,
  resolveApiToken,
  resumeSession,
  revokeApiToken,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  startEnrolment,
  startSignIn,
  type RelyingParty,
} from './staff-identity.js';
import { listStaffRecords, markStaffRecordHandled, readCardPhoto, readStaffRecord } from './staff-records.js';
import { StaffListQuery, StaffRecord, StaffRecordKind, StaffRecordList, StaffRecordSummary } from './staff-schemas.js';
import { addNote, assignRecord, changeStatus, intakeQuestionnaireResponse, latestQueueChange, listColleagues, listQueue, readRecordView } from './work-queue.js';

export interface StaffSupport {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly now: () => Date;
  /** The shared token of the previous release: still accepted (as an intake coordinator), with a warning. */
  readonly staffToken: string | undefined;
  /** The origin staff open the console at (sets the passkeys' relying party); unset: the request's own. */
  readonly publicOrigin?: string | undefined;
  readonly centerName?: string;
  readonly clientAddress?: (c: Context) => string;
  readonly warn?: (message: string) => void;
  /** The admin settings API (issue 12). */
  readonly settings: SettingsSupport;
}

export const SESSION_COOKIE = 'iop_staff_session';
/** State-changing requests made with the session cookie must carry this header (a cross-site form cannot). */
export const CSRF_HEADER = 'x-iop-staff';
/** Automatic refreshes (live queue) send this, so they do not keep an unattended session alive. */
export const BACKGROUND_HEADER = 'x-iop-background';

// ---- who may call what ----------------------------------------------------------------------------

const EVERYONE: readonly StaffRole[] = ['admin', 'intake', 'alumni', 'viewer'];
const WORKERS: readonly StaffRole[] = ['admin', 'intake', 'alumni'];
const HEALTH: readonly StaffRole[] = ['admin', 'intake'];
const ADMIN: readonly StaffRole[] = ['admin'];
/** Who runs alumni and peer sessions: they show check-in codes, mark attendance and see letters issued. */
const FACILITATORS: readonly StaffRole[] = ['admin', 'alumni'];
export type StaffAccess = 'public' | readonly StaffRole[];

/** Every staff route and the roles that may call it; `{x}` is a path parameter. */
export const STAFF_ACCESS = {
  'GET setup': 'public',
  'POST enrol/options': 'public',
  'POST enrol/verify': 'public',
  'POST sign-in/options': 'public',
  'POST sign-in/verify': 'public',
  'GET session': EVERYONE,
  'POST sign-out': EVERYONE,
  'POST sign-out-everywhere': EVERYONE,
  'GET queue': EVERYONE,
  'GET queue/events': EVERYONE,
  'GET colleagues': WORKERS,
  'GET records/{kind}/{id}': WORKERS,
  'POST records/{kind}/{id}/status': WORKERS,
  'POST records/{kind}/{id}/assignee': WORKERS,
  'POST records/{kind}/{id}/notes': WORKERS,
  'GET records/intakes/{id}/questionnaire-response': HEALTH,
  'GET records/eligibility-checks/{id}/card-photos/{photoId}': HEALTH,
  'GET accounts': ADMIN,
  'POST accounts/{id}/disable': ADMIN,
  'POST invites': ADMIN,
  'GET tokens': ADMIN,
  'POST tokens': ADMIN,
  'DELETE tokens/{id}': ADMIN,
  'GET audit': ADMIN,
  'GET audit/export': ADMIN,
  // Proof of attendance (issue 18); handlers in server/attendance/attendance-routes.ts.
  'GET attendance/sessions/{id}/code': FACILITATORS,
  'GET attendance/sessions/{id}/roster': FACILITATORS,
  'POST attendance/sessions/{id}/marks': FACILITATORS,
  'GET attendance/letters': FACILITATORS,
  // A center's own setup (issue 12); handlers in server/settings/settings-routes.ts.
  'GET settings': ADMIN,
  'POST settings/first-run': ADMIN,
  'GET settings/history': ADMIN,
  'GET settings/profile': ADMIN,
  'PUT settings/profile': ADMIN,
  'GET settings/programs': ADMIN,
  'PUT settings/programs': ADMIN,
  'GET settings/availability': ADMIN,
  'PUT settings/availability': ADMIN,
  'POST settings/availability/preview': ADMIN,
  'GET settings/payers': ADMIN,
  'PUT settings/payers': ADMIN,
  'GET settings/sessions': ADMIN,
  'PUT settings/sessions': ADMIN,
  'GET settings/screener': ADMIN,
  'PUT settings/screener': ADMIN,
  'GET settings/embedding': ADMIN,
  'PUT settings/embedding': ADMIN,
  'GET settings/export': ADMIN,
  'POST settings/import/preview': ADMIN,
  'POST settings/import': ADMIN,
  // The previous release's routes, for integrations moving to tokens.
  'GET {kind}': HEALTH,
  'GET {kind}/{id}': HEALTH,
  'GET eligibility-checks/{id}/card-photos/{photoId}': HEALTH,
  'POST {kind}/{id}/handled': HEALTH,
} as const satisfies Record<string, StaffAccess>;
export type StaffRouteKey = keyof typeof STAFF_ACCESS;

/** Which kinds of record each role works; a viewer sees only counts and statuses. */
export const KINDS_BY_ROLE: Record<StaffRole, readonly RecordKind[]> = {
  admin: RecordKind.options,
  intake: RecordKind.options,
  alumni: ['rsvps'],
  viewer: [],
};

// ---- principals -----------------------------------------------------------------------------------

export interface Principal {
  readonly kind: 'staff' | 'api-token' | 'legacy-token';
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly expiresAt: Date | null;
  readonly sessionToken?: string;
}

const noStore = { 'cache-control': 'no-store' };

function answer<S extends z.ZodMiniType>(schema: S, value: z.input<S>, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(schema.parse(value)), { status, headers: { 'content-type': 'application/json', ...noStore, ...headers } });
}

const refuse = (status: 401 | 403, detail: string) =>
  problemResponse({ status, code: status === 401 ? 'unauthorized' : 'forbidden', detail, headers: { ...noStore, ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) } });

async function bodyOf<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ProblemError({ status: 400, code: 'validation', detail: 'The body must be JSON.' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ProblemError({ status: 422, code: 'validation', detail: SOME_FIELDS_NEED_ATTENTION, errors: fieldErrors(parsed.error) });
  return parsed.data as z.infer<S>;
}

function queryOf<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) throw new ProblemError({ status: 422, code: 'validation', errors: fieldErrors(parsed.error) });
  return parsed.data as z.infer<S>;
}

function idParam(c: Context, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!Id.safeParse(id).success) throw notFound();
  return id;
}

export function mountStaffRoutes(app: Hono<AppEnv>, basePath: string, support: StaffSupport): void {
  const { db, cipher, now } = support;
  const staffBase = `${basePath}staff/`;
  const watch = new QueueWatch(db);
  let warnedLegacy = false;

  const relyingParty = (c: Context): RelyingParty => {
    const origin = support.publicOrigin ?? new URL(c.req.url).origin;
    return { origin, id: new URL(origin).hostname, name: support.centerName ?? 'Center console' };
  };
  const address = (c: Context) => support.clientAddress?.(c) ?? null;

  async function audit(c: Context, principal: Principal | null, action: AuditAction, extra: Partial<AuditRecord> = {}): Promise<void> {
    await appendAudit(
      db,
      {
        actorKind: principal?.kind ?? 'anonymous',
        actorId: principal?.id ?? null,
        actorLabel: principal?.displayName ?? null,
        sourceAddress: address(c),
        action,
        ...extra,
      },
      now(),
    );
  }

  async function principalOf(c: Context): Promise<Principal | null> {
    const bearer = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      if (bearer.startsWith(API_TOKEN_PREFIX)) {
        const token = await resolveApiToken(db, bearer, now());
        return token ? { kind: 'api-token', id: token.id, displayName: token.name, role: token.role, expiresAt: null } : null;
      }
      if (support.staffToken && (await secretsEqual(bearer, support.staffToken))) {
        if (!warnedLegacy) {
          warnedLegacy = true;
          (support.warn ?? console.warn)(
            'IOP_STAFF_TOKEN is deprecated and will stop working in the next release: issue each integration its own API token (console > API tokens).',
          );
        }
        return { kind: 'legacy-token', id: 'IOP_STAFF_TOKEN', displayName: 'Shared staff token (deprecated)', role: 'intake', expiresAt: null };
      }
      return null;
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) return null;
    const session = await resumeSession(db, cookie, now(), { touch: c.req.header(BACKGROUND_HEADER) !== '1' });
    return session ? { kind: 'staff', ...session.account, expiresAt: session.expiresAt, sessionToken: cookie } : null;
  }

  /** SameSite=Strict keeps the cookie off cross-site requests; the Origin check and the custom header are the second and third locks. */
  function csrfRefusal(c: Context, principal: Principal | null): Response | null {
    if (c.req.method === 'GET') return null;
    if (principal && principal.kind !== 'staff') return null;
    if (c.req.header(CSRF_HEADER) !== '1' || c.req.header('origin') !== relyingParty(c).origin)
      return refuse(403, 'This request must come from the console page itself.');
    return null;
  }

  function startSessionCookie(c: Context, token: string): void {
    setCookie(c, SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      secure: relyingParty(c).origin.startsWith('https:'),
      sameSite: 'Strict',
      maxAge: SESSION_ABSOLUTE_MS / 1000,
    });
  }
  function clearSessionCookie(c: Context): void {
    setCookie(c, SESSION_COOKIE, '', { path: '/', httpOnly: true, secure: relyingParty(c).origin.startsWith('https:'), sameSite: 'Strict', maxAge: 0 });
  }

  function kindAllowed(principal: Principal, kind: RecordKind): void {
    if (!KINDS_BY_ROLE[principal.role].includes(kind)) throw new ProblemError({ status: 403, code: 'forbidden', detail: 'Your role does not work this kind of record.' });
  }
  const kindParam = (c: Context): RecordKind => {
    const kind = RecordKind.safeParse(c.req.param('kind'));
    if (!kind.success) throw notFound();
    return kind.data;
  };
  const legacyKind = (c: Context): StaffRecordKind => {
    const kind = StaffRecordKind.safeParse(c.req.param('kind'));
    if (!kind.success) throw notFound();
    return kind.data;
  };

  type Handler = (c: Context<AppEnv>, principal: Principal | null) => Promise<Response>;
  const route = (key: StaffRouteKey, handler: Handler) => {
    const [method, path] = key.split(' ') as [string, string];
    const access: StaffAccess = STAFF_ACCESS[key];
    app.on(method, `${staffBase}${path.replace(/\{(\w+)\}/g, ':$1')}`, async (c) => {
      c.set('route', `${method} staff/${path}`);
      const principal = await principalOf(c);
      if (access !== 'public') {
        if (!principal) return refuse(401, 'Please sign in.');
        if (!access.includes(principal.role)) return refuse(403, 'Your role does not include this.');
      }
      const csrf = csrfRefusal(c, principal);
      if (csrf) return csrf;
      return handler(c, principal);
    });
  };

  // Every staff answer, refusals included, is kept out of browser and proxy caches.
  app.use(`${staffBase}*`, async (c, next) => {
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });

  // ---- identity ----------------------------------------------------------------------------------

  route('GET setup', async () =>
    answer(SetupStatus, { needsFirstAdmin: !(await hasActiveAdmin(db)), centerConfigured: (await db.query('SELECT 1 FROM center WHERE id = 1')).length > 0 }),
  );

  const identityRefusal = async (c: Context, error: unknown, action: 'sign-in-failed') => {
    if (!(error instanceof IdentityError)) throw error;
    await audit(c, null, action, { outcome: 'failure', detail: error.reason });
    const detail = {
      'invite-invalid': 'This enrolment link is not valid any more. Please ask an administrator for a new one.',
      'ceremony-invalid': 'That took too long. Please try again.',
      'passkey-refused': 'That passkey was not accepted. Please try again.',
      'account-disabled': 'This account is disabled. Please ask an administrator.',
    }[error.reason];
    return refuse(error.reason === 'account-disabled' ? 403 : 401, detail);
  };

  route('POST enrol/options', async (c) => {
    const body = await bodyOf(c, EnrolOptionsRequest);
    try {
      return answer(CeremonyOptions, await startEnrolment(db, relyingParty(c), body.inviteToken, body.displayName, now()));
    } catch (error) {
      return identityRefusal(c, error, 'sign-in-failed');
    }
  });

  route('POST enrol/verify', async (c) => {
    const body = await bodyOf(c, CeremonyAnswer);
    try {
      const account = await finishEnrolment(db, relyingParty(c), body.ceremonyId, body.response, now());
      startSessionCookie(c, await openSession(db, account.id, now()));
      await audit(c, { kind: 'staff', ...account, expiresAt: null }, 'sign-in', { detail: `enrolled:${account.role}` });
      return sessionAnswer(c, { kind: 'staff', ...account, expiresAt: new Date(now().getTime() + SESSION_ABSOLUTE_MS) });
    } catch (error) {
      return identityRefusal(c, error, 'sign-in-failed');
    }
  });

  route('POST sign-in/options', async (c) => answer(CeremonyOptions, await startSignIn(db, relyingParty(c), now())));

  route('POST sign-in/verify', async (c) => {
    const body = await bodyOf(c, CeremonyAnswer);
    try {
      const account = await finishSignIn(db, relyingParty(c), body.ceremonyId, body.response, now());
      startSessionCookie(c, await openSession(db, account.id, now()));
      await audit(c, { kind: 'staff', ...account, expiresAt: null }, 'sign-in');
      return sessionAnswer(c, { kind: 'staff', ...account, expiresAt: new Date(now().getTime() + SESSION_ABSOLUTE_MS) });
    } catch (error) {
      return identityRefusal(c, error, 'sign-in-failed');
    }
  });

  function sessionAnswer(c: Context, principal: Principal): Response {
    const response = answer(StaffPrincipal, {
      kind: principal.kind,
      id: principal.id,
      displayName: principal.displayName,
      role: principal.role,
      expiresAt: principal.expiresAt?.toISOString() ?? null,
      idleMinutes: principal.kind === 'staff' ? SESSION_IDLE_MS / 60_000 : null,
    });
    for (const cookie of c.res.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  }

  route('GET session', async (c, principal) => sessionAnswer(c, principal!));

  route('POST sign-out', async (c, principal) => {
    if (principal?.sessionToken) await endSession(db, principal.sessionToken, now());
    await audit(c, principal, 'sign-out');
    clearSessionCookie(c);
    const response = new Response(null, { status: 204 });
    for (const cookie of c.res.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  });

  route('POST sign-out-everywhere', async (c, principal) => {
    if (principal?.kind === 'staff') await endAllSessions(db, principal.id, now());
    await audit(c, principal, 'sign-out', { detail: 'everywhere' });
    clearSessionCookie(c);
    const response = new Response(null, { status: 204 });
    for (const cookie of c.res.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
    return response;
  });

  // ---- work queue --------------------------------------------------------------------------------

  route('GET queue', async (c, principal) => {
    const query = queryOf(c, QueueQuery);
    const role = principal!.role;
    if (role === 'viewer') {
      const { items, counts } = await listQueue(db, cipher, { kinds: RecordKind.options, status: query.status, q: query.q, ...(query.kind ? { kinds: [query.kind] } : {}) }, now());
      return answer(QueueSummary, { items: items.map(({ id, kind, receivedAt, status }) => ({ id, kind, receivedAt, status })), counts, seq: await latestQueueChange(db) });
    }
    const kinds = KINDS_BY_ROLE[role].filter((kind) => !query.kind || kind === query.kind);
    const seq = await latestQueueChange(db);
    const queue = await listQueue(db, cipher, { kinds, status: query.status, q: query.q }, now());
    await audit(c, principal, 'list', { detail: `queue:${query.status}` });
    return answer(Queue, { ...queue, seq });
  });

  route('GET queue/events', async (c) =>
    streamSSE(c, async (stream) => {
      let known = await latestQueueChange(db);
      let wake: (() => void) | undefined;
      const unsubscribe = watch.subscribe(known, (seq) => {
        known = seq;
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'queue-ready', data: String(known) });
      // Streams end after a few minutes; EventSource reconnects, and the session is checked again.
      const endAt = Date.now() + 5 * 60_000;
      let sent = known;
      while (!stream.aborted && Date.now() < endAt) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 15_000);
        });
        if (stream.aborted) break;
        if (known !== sent) {
          sent = known;
          await stream.writeSSE({ event: 'queue-changed', data: String(known) });
        } else await stream.write(': still here\n\n');
      }
      unsubscribe();
    }),
  );

  route('GET colleagues', async () => answer(ColleagueList, { colleagues: await listColleagues(db) }));

  route('GET records/{kind}/{id}', async (c, principal) => {
    const kind = kindParam(c);
    kindAllowed(principal!, kind);
    const id = idParam(c);
    const view = await readRecordView(db, cipher, kind, id, now());
    if (!view) throw notFound();
    await audit(c, principal, 'read-record', { recordKind: kind, recordId: id });
    return answer(RecordView, view);
  });

  route('POST records/{kind}/{id}/status', async (c, principal) => {
    const kind = kindParam(c);
    kindAllowed(principal!, kind);
    const id = idParam(c);
    const { status } = await bodyOf(c, StatusRequest);
    if (!(await changeStatus(db, cipher, kind, id, status, actingAccount(principal!), now()))) throw notFound();
    await audit(c, principal, 'change-status', { recordKind: kind, recordId: id, detail: status });
    return new Response(null, { status: 204 });
  });

  route('POST records/{kind}/{id}/assignee', async (c, principal) => {
    const kind = kindParam(c);
    kindAllowed(principal!, kind);
    const id = idParam(c);
    const { accountId } = await bodyOf(c, AssigneeRequest);
    const done = await assignRecord(db, cipher, kind, id, accountId, now());
    if (done === 'no-such-colleague') throw new ProblemError({ status: 422, code: 'validation', errors: [{ pointer: '/accountId', detail: 'This is not one of the allowed values.' }] });
    if (!done) throw notFound();
    await audit(c, principal, 'assign', { recordKind: kind, recordId: id, detail: accountId ? `to:${accountId}` : 'unassigned' });
    return new Response(null, { status: 204 });
  });

  route('POST records/{kind}/{id}/notes', async (c, principal) => {
    const kind = kindParam(c);
    kindAllowed(principal!, kind);
    const id = idParam(c);
    const { text } = await bodyOf(c, NoteRequest);
    const noteId = await addNote(db, cipher, kind, id, text, actingAccount(principal!), now());
    if (!noteId) throw notFound();
    await audit(c, principal, 'add-note', { recordKind: kind, recordId: id, detail: `note:${noteId}` });
    return new Response(null, { status: 204 });
  });

  route('GET records/intakes/{id}/questionnaire-response', async (c, principal) => {
    const id = idParam(c);
    const resource = await intakeQuestionnaireResponse(db, cipher, id);
    if (!resource) throw notFound();
    await audit(c, principal, 'export', { recordKind: 'intakes', recordId: id, detail: 'questionnaire-response' });
    return new Response(JSON.stringify(resource, null, 2), {
      status: 200,
      headers: { 'content-type': 'application/fhir+json', 'content-disposition': 'attachment; filename="questionnaire-response.json"', ...noStore },
    });
  });

  const cardPhoto: Handler = async (c, principal) => {
    const checkId = idParam(c);
    const photo = await readCardPhoto(db, cipher, checkId, idParam(c, 'photoId'));
    if (!photo) throw notFound();
    await audit(c, principal, 'read-card-photo', { recordKind: 'eligibility-checks', recordId: checkId });
    return new Response(photo.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      // Shown in the console, never saved by a browser or a proxy on the way.
      headers: { 'content-type': photo.mediaType, 'content-disposition': 'inline', ...noStore },
    });
  };
  route('GET records/eligibility-checks/{id}/card-photos/{photoId}', cardPhoto);

  // ---- administration ----------------------------------------------------------------------------

  route('GET accounts', async () => answer(StaffAccountList, { accounts: await listAccounts(db) }));

  route('POST accounts/{id}/disable', async (c, principal) => {
    const id = idParam(c);
    if (!(await disableAccount(db, id, now()))) throw notFound();
    await audit(c, principal, 'change-settings', { detail: `account-disabled:${id}` });
    return new Response(null, { status: 204 });
  });

  route('POST invites', async (c, principal) => {
    const body = await bodyOf(c, InviteRequest);
    const invite = await createInvite(db, body.role, now(), { createdBy: principal!.kind === 'staff' ? principal!.id : null, displayName: body.displayName });
    await audit(c, principal, 'change-settings', { detail: `invite-issued:${body.role}` });
    return answer(Invite, invite, 201);
  });

  route('GET tokens', async () => answer(ApiTokenList, { tokens: await listApiTokens(db) }));

  route('POST tokens', async (c, principal) => {
    const body = await bodyOf(c, ApiTokenRequest);
    const issued = await issueApiToken(db, body.name, body.role, principal!.kind === 'staff' ? principal!.id : null, now());
    await audit(c, principal, 'token-issued', { detail: `token:${issued.id}:${issued.role}` });
    return answer(IssuedApiToken, issued, 201);
  });

  route('DELETE tokens/{id}', async (c, principal) => {
    const revoked = await revokeApiToken(db, idParam(c), now());
    if (!revoked) throw notFound();
    await audit(c, principal, 'token-revoked', { detail: `token:${revoked.id}` });
    return new Response(null, { status: 204 });
  });

  route('GET audit', async (c) => answer(AuditList, { entries: await listAudit(db, queryOf(c, AuditQuery)) }));

  route('GET audit/export', async (c, principal) => {
    const query = queryOf(c, AuditExportQuery);
    const entries = await listAudit(db, query);
    await audit(c, principal, 'export', { detail: `audit-${query.format}` });
    const fhir = query.format === 'fhir';
    return new Response(fhir ? auditNdjson(entries, `IOP Widgets reference server (${relyingParty(c).id})`) : auditCsv(entries), {
      status: 200,
      headers: {
        'content-type': fhir ? 'application/fhir+ndjson' : 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-events.${fhir ? 'ndjson' : 'csv'}"`,
        ...noStore,
      },
    });
  });

  const kit = { route, audit, answer: (schema: z.ZodMiniType, value: unknown, status?: number) => answer(schema, value as never, status), queryOf, bodyOf, idParam: (c: Context) => idParam(c) };
  mountAttendanceStaffRoutes(kit, { db, cipher, now });
  mountSettingsRoutes(kit, { db, now }, support.settings);

  // ---- the previous release's routes (kept for integrations; now audited) -------------------------

  route('GET eligibility-checks/{id}/card-photos/{photoId}', cardPhoto);

  route('GET {kind}', async (c, principal) => {
    const kind = legacyKind(c);
    const query = StaffListQuery.safeParse(c.req.query());
    if (!query.success) return problemResponse({ status: 422, code: 'validation', errors: fieldErrors(query.error) });
    const reference = query.data.reference === undefined ? undefined : parseReferenceCode(query.data.reference);
    if (query.data.reference !== undefined && !reference) {
      return problemResponse({ status: 422, code: 'validation', errors: [{ pointer: '/reference', detail: 'This is not a reference: check each character.' }] });
    }
    const records = await listStaffRecords(db, kind, query.data.status, query.data.limit, reference);
    await audit(c, principal, 'list', { recordKind: kind, detail: `legacy:${query.data.status}` });
    return answer(StaffRecordList, { records });
  });

  route('GET {kind}/{id}', async (c, principal) => {
    const kind = legacyKind(c);
    const id = idParam(c);
    const record = await readStaffRecord(db, cipher, kind, id);
    if (!record) throw notFound();
    await audit(c, principal, 'read-record', { recordKind: kind, recordId: id });
    return answer(StaffRecord, record);
  });

  route('POST {kind}/{id}/handled', async (c, principal) => {
    const kind = legacyKind(c);
    const id = idParam(c);
    const record = await markStaffRecordHandled(db, kind, id, now());
    if (!record) throw notFound();
    await audit(c, principal, 'change-status', { recordKind: kind, recordId: id, detail: 'handled' });
    return answer(StaffRecordSummary, record);
  });
}

/**
 * Status changes and notes name a staff account; a token acting on records has none, so it is
 * refused there (integrations read and mark handled; people work the queue).
 */
function actingAccount(principal: Principal): string {
  if (principal.kind !== 'staff') throw new ProblemError({ status: 403, code: 'forbidden', detail: 'Only a signed-in person can change the workflow.' });
  return principal.id;
}
