/**
 * The typed client for the center's API. Every response is parsed by its contract schema; every
 * failure becomes a `ClientError`. Writes carry an Idempotency-Key, which is what makes them safe
 * to retry after a dropped connection or a 5xx.
 */
import type * as z from 'zod/mini';
import type { CompiledEndpoint, CompiledSchema } from '../api/contract-check.js';
// The browser parses with validators compiled from the zod schemas: zod itself stays off the page.
import { endpoints, Id, Problem } from '../api/contract-validators.js';
import { fillEndpointPath, IDEMPOTENCY_KEY_HEADER } from '../api/endpoint-rules.js';
import type { BodyOf, EndpointName, QueryOf, ResponseOf } from '../api/endpoints.js';
import type { Problem as ProblemValue } from '../api/schemas.js';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './backoff.js';
import { ClientError } from './errors.js';

export interface ClientOptions {
  /** Where the center's API lives, absolute or relative to the page, e.g. `/api/iop/`. */
  apiBase: string;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** `false` turns retries off. */
  retry?: Partial<RetryPolicy> | false;
}

export interface CallInput<N extends EndpointName> {
  /** The `{id}` path parameter. */
  id?: string;
  query?: QueryOf<N>;
  body?: BodyOf<N>;
  /** Created once per logical submission and reused on every retry; generated when absent. */
  idempotencyKey?: string;
  /** Bearer token for endpoints that need one (cancelling an RSVP). */
  token?: string;
  signal?: AbortSignal;
}

export interface RequestOptions {
  signal?: AbortSignal;
  idempotencyKey?: string;
}

export function createIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Contract issues as paths and codes only: a value could be something a person typed. */
function describeIssues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; code: string }> }): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
}

/** What `parseContract` returns for a zod schema (bundlers, the console) or a compiled one (the widgets). */
export type ContractOutput<S> = S extends z.ZodMiniType ? z.infer<S> : S extends CompiledSchema<infer T> ? T : never;

interface SafeParser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; code: string }> } };
}

/** Parses `value` with `schema`, returning a typed contract error instead of throwing. */
export function parseContract<S extends z.ZodMiniType | CompiledSchema<unknown>>(
  schema: S,
  value: unknown,
  endpoint: string,
): { ok: true; value: ContractOutput<S> } | { ok: false; error: ClientError } {
  try {
    const result = (schema as SafeParser).safeParse(value);
    if (result.success) return { ok: true, value: result.data as ContractOutput<S> };
    return { ok: false, error: new ClientError('contract', endpoint, { issues: describeIssues(result.error) }) };
  } catch {
    // A schema should never throw, but a hostile value (a getter that throws) could make one.
    return { ok: false, error: new ClientError('contract', endpoint, { issues: ['(root): unparseable'] }) };
  }
}

function toQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function resolveBase(apiBase: string): string {
  const withSlash = apiBase.endsWith('/') ? apiBase : `${apiBase}/`;
  const page = typeof location === 'undefined' ? undefined : location.href;
  return new URL(withSlash, page).href;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

async function problemFrom(response: Response): Promise<ProblemValue> {
  const fallback: ProblemValue = { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
  try {
    const parsed = Problem.safeParse(JSON.parse(await response.text()));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function createClient(options: ClientOptions) {
  const base = resolveBase(options.apiBase);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 15000;
  const policy: RetryPolicy | undefined = options.retry === false ? undefined : { ...defaultRetryPolicy, ...options.retry };

  async function attempt<N extends EndpointName>(name: N, url: string, init: RequestInit, signal?: AbortSignal) {
    const definition: CompiledEndpoint = endpoints[name];
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    const failure = (): ClientError =>
      signal?.aborted ? new ClientError('aborted', name) : timeout.signal.aborted ? new ClientError('timeout', name) : new ClientError('offline', name);
    try {
      let response: Response;
      try {
        response = await doFetch(url, { ...init, signal: combined });
        // Public reads carry an ETag. The browser's own cache turns the server's 304 into the cached 200;
        // a 304 reaches this code only from a fetch layer that revalidated on its own: ask once in full.
        if (response.status === 304 && init.method === 'GET') response = await doFetch(url, { ...init, cache: 'reload', signal: combined });
      } catch {
        throw failure();
      }
      if (!definition.success.includes(response.status)) {
        const problem = await problemFrom(response).catch(() => undefined);
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        throw new ClientError('http', name, { status: response.status, problem, retryAfterMs });
      }
      if (!definition.response) return undefined as ResponseOf<N>;
      let text: string;
      try {
        text = await response.text();
      } catch {
        throw failure();
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new ClientError('contract', name, { status: response.status, issues: ['(root): invalid JSON'] });
      }
      const parsed = parseContract(definition.response, json, name);
      if (!parsed.ok) throw parsed.error;
      return parsed.value as ResponseOf<N>;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Calls any endpoint by name; the outbox uses this to replay stored writes. */
  async function call<N extends EndpointName>(name: N, input: CallInput<N> = {}): Promise<ResponseOf<N>> {
    const definition: CompiledEndpoint = endpoints[name];
    let url: string;
    let body: string | undefined;
    try {
      url = new URL(fillEndpointPath(name, definition.path, input.id, (id) => Id.safeParse(id).success), base).href;
      if (definition.query) {
        const query = parseContract(definition.query, input.query ?? {}, name);
        if (!query.ok) throw query.error;
        url += toQueryString(query.value as Record<string, unknown>);
      }
      if (definition.body) {
        const parsed = parseContract(definition.body, input.body, name);
        if (!parsed.ok) throw parsed.error;
        body = JSON.stringify(parsed.value);
      }
    } catch (error) {
      const issues = error instanceof ClientError ? error.issues : ['(request): invalid'];
      throw new ClientError('invalid-request', name, { issues });
    }

    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (definition.method !== 'GET') headers[IDEMPOTENCY_KEY_HEADER] = input.idempotencyKey ?? createIdempotencyKey();
    if (definition.bearer && input.token) headers.authorization = `Bearer ${input.token}`;
    const init: RequestInit = { method: definition.method, headers, body, credentials: 'omit', referrerPolicy: 'no-referrer' };

    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(name, url, init, input.signal);
      } catch (error) {
        const clientError = error instanceof ClientError ? error : new ClientError('offline', name);
        if (!policy || !clientError.transient || retry >= policy.retries) throw clientError;
        const retryAfter = clientError.retryAfterMs;
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) throw clientError;
        const delay = retryAfter ?? backoffDelay(retry, policy);
        try {
          await sleep(delay, input.signal);
        } catch {
          throw new ClientError('aborted', name);
        }
      }
    }
  }

  return {
    apiBase: base,
    call,
    listPrograms: (options: RequestOptions = {}) => call('listPrograms', options),
    listAssessmentSlots: (query: QueryOf<'listAssessmentSlots'>, options: RequestOptions = {}) =>
      call('listAssessmentSlots', { ...options, query }),
    holdAssessmentSlot: (slotId: string, body: BodyOf<'holdAssessmentSlot'> = {}, options: RequestOptions = {}) =>
      call('holdAssessmentSlot', { ...options, id: slotId, body }),
    createBooking: (body: BodyOf<'createBooking'>, options: RequestOptions = {}) => call('createBooking', { ...options, body }),
    createIntake: (body: BodyOf<'createIntake'>, options: RequestOptions = {}) => call('createIntake', { ...options, body }),
    getScreenerSettings: (options: RequestOptions = {}) => call('getScreenerSettings', options),
    listPayers: (query: QueryOf<'listPayers'> = {}, options: RequestOptions = {}) => call('listPayers', { ...options, query }),
    createEligibilityCheck: (body: BodyOf<'createEligibilityCheck'>, options: RequestOptions = {}) =>
      call('createEligibilityCheck', { ...options, body }),
    getEligibilityCheck: (checkId: string, options: RequestOptions = {}) => call('getEligibilityCheck', { ...options, id: checkId }),
    uploadCardPhoto: (checkId: string, body: BodyOf<'uploadCardPhoto'>, options: RequestOptions = {}) =>
      call('uploadCardPhoto', { ...options, id: checkId, body }),
    createCallbackRequest: (body: BodyOf<'createCallbackRequest'>, options: RequestOptions = {}) =>
      call('createCallbackRequest', { ...options, body }),
    listAlumniSessions: (query: QueryOf<'listAlumniSessions'>, options: RequestOptions = {}) =>
      call('listAlumniSessions', { ...options, query }),
    createRsvp: (sessionId: string, body: BodyOf<'createRsvp'>, options: RequestOptions = {}) =>
      call('createRsvp', { ...options, id: sessionId, body }),
    cancelRsvp: (rsvpId: string, token: string, options: RequestOptions = {}) => call('cancelRsvp', { ...options, id: rsvpId, token }),
    checkIn: (rsvpId: string, token: string, body: BodyOf<'checkIn'>, options: RequestOptions = {}) => call('checkIn', { ...options, id: rsvpId, token, body }),
    getAttendance: (rsvpId: string, token: string, options: RequestOptions = {}) => call('getAttendance', { ...options, id: rsvpId, token }),
    requestAttendanceLetter: (body: BodyOf<'requestAttendanceLetter'>, options: RequestOptions = {}) => call('requestAttendanceLetter', { ...options, body }),
  };
}

export type IopClient = ReturnType<typeof createClient>;
