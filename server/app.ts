/**
 * The reference API as a Hono app. Everything outside the process (database, key, clock, payer,
 * webhook, static files, client address) is injected, so the same app runs under Node and in a
 * page (browser-backend.ts). Keep Node-only imports out of this file's import graph.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { endpoints } from '../src/api/endpoints.js';
import type { Database } from './db/database.js';
import type { EligibilityProvider } from './eligibility/eligibility-provider.js';
import type { AppEnv } from './http/app-env.js';
import { mountEmbedRoutes } from './http/embed-page.js';
import { mountEndpoint, type EndpointSupport } from './http/endpoint-route.js';
import { mountOriginCheck } from './http/origin-check.js';
import { publicScreenerSettings } from './settings/center-settings.js';
import { OriginPolicy } from './settings/origin-policy.js';
import { DEFAULT_IDEMPOTENCY_POLICY, IdempotencyStore, type IdempotencyPolicy } from './http/idempotency-store.js';
import { problemLanguage, problemResponse, ProblemError } from './http/problem.js';
import { errorKind, jsonLinesToStdout, type RequestLogger } from './http/request-log.js';
import { SharedRateLimiter } from './http/shared-rate-limit.js';
import { JobRunner, type JobKind } from './jobs/job-runner.js';
import { recordsSweep, RECORDS_SWEEP_JOB, type SweepCounts } from './jobs/records-sweep.js';
import type { DataCipher } from './security/data-cipher.js';
import { newRecordId } from './security/secrets.js';
import { listAlumniSessions, createRsvp, cancelRsvp } from './services/alumni-rsvps.js';
import { createBooking, holdAssessmentSlot, listAssessmentSlots } from './services/assessment-booking.js';
import { listPayers, listPrograms } from './services/center-catalog.js';
import { uploadCardPhoto } from './services/card-photos.js';
import {
  createCallbackRequest,
  createEligibilityCheck,
  createIntake,
  ELIGIBILITY_POLL_JOB,
  getEligibilityCheck,
  pollEligibilityCheck,
} from './services/personal-records.js';
import { outboxNotifier, silentNotifier, WEBHOOK_JOB, webhookDelivery, type WebhookOptions } from './services/record-webhook.js';
import type { BookingRules, ServiceDeps, ServiceEvent } from './services/service-deps.js';
import { mountStaffRoutes } from './staff/staff-routes.js';
import { mountAttendance } from './attendance/attendance-routes.js';
import { VERIFY_LETTER_PATH } from './attendance/attendance-letters.js';
import { tooManyVerificationsPage } from './attendance/verification-page.js';

export const API_BASE_PATH = '/api/iop/';

export interface AppOptions {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly eligibility: EligibilityProvider;
  /**
   * Center origins allowed to call the API from their pages (same-origin needs no entry): when given
   * (IOP_ALLOWED_ORIGINS), it overrides the center's saved embedding settings.
   */
  readonly allowedOrigins?: readonly string[];
  /** Whether the webhook's signing secret is configured (the settings API says so; never the secret). */
  readonly webhookSecretConfigured?: boolean;
  /** The previous release's shared staff token: still accepted, deprecated (see README, staff console). */
  readonly staffToken?: string;
  /** The CRM webhook: deliveries go through the jobs table (a transactional outbox). */
  readonly webhook?: WebhookOptions;
  /** The origin staff open the console at (`IOP_PUBLIC_ORIGIN`); unset: each request's own origin. */
  readonly publicOrigin?: string;
  /** Where the deprecation warning for the shared staff token goes (default: console.warn). */
  readonly staffWarn?: (message: string) => void;
  /** Serves the staff console at `/console/` (built into dist/console/). */
  readonly consoleFiles?: MiddlewareHandler;
  readonly log?: RequestLogger;
  readonly now?: () => Date;
  /** The caller's address for rate limiting; the runtime knows it, the app does not. */
  readonly clientAddress?: (c: Context) => string;
  readonly writesPerMinute?: number;
  readonly bodyLimitBytes?: number;
  readonly rules?: Partial<BookingRules>;
  readonly idempotency?: Partial<IdempotencyPolicy>;
  /** Serves everything outside the API (the demo site, the CDN bundle). */
  readonly staticFiles?: MiddlewareHandler;
  /** The CDN bundle for the isolation frame at `/api/iop/embed/` (undefined: frames answer 503). */
  readonly embedBundle?: (file: string) => Promise<Uint8Array | string | undefined>;
  /** Count-only service events (e.g. how many of an intake's fields the server recomputed differently); JSON lines on stdout by default. */
  readonly report?: (event: ServiceEvent) => void;
  /** Jobs: who this instance is in the jobs table, and how it polls and holds them. */
  readonly jobs?: Partial<JobSettings>;
  /** `/readyz` answers 200 once these migrations are applied (and the database answers). */
  readonly expectedMigrations?: readonly string[];
  /** Set while shutting down: `/readyz` answers 503 so the load balancer stops sending. */
  readonly draining?: () => boolean;
}

export interface JobSettings {
  readonly worker: string;
  readonly pollMs: number;
  readonly leaseMs: number;
  /** Handled records are purged this many days after being handled. */
  readonly retentionDays: number;
  readonly sweepEveryMs: number;
  readonly onError?: (error: unknown) => void;
  readonly onSwept?: (counts: SweepCounts) => void;
}

export interface ServerParts {
  readonly app: Hono<AppEnv>;
  /** Not started: a runtime starts it (`npm run serve`, `npm start`) and stops it on shutdown. */
  readonly jobs: JobRunner;
}

/**
 * Card photos only: base64 of a 300 KB photo is 400 KB of JSON, so this one route gets room for it
 * plus the envelope. Everything else keeps the small default, which bounds what an abuser can send.
 */
export const CARD_PHOTO_BODY_LIMIT_BYTES = 450 * 1024;
const CARD_PHOTO_ROUTE = new RegExp(`^${API_BASE_PATH}${endpoints.uploadCardPhoto.path.replace('{id}', '[^/]+')}$`);

/** A whole setup document (import) or a large section (sessions, payers): admin-only routes, so room for a big center. */
export const SETTINGS_BODY_LIMIT_BYTES = 1024 * 1024;
const SETTINGS_PATH_PREFIX = `${API_BASE_PATH}staff/settings/`;

export const DEFAULT_RULES: BookingRules = { holdMinutes: 5, minimumNoticeMinutes: 60 };

/** The API answers JSON only: nothing in it may run, be framed or be sniffed. */
function apiSecurityHeaders(c: Context): void {
  c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  c.header('x-content-type-options', 'nosniff');
  c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'no-referrer');
  c.header('cross-origin-resource-policy', 'same-site');
  c.header('strict-transport-security', 'max-age=31536000');
}

/** The demo site gets a strict policy a center could copy: same-origin scripts and styles only. */
function siteSecurityHeaders(c: Context): void {
  if (!c.res.headers.has('content-security-policy')) {
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
    );
  }
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  c.header('permissions-policy', 'camera=(self), geolocation=(), microphone=(), interest-cohort=()');
  if (c.req.path.startsWith('/dist/')) {
    // The CDN bundle is public and is loaded as a cross-origin module script by center sites.
    c.header('access-control-allow-origin', '*');
    c.header('cross-origin-resource-policy', 'cross-origin');
  }
}

/** Hashed chunk names (dist/chunks/<name>-<hash>.js) never change content: cached for a year. The rest revalidates (a center may redeploy the bundle). */
export function staticCacheControl(path: string): string {
  if (/^\/dist\/(?:cdn\/)?chunks\/[^/]+-[A-Za-z0-9_-]{8}\.js$/.test(path)) return 'public, max-age=31536000, immutable';
  if (path.startsWith('/dist/')) return 'public, max-age=300, stale-while-revalidate=3600';
  return 'no-cache';
}

/**
 * The staff console handles health data: same-origin code only, Trusted Types (only Lit's policy may
 * create HTML), never framed, never cached, never a referrer.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; media-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html";

function consoleSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('content-security-policy', CONSOLE_CONTENT_SECURITY_POLICY);
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  headers.set('x-frame-options', 'DENY');
  headers.set('referrer-policy', 'no-referrer');
  headers.set('cross-origin-opener-policy', 'same-origin');
  headers.set('permissions-policy', 'camera=(), geolocation=(), microphone=(), interest-cohort=()');
  return new Response(response.body, { status: response.status, headers });
}

export function createApp(options: AppOptions): Hono<AppEnv> {
  return createServerParts(options).app;
}

export function createServerParts(options: AppOptions): ServerParts {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? jsonLinesToStdout;
  const origins = new OriginPolicy(options.db, options.allowedOrigins);
  const limiter = new SharedRateLimiter(options.db, options.writesPerMinute ?? 60);
  const idempotencyPolicy = { ...DEFAULT_IDEMPOTENCY_POLICY, ...options.idempotency };
  const jobSettings: JobSettings = {
    worker: 'in-process',
    pollMs: 1_000,
    leaseMs: 60_000,
    retentionDays: 90,
    sweepEveryMs: 15 * 60_000,
    ...options.jobs,
  };
  // Assigned below: the poll job's handler and the eligibility read need each other.
  // eslint-disable-next-line prefer-const
  let jobs: JobRunner | undefined;
  const deps: ServiceDeps = {
    db: options.db,
    cipher: options.cipher,
    now,
    notifier: options.webhook ? outboxNotifier(options.webhook, now, () => jobs?.wake()) : silentNotifier,
    eligibility: options.eligibility,
    rules: { ...DEFAULT_RULES, ...options.rules },
    report: options.report ?? ((event) => console.log(JSON.stringify({ time: now().toISOString(), ...event }))),
    jobs: { runDue: (uniqueKey) => jobs!.runNext(uniqueKey) },
  };
  const kinds: Record<string, JobKind> = {
    [ELIGIBILITY_POLL_JOB]: {
      run: (payload) => pollEligibilityCheck(deps, String(payload.checkId)),
      retryDelayMs: (attempt) => Math.min(60_000, 1_000 * 2 ** attempt),
    },
    [RECORDS_SWEEP_JOB]: recordsSweep(
      options.db,
      now,
      { retentionDays: jobSettings.retentionDays, idempotencyRetentionMs: idempotencyPolicy.retentionMs },
      jobSettings.onSwept,
    ),
    ...(options.webhook ? { [WEBHOOK_JOB]: webhookDelivery(options.webhook, now) } : {}),
  };
  jobs = new JobRunner({
    db: options.db,
    worker: jobSettings.worker,
    now,
    kinds,
    pollMs: jobSettings.pollMs,
    leaseMs: jobSettings.leaseMs,
    periodic: [{ kind: RECORDS_SWEEP_JOB, everyMs: jobSettings.sweepEveryMs }],
    ...(jobSettings.onError ? { onError: jobSettings.onError } : {}),
  });
  const support: EndpointSupport = {
    idempotency: new IdempotencyStore(options.db, options.cipher, idempotencyPolicy),
    cipher: options.cipher,
    now,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
  };
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId', newRecordId());
    await next();
    c.header('x-request-id', c.get('requestId'));
    const error = c.get('errorKind');
    log({
      time: new Date().toISOString(),
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.get('route') ?? (c.req.path.startsWith(API_BASE_PATH) ? 'unmatched' : 'static'),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(error ? { error } : {}),
    });
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem, problemLanguage(c.req.header('accept-language')));
    c.set('errorKind', errorKind(error));
    return problemResponse({ status: 500, code: 'internal', detail: 'Something went wrong on our side. Please try again.' });
  });

  app.use(`${API_BASE_PATH}*`, async (c, next) => {
    await next();
    // The isolation frame is a page meant to be framed by the center: it sets its own policy.
    if (!c.req.path.startsWith(`${API_BASE_PATH}embed/`)) apiSecurityHeaders(c);
  });
  // The allowed origins are the center's settings (or IOP_ALLOWED_ORIGINS): read per request through a short cache, so a save needs no restart.
  const allowedOrigins = async (c: Context<AppEnv>) => {
    const known = c.get('allowedOrigins');
    if (known) return known;
    const current = await origins.current();
    c.set('allowedOrigins', current);
    return current;
  };
  // Before CORS: it answers every origin, which is its whole point.
  mountOriginCheck(app, API_BASE_PATH, allowedOrigins);
  app.use(
    `${API_BASE_PATH}*`,
    cors({
      origin: async (origin, c) => ((await allowedOrigins(c as Context<AppEnv>)).has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['content-type', 'idempotency-key', 'authorization', 'if-none-match'],
      exposeHeaders: ['location', 'retry-after', 'idempotent-replayed', 'x-request-id', 'etag'],
      maxAge: 600,
    }),
  );
  app.use(`${API_BASE_PATH}*`, async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PUT' && c.req.method !== 'DELETE') return next();
    const decision = await limiter.take(options.clientAddress?.(c) ?? 'unknown', now().getTime());
    if (decision.allowed) return next();
    c.set('route', 'rate-limited');
    return problemResponse({
      status: 429,
      code: 'rate-limited',
      detail: 'Too many changes from this address. Please wait a moment.',
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
    });
  });
  // The letter verification page is public and answers whether a code exists: the same per-address
  // budget keeps it from being used to try codes in bulk. A person gets a page, not a JSON problem.
  app.post(VERIFY_LETTER_PATH, async (c, next) => {
    const decision = await limiter.take(options.clientAddress?.(c) ?? 'unknown', now().getTime());
    if (decision.allowed) return next();
    c.set('route', 'rate-limited');
    return tooManyVerificationsPage(decision.retryAfterSeconds);
  });
  // The refused body is left unread, so this connection cannot carry another request: say so, or a
  // keep-alive client sends its next request into a socket Node is about to drop. (Node only: in a
  // page there is no socket; a `Connection` header in the Response itself is dropped by the adapter.)
  const tooLarge = (c: { env?: unknown }) => {
    const outgoing = (c.env as { outgoing?: { shouldKeepAlive: boolean } } | undefined)?.outgoing;
    if (outgoing) outgoing.shouldKeepAlive = false;
    return problemResponse({ status: 413, code: 'payload-too-large', detail: 'The request is too large.' });
  };
  const defaultLimitBytes = options.bodyLimitBytes ?? 64 * 1024;
  const defaultBodyLimit = bodyLimit({ maxSize: defaultLimitBytes, onError: tooLarge });
  const cardPhotoBodyLimit = bodyLimit({ maxSize: Math.max(defaultLimitBytes, CARD_PHOTO_BODY_LIMIT_BYTES), onError: tooLarge });
  const settingsBodyLimit = bodyLimit({ maxSize: Math.max(defaultLimitBytes, SETTINGS_BODY_LIMIT_BYTES), onError: tooLarge });
  app.use(`${API_BASE_PATH}*`, (c, next) =>
    c.req.method === 'POST' && CARD_PHOTO_ROUTE.test(c.req.path)
      ? cardPhotoBodyLimit(c, next)
      : c.req.path.startsWith(SETTINGS_PATH_PREFIX)
        ? settingsBodyLimit(c, next)
        : defaultBodyLimit(c, next),
  );

  mountEndpoint(app, API_BASE_PATH, 'listPrograms', async () => ({ status: 200, body: await listPrograms(deps) }), support);
  mountEndpoint(app, API_BASE_PATH, 'listAssessmentSlots', async ({ query }) => ({ status: 200, body: await listAssessmentSlots(deps, query) }), support);
  mountEndpoint(app, API_BASE_PATH, 'holdAssessmentSlot', async ({ id, body }) => ({ status: 201, body: await holdAssessmentSlot(deps, id, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'createBooking', async ({ body }) => ({ status: 201, body: await createBooking(deps, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'createIntake', async ({ body }) => ({ status: 201, body: await createIntake(deps, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'listPayers', async ({ query }) => ({ status: 200, body: await listPayers(deps, query.q) }), support);
  mountEndpoint(
    app,
    API_BASE_PATH,
    'createEligibilityCheck',
    async ({ body }) => {
      const { check, pending } = await createEligibilityCheck(deps, body);
      if (!pending) return { status: 200, body: check };
      return {
        status: 202,
        body: check,
        headers: { location: `${API_BASE_PATH}eligibility-checks/${check.id}`, 'retry-after': String(check.retryAfterSeconds ?? 1) },
      };
    },
    support,
  );
  mountEndpoint(app, API_BASE_PATH, 'getEligibilityCheck', async ({ id }) => {
    const check = await getEligibilityCheck(deps, id);
    const headers: Record<string, string> = check.retryAfterSeconds ? { 'retry-after': String(check.retryAfterSeconds) } : {};
    return { status: 200, body: check, headers };
  }, support);
  mountEndpoint(app, API_BASE_PATH, 'uploadCardPhoto', async ({ id, body }) => ({ status: 201, body: await uploadCardPhoto(deps, id, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'createCallbackRequest', async ({ body }) => ({ status: 201, body: await createCallbackRequest(deps, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'getScreenerSettings', async () => ({ status: 200, body: await publicScreenerSettings(options.db) }), support);
  mountEndpoint(app, API_BASE_PATH, 'listAlumniSessions', async ({ query }) => ({ status: 200, body: await listAlumniSessions(deps, query) }), support);
  mountEndpoint(app, API_BASE_PATH, 'createRsvp', async ({ id, body }) => ({ status: 201, body: await createRsvp(deps, id, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'cancelRsvp', async ({ id, bearerToken }) => {
    await cancelRsvp(deps, id, bearerToken);
    return { status: 204 };
  }, support);
  mountAttendance(app, API_BASE_PATH, { db: options.db, cipher: options.cipher, now, publicOrigin: options.publicOrigin }, support);
  mountEmbedRoutes(app, { apiBasePath: API_BASE_PATH, allowedOrigins, ...(options.embedBundle ? { bundle: options.embedBundle } : {}) });
  mountStaffRoutes(app, API_BASE_PATH, {
    db: options.db,
    cipher: options.cipher,
    now,
    staffToken: options.staffToken,
    publicOrigin: options.publicOrigin,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.staffWarn ? { warn: options.staffWarn } : {}),
    settings: { origins, defaultNoticeMinutes: deps.rules.minimumNoticeMinutes, webhookSecretConfigured: options.webhookSecretConfigured ?? options.webhook !== undefined },
  });

  app.all(`${API_BASE_PATH}*`, () => problemResponse({ status: 404, code: 'not-found', detail: 'There is no such endpoint.' }));

  // Health for load balancers and orchestrators: outside the API, no security-sensitive detail.
  app.get('/healthz', (c) => {
    c.set('route', 'GET healthz');
    return c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' });
  });
  app.get('/readyz', async (c) => {
    c.set('route', 'GET readyz');
    const notReady = (reason: string) => c.json({ status: 'not-ready', reason }, 503, { 'cache-control': 'no-store' });
    if (options.draining?.()) return notReady('shutting-down');
    try {
      const applied = new Set((await options.db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
      if ((options.expectedMigrations ?? []).some((name) => !applied.has(name))) return notReady('migrations-pending');
    } catch {
      return notReady('database-unreachable');
    }
    return c.json({ status: 'ready' }, 200, { 'cache-control': 'no-store' });
  });
  if (options.consoleFiles) {
    const consoleFiles = options.consoleFiles;
    app.get('/console', (c) => c.redirect('/console/', 301));
    app.get('/console/*', async (c) => {
      c.set('route', 'console');
      const served = await consoleFiles(c, async () => {});
      return consoleSecurityHeaders(served instanceof Response ? served : new Response('Not found', { status: 404 }));
    });
  }

  if (options.staticFiles) {
    const staticFiles = options.staticFiles;
    app.use('*', async (c, next) => {
      const served = await staticFiles(c, next);
      // serveStatic answers a Response when it found a file, and whatever next() gave otherwise.
      if (served instanceof Response) c.res = served;
      siteSecurityHeaders(c);
      if (c.res.status === 200) c.header('cache-control', staticCacheControl(c.req.path));
    });
  }
  app.notFound((c) => c.text('Not found', 404));
  return { app, jobs };
}
