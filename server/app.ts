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
import { DEFAULT_IDEMPOTENCY_POLICY, IdempotencyStore, type IdempotencyPolicy } from './http/idempotency-store.js';
import { problemResponse, ProblemError } from './http/problem.js';
import { errorKind, jsonLinesToStdout, type RequestLogger } from './http/request-log.js';
import { WriteRateLimiter } from './http/write-rate-limit.js';
import type { DataCipher } from './security/data-cipher.js';
import { newRecordId } from './security/secrets.js';
import { listAlumniSessions, createRsvp, cancelRsvp } from './services/alumni-rsvps.js';
import { createBooking, holdAssessmentSlot, listAssessmentSlots } from './services/assessment-booking.js';
import { listPayers, listPrograms } from './services/center-catalog.js';
import { uploadCardPhoto } from './services/card-photos.js';
import { createCallbackRequest, createEligibilityCheck, createIntake, getEligibilityCheck } from './services/personal-records.js';
import { silentNotifier, type RecordNotifier } from './services/record-webhook.js';
import type { BookingRules, ServiceDeps } from './services/service-deps.js';
import { mountStaffRoutes } from './staff/staff-routes.js';
import { mountAttendance } from './attendance/attendance-routes.js';

export const API_BASE_PATH = '/api/iop/';

export interface AppOptions {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly eligibility: EligibilityProvider;
  /** Center origins allowed to call the API from their pages (same-origin needs no entry). */
  readonly allowedOrigins?: readonly string[];
  /** The previous release's shared staff token: still accepted, deprecated (see README, staff console). */
  readonly staffToken?: string;
  /** The origin staff open the console at (`IOP_PUBLIC_ORIGIN`); unset: each request's own origin. */
  readonly publicOrigin?: string;
  /** Where the deprecation warning for the shared staff token goes (default: console.warn). */
  readonly staffWarn?: (message: string) => void;
  /** Serves the staff console at `/console/` (built into dist/console/). */
  readonly consoleFiles?: MiddlewareHandler;
  readonly notifier?: RecordNotifier;
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
  readonly embedBundle?: () => Promise<Uint8Array | string | undefined>;
}

/**
 * Card photos only: base64 of a 300 KB photo is 400 KB of JSON, so this one route gets room for it
 * plus the envelope. Everything else keeps the small default, which bounds what an abuser can send.
 */
export const CARD_PHOTO_BODY_LIMIT_BYTES = 450 * 1024;
const CARD_PHOTO_ROUTE = new RegExp(`^${API_BASE_PATH}${endpoints.uploadCardPhoto.path.replace('{id}', '[^/]+')}$`);

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
  const now = options.now ?? (() => new Date());
  const log = options.log ?? jsonLinesToStdout;
  const allowed = new Set(options.allowedOrigins ?? []);
  const limiter = new WriteRateLimiter(options.writesPerMinute ?? 60);
  const deps: ServiceDeps = {
    db: options.db,
    cipher: options.cipher,
    now,
    notifier: options.notifier ?? silentNotifier,
    eligibility: options.eligibility,
    rules: { ...DEFAULT_RULES, ...options.rules },
  };
  const support: EndpointSupport = {
    idempotency: new IdempotencyStore(options.db, options.cipher, { ...DEFAULT_IDEMPOTENCY_POLICY, ...options.idempotency }),
    cipher: options.cipher,
    now,
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
    if (error instanceof ProblemError) return problemResponse(error.problem);
    c.set('errorKind', errorKind(error));
    return problemResponse({ status: 500, code: 'internal', detail: 'Something went wrong on our side. Please try again.' });
  });

  app.use(`${API_BASE_PATH}*`, async (c, next) => {
    await next();
    // The isolation frame is a page meant to be framed by the center: it sets its own policy.
    if (!c.req.path.startsWith(`${API_BASE_PATH}embed/`)) apiSecurityHeaders(c);
  });
  app.use(
    `${API_BASE_PATH}*`,
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['content-type', 'idempotency-key', 'authorization'],
      exposeHeaders: ['location', 'retry-after', 'idempotent-replayed', 'x-request-id'],
      maxAge: 600,
    }),
  );
  app.use(`${API_BASE_PATH}*`, async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'DELETE') return next();
    const decision = limiter.take(options.clientAddress?.(c) ?? 'unknown', now().getTime());
    if (decision.allowed) return next();
    c.set('route', 'rate-limited');
    return problemResponse({
      status: 429,
      code: 'rate-limited',
      detail: 'Too many changes from this address. Please wait a moment.',
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
    });
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
  app.use(`${API_BASE_PATH}*`, (c, next) =>
    c.req.method === 'POST' && CARD_PHOTO_ROUTE.test(c.req.path) ? cardPhotoBodyLimit(c, next) : defaultBodyLimit(c, next),
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
  mountEndpoint(app, API_BASE_PATH, 'listAlumniSessions', async ({ query }) => ({ status: 200, body: await listAlumniSessions(deps, query) }), support);
  mountEndpoint(app, API_BASE_PATH, 'createRsvp', async ({ id, body }) => ({ status: 201, body: await createRsvp(deps, id, body) }), support);
  mountEndpoint(app, API_BASE_PATH, 'cancelRsvp', async ({ id, bearerToken }) => {
    await cancelRsvp(deps, id, bearerToken);
    return { status: 204 };
  }, support);
  mountAttendance(app, API_BASE_PATH, { db: options.db, cipher: options.cipher, now, publicOrigin: options.publicOrigin }, support);
  mountEmbedRoutes(app, { apiBasePath: API_BASE_PATH, allowedOrigins: [...allowed], ...(options.embedBundle ? { bundle: options.embedBundle } : {}) });
  mountStaffRoutes(app, API_BASE_PATH, {
    db: options.db,
    cipher: options.cipher,
    now,
    staffToken: options.staffToken,
    publicOrigin: options.publicOrigin,
    ...(options.clientAddress ? { clientAddress: options.clientAddress } : {}),
    ...(options.staffWarn ? { warn: options.staffWarn } : {}),
  });

  app.all(`${API_BASE_PATH}*`, () => problemResponse({ status: 404, code: 'not-found', detail: 'There is no such endpoint.' }));

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
    });
  }
  app.notFound((c) => c.text('Not found', 404));
  return app;
}
