/**
 * Generates openapi.json (OpenAPI 3.1) from the contract. `--check` fails when the committed file
 * differs from what the schemas say, so the document can never drift from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { endpointDocs } from '../src/api/endpoint-docs.js';
import { endpoints, type EndpointDefinition, type EndpointName } from '../src/api/endpoints.js';
import * as attendanceSchemas from '../src/api/attendance-schemas.js';
import * as schemas from '../src/api/schemas.js';

const componentNames = new Map<unknown, string>(
  Object.entries({ ...schemas, ...attendanceSchemas })
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

const genericProblems: Record<string, string> = {
  '400': 'Malformed request.',
  '413': 'Body too large.',
  '422': 'The request breaks the contract; `errors` points at each field.',
  '429': 'Too many writes; see Retry-After.',
  '500': 'Server error; safe to retry with the same Idempotency-Key.',
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
    if (endpoint.method !== 'GET')
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: endpoint.method === 'POST',
        description: 'Created once per logical submission and reused on every retry.',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
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
    for (const status of docs.problems ?? []) responses[status] = problemResponse('See `code` in the problem.');
    for (const [status, text] of Object.entries(genericProblems)) if (endpoint.method !== 'GET' || status === '500') responses[status] ??= problemResponse(text);
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
      securitySchemes: { rsvpToken: { type: 'http', scheme: 'bearer', description: 'The token an RSVP returned.' } },
    },
  };
}

const target = new URL('../openapi.json', import.meta.url);
const text = `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    /* missing counts as stale */
  }
  if (committed !== text) {
    console.error('openapi.json is stale: run `npm run openapi` and commit it.');
    process.exit(1);
  }
  console.log('openapi.json is fresh.');
} else {
  writeFileSync(target, text);
  console.log('wrote openapi.json');
}
