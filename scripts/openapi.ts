/**
 * Generates openapi.json (OpenAPI 3.1) from the contract. `--check` fails when the committed file
 * differs from what the schemas say, so the document can never drift from the code.
 */
import * as z from 'zod/mini';
import { endpointDocs } from '../src/api/endpoint-docs.js';
import {
  endpoints,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_LENGTH,
  IDEMPOTENCY_KEY_PATTERN,
  needsIdempotencyKey,
  responseStatuses,
  type EndpointDefinition,
  type EndpointName,
} from '../src/api/endpoints.js';
import * as attendanceSchemas from '../src/api/attendance-schemas.js';
import * as schemas from '../src/api/schemas.js';
import * as settingsSchemas from '../src/api/settings-schemas.js';
import { staffEndpoints } from '../src/api/staff-endpoints.js';
import * as staffSchemas from '../src/api/staff-schemas.js';
import { STAFF_ACCESS } from '../server/staff/staff-routes.js';
import { writeOrCheckGenerated } from './write-generated.js';

const componentNames = new Map<unknown, string>(
  [...Object.entries(schemas), ...Object.entries(staffSchemas), ...Object.entries(attendanceSchemas), ...Object.entries(settingsSchemas)]
    .filter(([, value]) => typeof value === 'object' && value !== null && 'safeParse' in value)
    .map(([name, value]) => [value, name]),
);

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
  return rest;
}

function ref(schema: z.ZodMiniType): Record<string, unknown> {
  const name = componentNames.get(schema);
  if (!name) throw new Error('every endpoint schema must be a named export of schemas.ts or attendance-schemas.ts');
  return { $ref: `#/components/schemas/${name}` };
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** What each problem status means; which statuses an endpoint answers comes from `responseStatuses`. */
const problemDescriptions: Record<number, string> = {
  400: 'Malformed JSON body or Idempotency-Key.',
  401: 'Missing or wrong bearer token.',
  404: 'No such resource.',
  409: 'A conflict (see `code`), or `idempotency-in-progress`: the first request with this key is still running; retry after Retry-After with the same key.',
  413: 'Body too large.',
  415: 'The body is not application/json.',
  422: 'The request breaks the contract (`errors` points at each field), or `idempotency-mismatch`: this key was used with another body.',
  428: '`idempotency-key-required`: every POST carries an Idempotency-Key.',
  429: 'Too many writes; see Retry-After.',
  500: 'Server error; safe to retry with the same Idempotency-Key.',
  503: '`center-not-configured`: the center has not completed first-run setup yet.',
};

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<z.ZodMiniType>([schemas.Problem]);
  for (const [operationId, raw] of Object.entries(endpoints)) {
    const endpoint: EndpointDefinition = raw;
    const docs = endpointDocs[operationId as EndpointName];
    const parameters: unknown[] = [];
    if (endpoint.path.includes('{id}')) parameters.push({ name: 'id', in: 'path', required: true, schema: jsonSchema(schemas.Id, 'input') });
    if (endpoint.query) {
      const query = jsonSchema(endpoint.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {}))
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
    if (needsIdempotencyKey(endpoint))
      parameters.push({
        name: IDEMPOTENCY_KEY_HEADER,
        in: 'header',
        required: true,
        description: 'Created once per logical submission and reused on every retry; a POST without one is answered 428.',
        schema: { type: 'string', minLength: IDEMPOTENCY_KEY_LENGTH.min, maxLength: IDEMPOTENCY_KEY_LENGTH.max, pattern: IDEMPOTENCY_KEY_PATTERN.source },
      });
    const responses: Record<string, unknown> = {};
    for (const status of endpoint.success) {
      if (!endpoint.response) {
        responses[status] = { description: 'Done.' };
        continue;
      }
      used.add(endpoint.response);
      responses[status] = {
        description: status === 202 ? 'Accepted; poll the Location header.' : 'Success.',
        ...(status === 202 ? { headers: { Location: { schema: { type: 'string' } } } } : {}),
        content: { 'application/json': { schema: ref(endpoint.response) } },
      };
    }
    for (const status of responseStatuses(endpoint)) {
      if (status === 304) responses[status] = { description: 'Not modified: the If-None-Match header named the current ETag.' };
      if (status >= 400) responses[status] = problemResponse(problemDescriptions[status] ?? 'See `code` in the problem.');
    }
    if (endpoint.body) used.add(endpoint.body);
    const path = `/${endpoint.path}`;
    paths[path] ??= {};
    paths[path][endpoint.method.toLowerCase()] = {
      operationId,
      summary: docs.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(endpoint.body) } } } } : {}),
      ...(endpoint.bearer ? { security: [{ rsvpToken: [] }] } : {}),
      ...(endpoint.personal ? { 'x-personal-data': true } : {}),
      responses,
    };
  }
  addStaffPaths(paths, used);
  const components: Record<string, unknown> = {};
  for (const schema of [...used].sort((a, b) => componentNames.get(a)!.localeCompare(componentNames.get(b)!)))
    components[componentNames.get(schema)!] = jsonSchema(schema, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'IOP Widgets center API',
      version: '1.0.0',
      description:
        'What the IOP widgets expect of a center API. Paths are relative to the api-base (the reference server mounts them at /api/iop/). ' +
        'Errors are RFC 9457 problem details. Operations marked x-personal-data carry health data: never log or cache their bodies.',
    },
    servers: [{ url: '/api/iop' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        rsvpToken: { type: 'http', scheme: 'bearer', description: 'The token an RSVP returned.' },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'iop_staff_session', description: 'A console session (passkey sign-in). Writes also need `X-IOP-Staff: 1` and a same-origin Origin header.' },
        staffToken: { type: 'http', scheme: 'bearer', description: 'A per-integration API token (`iop_...`), scoped to one role; the shared IOP_STAFF_TOKEN is deprecated.' },
      },
    },
  };
}

/** The staff API: shapes from src/api/staff-endpoints.ts, roles from the server's route-by-role table. */
function addStaffPaths(paths: Record<string, Record<string, unknown>>, used: Set<z.ZodMiniType>): void {
  const accessKeys = Object.keys(STAFF_ACCESS).sort();
  const documented = Object.keys(staffEndpoints).sort();
  if (JSON.stringify(accessKeys) !== JSON.stringify(documented)) throw new Error('src/api/staff-endpoints.ts and STAFF_ACCESS must name the same staff routes');
  for (const [key, endpoint] of Object.entries(staffEndpoints)) {
    const [method, path] = key.split(' ') as [string, string];
    const access = STAFF_ACCESS[key as keyof typeof STAFF_ACCESS];
    const parameters: unknown[] = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: name === 'kind' ? jsonSchema(staffSchemas.RecordKind, 'input') : jsonSchema(schemas.Id, 'input'),
    }));
    if (endpoint.query) {
      const query = jsonSchema(endpoint.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
    }
    if (endpoint.body) used.add(endpoint.body);
    if (endpoint.response) used.add(endpoint.response);
    const success = endpoint.response
      ? { description: 'Success.', content: { 'application/json': { schema: ref(endpoint.response) } } }
      : endpoint.media
        ? { description: 'Success.', content: { [endpoint.media]: {} } }
        : { description: 'Done.' };
    const responses: Record<string, unknown> = { [endpoint.success]: success };
    if (access !== 'public') {
      responses['401'] = problemResponse('Not signed in, or the token is unknown or revoked.');
      responses['403'] = problemResponse('This role may not do this (or a cookie write without the CSRF header).');
    } else if (method !== 'GET') {
      // Sign-in and enrolment: a refused ceremony or invitation, a disabled account, a write from another page.
      responses['401'] = problemResponse('The passkey, the ceremony or the invitation was refused.');
      responses['403'] = problemResponse('The account is disabled, or the request did not come from the console page.');
    }
    if (path.includes('{')) responses['404'] = problemResponse('No such record.');
    if (endpoint.body) {
      responses['400'] = problemResponse('The body is not valid JSON.');
      responses['413'] = problemResponse('The body is too large.');
      responses['415'] = problemResponse('The body is not JSON.');
    }
    if (endpoint.body || endpoint.query) responses['422'] = problemResponse('The body or query breaks the contract.');
    if (method !== 'GET') responses['429'] = problemResponse('Too many changes from this address.');
    if (endpoint.problems?.includes(409)) responses['409'] = problemResponse('A conflict: see `code` (`settings-version-conflict`: someone saved since you read; `center-already-configured`).');
    responses['500'] = problemResponse('Something went wrong on the server.');
    const staffPath = `/staff/${path}`;
    paths[staffPath] ??= {};
    paths[staffPath][method.toLowerCase()] = {
      operationId: `staff ${method.toLowerCase()} ${path}`.replace(/[^A-Za-z0-9]+(\w)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase()),
      summary: endpoint.summary,
      tags: ['staff'],
      ...(parameters.length ? { parameters } : {}),
      ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(endpoint.body) } } } } : {}),
      security: access === 'public' ? [] : [{ staffSession: [] }, { staffToken: [] }],
      'x-roles': access === 'public' ? ['anyone'] : [...access],
      ...(endpoint.personal ? { 'x-personal-data': true } : {}),
      ...(key.startsWith('GET {') || key.includes('{kind}/{id}/handled') || key.startsWith('GET eligibility-checks') ? { deprecated: true } : {}),
      responses,
    };
  }
}

writeOrCheckGenerated('openapi.json', `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
