/**
 * Mounts one endpoint of the contract table: validates the path id, query and body with the
 * contract's schemas, applies idempotency to POSTs, and parses the handler's answer through the
 * response schema before it leaves. Handlers only see valid input and return plain objects.
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import {
  endpoints,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  needsIdempotencyKey,
  type EndpointDefinition,
  type EndpointName,
} from '../../src/api/endpoints.js';
import { Id } from '../../src/api/schemas.js';
import { fingerprintMaterial } from '../domain/idempotency.js';
import type { DataCipher } from '../security/data-cipher.js';
import type { AppEnv } from './app-env.js';
import { fieldErrors } from './field-errors.js';
import type { IdempotencyStore, StoredResponse } from './idempotency-store.js';
import { notFound, problemBody, ProblemError, type ProblemInit } from './problem.js';

type Definition<N extends EndpointName> = (typeof endpoints)[N];
type Parsed<T> = T extends z.ZodMiniType ? z.infer<T> : undefined;
type Input<T> = T extends z.ZodMiniType ? z.input<T> : undefined;

export interface EndpointCall<N extends EndpointName> {
  /** The `{id}` path parameter, validated; empty when the path has none. */
  readonly id: string;
  readonly query: Parsed<Definition<N> extends { query: infer Q } ? Q : undefined>;
  readonly body: Parsed<Definition<N> extends { body: infer B } ? B : undefined>;
  readonly bearerToken: string | undefined;
  /** The origin the request was made to (attendance letters print their verification address). */
  readonly origin: string;
  /** The caller's address as the server sees it (behind trusted proxies, the forwarded one), for audit rows. */
  readonly sourceAddress: string | null;
}

export interface EndpointReply<N extends EndpointName> {
  readonly status: number;
  readonly body?: Input<Definition<N> extends { response: infer R } ? R : undefined>;
  readonly headers?: Record<string, string>;
}

export type EndpointHandler<N extends EndpointName> = (call: EndpointCall<N>) => Promise<EndpointReply<N>>;

export interface EndpointSupport {
  readonly idempotency: IdempotencyStore;
  readonly cipher: DataCipher;
  readonly now: () => Date;
  /** The caller's address; absent where there is none (the in-page backend). */
  readonly clientAddress?: (c: Context) => string;
}

/** Thrown when the server's own answer breaks the contract: a bug, answered as a 500. */
export class ResponseContractError extends Error {
  override readonly name = 'ResponseContractError';
}

/**
 * Answers a service built only from values it already parsed through the response schema (the
 * cached slot list: checked once when generated, then filtered per request). Parsing 2,000 slots
 * again on every request cost more than generating them.
 */
const contractCheckedBodies = new WeakSet<object>();

export function markContractChecked<T extends object>(body: T): T {
  contractCheckedBodies.add(body);
  return body;
}

/** Headers a replay repeats; everything else is per-response (request id, dates). */
const REPLAYED_HEADERS = ['content-type', 'location', 'retry-after', 'www-authenticate'];

function storedProblem(init: ProblemInit): StoredResponse {
  return {
    status: init.status,
    headers: { 'content-type': 'application/problem+json', ...init.headers },
    body: JSON.stringify(problemBody(init)),
  };
}

function validationProblem(error: z.core.$ZodError): ProblemInit {
  return { status: 422, code: 'validation', detail: 'Some fields need attention.', errors: fieldErrors(error) };
}

function send(stored: StoredResponse, extraHeaders: Record<string, string> = {}): Response {
  return new Response(stored.status === 204 ? null : stored.body, { status: stored.status, headers: { ...stored.headers, ...extraHeaders } });
}

/** `"<base64url of the SHA-256 of the body>"`: strong, so it is the same on every instance for the same bytes. */
export async function strongEtag(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `"${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}"`;
}

/**
 * The entity tag of `If-None-Match` that names the current answer, if any (RFC 9110 §13.1.2: `*` or a
 * list, compared weakly: a W/ prefix is ignored). A tag the compression layer gave the br or gzip
 * bytes (`"...-br"`) names the same answer.
 */
export function ifNoneMatchHit(header: string | undefined, etag: string): string | undefined {
  if (!header) return undefined;
  if (header.trim() === '*') return etag;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .find((tag) => tag.replace(/^W\//, '').replace(/-(?:br|gzip)"$/, '"') === etag);
}

function bearerTokenOf(c: Context): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

async function readJsonBody(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; problem: ProblemInit }> {
  const type = c.req.header('content-type') ?? '';
  // Requiring JSON makes every cross-origin write a CORS preflight, so the origin allowlist applies.
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ok: false, problem: { status: 415, code: 'validation', detail: 'Send the body as application/json.' } };
  }
  try {
    return { ok: true, value: JSON.parse(await c.req.text()) };
  } catch {
    return { ok: false, problem: { status: 400, code: 'validation', detail: 'The body is not valid JSON.' } };
  }
}

export function mountEndpoint<N extends EndpointName>(app: Hono<AppEnv>, basePath: string, name: N, handler: EndpointHandler<N>, support: EndpointSupport): void {
  const definition: EndpointDefinition = endpoints[name];
  const routeLabel = `${definition.method} ${definition.path}`;
  const cacheable = definition.method === 'GET' && !definition.personal;
  const cacheControl = cacheable ? 'no-cache' : 'no-store';

  app.on(definition.method, basePath + definition.path.replace('{id}', ':id'), async (c) => {
    c.set('route', routeLabel);
    const finish = (stored: StoredResponse, extra: Record<string, string> = {}) => send(stored, { 'cache-control': cacheControl, ...extra });

    const id = definition.path.includes('{id}') ? (c.req.param('id') ?? '') : '';
    if (definition.path.includes('{id}') && !Id.safeParse(id).success) return finish(storedProblem(notFound().problem));

    let query: unknown;
    if (definition.query) {
      const parsed = definition.query.safeParse(c.req.query());
      if (!parsed.success) return finish(storedProblem(validationProblem(parsed.error)));
      query = parsed.data;
    }
    let rawBody: unknown;
    let body: unknown;
    if (definition.body) {
      const read = await readJsonBody(c);
      if (!read.ok) return finish(storedProblem(read.problem));
      rawBody = read.value;
      const parsed = definition.body.safeParse(rawBody);
      if (!parsed.success) return finish(storedProblem(validationProblem(parsed.error)));
      body = parsed.data;
    }

    const key = needsIdempotencyKey(definition) ? c.req.header(IDEMPOTENCY_KEY_HEADER) : undefined;
    if (needsIdempotencyKey(definition) && key === undefined) {
      return finish(
        storedProblem({
          status: 428,
          code: 'idempotency-key-required',
          detail: `Send an ${IDEMPOTENCY_KEY_HEADER} header: one value per submission, the same on every retry.`,
        }),
      );
    }
    if (key !== undefined) {
      if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
        const { min, max } = IDEMPOTENCY_KEY_LENGTH;
        return finish(storedProblem({ status: 400, code: 'validation', detail: `${IDEMPOTENCY_KEY_HEADER} must be ${min}-${max} visible ASCII characters.` }));
      }
      const claim = await support.idempotency.claim(key, fingerprintMaterial(definition.method, routeLabel, id, rawBody), support.now());
      if (claim.kind === 'replay') return finish(claim.response, { 'idempotent-replayed': 'true' });
      if (claim.kind === 'mismatch') {
        return finish(storedProblem({ status: 422, code: 'idempotency-mismatch', detail: 'This Idempotency-Key was used with a different request.' }));
      }
      if (claim.kind === 'in-progress') {
        return finish(storedProblem({ status: 409, code: 'idempotency-in-progress', detail: 'A request with this Idempotency-Key is still being processed.', headers: { 'retry-after': '1' } }));
      }
    }

    let stored: StoredResponse;
    try {
      const reply = await handler({ id, query, body, bearerToken: bearerTokenOf(c), origin: new URL(c.req.url).origin, sourceAddress: support.clientAddress?.(c) ?? null } as EndpointCall<N>);
      stored = { status: reply.status, headers: { ...reply.headers }, body: '' };
      if (definition.response && reply.status !== 204) {
        let checkedBody: unknown = reply.body;
        if (typeof reply.body !== 'object' || reply.body === null || !contractCheckedBodies.has(reply.body)) {
          const checked = definition.response.safeParse(reply.body);
          if (!checked.success) throw new ResponseContractError(`${routeLabel} answered outside its schema`);
          checkedBody = checked.data;
        }
        stored = { ...stored, headers: { 'content-type': 'application/json', ...stored.headers }, body: JSON.stringify(checkedBody) };
      }
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        if (key !== undefined) await support.idempotency.release(key);
        throw error;
      }
      stored = storedProblem(error.problem);
    }
    if (cacheable && stored.status === 200) {
      // A strong validator of the exact bytes: a widget revalidates on its next load (no-cache) and
      // gets 304 when nothing changed, the new answer the moment an admin saves.
      const etag = await strongEtag(stored.body);
      const hit = ifNoneMatchHit(c.req.header('if-none-match'), etag);
      // The 304 repeats the tag the cache holds (it may be the compressed representation's).
      if (hit) return new Response(null, { status: 304, headers: { etag: hit.replace(/^W\//, ''), 'cache-control': cacheControl, vary: 'accept-encoding' } });
      return finish(stored, { etag });
    }
    if (key !== undefined) {
      const replayable: StoredResponse = {
        ...stored,
        headers: Object.fromEntries(Object.entries(stored.headers).filter(([header]) => REPLAYED_HEADERS.includes(header.toLowerCase()))),
      };
      await support.idempotency.complete(key, replayable);
      return finish(replayable);
    }
    return finish(stored);
  });
}
