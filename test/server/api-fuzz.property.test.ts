/**
 * Property-based API test driven by openapi.json alone: fast-check generates requests from the
 * document's own parameter and body schemas (valid ones, and broken ones: a field dropped, a wrong
 * type, no JSON, the wrong media type, no or a malformed Idempotency-Key, odd ids and dates), sends
 * them over real HTTP to the reference server on 127.0.0.1, and checks each answer against the
 * document with ajv (JSON Schema 2020-12, the dialect OpenAPI 3.1 uses): never a 5xx, never a status
 * the operation does not list, never a body its schema refuses. Bounded in count; the seed is fixed
 * (override with API_FUZZ_SEED) and fast-check prints it with the failing request on failure.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { occurrenceDatesBetween, type SessionRecurrence } from '../../src/domain/session-recurrence.js';
import { screenedIntake } from './support/fixtures.js';
import { get, post, TestClock, testBackends, type TestServer, useTestServer } from './support/test-server.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;
const document = require('../../openapi.json') as Schema;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

const SEED = Number(process.env.API_FUZZ_SEED ?? 20_261_129);
const RUNS_PER_OPERATION = Number(process.env.API_FUZZ_RUNS ?? 24);
const DOCUMENT_ID = 'https://contract.invalid/openapi.json';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: DOCUMENT_ID, components: document.components });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorFor(schema: Schema) {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema.$ref ? { $ref: `${DOCUMENT_ID}${schema.$ref}` } : { ...schema, $id: undefined });
    validators.set(key, validate);
  }
  return validate;
}

/** Values the server itself gave out (slot, track, payer, check ids), by property name: aimed past the 404s and 422s. */
const harvested: Record<string, unknown[]> = {};

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(document.components.schemas[(schema.$ref as string).replace('#/components/schemas/', '')]) : schema;

/** A fast-check arbitrary for any value a JSON Schema (as zod writes them) accepts. */
function valueOf(raw: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.anyOf || schema.oneOf) return fc.oneof(...((schema.anyOf ?? schema.oneOf) as Schema[]).map(valueOf));
  if (Array.isArray(schema.type)) return fc.oneof(...(schema.type as string[]).map((type) => valueOf({ ...schema, type })));
  switch (schema.type) {
    case 'string': {
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? 40, min + 60);
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => text.length >= min && text.length <= (schema.maxLength ?? Infinity));
      return fc.string({ minLength: min, maxLength: max });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -100, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueOf(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const ABSENT = Symbol('absent');
      const propertyValue = (name: string, property: Schema) =>
        harvested[name]?.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...harvested[name]!) }, { weight: 1, arbitrary: valueOf(property) }) : valueOf(property);
      // Optional properties are left out three times in four, so a valid request is not sunk by one of them.
      const known = fc
        .record(
          Object.fromEntries(
            Object.entries(properties).map(([name, property]) => [
              name,
              required.includes(name) ? propertyValue(name, property) : fc.oneof({ weight: 3, arbitrary: fc.constant(ABSENT) }, { weight: 1, arbitrary: propertyValue(name, property) }),
            ]),
          ),
        )
        .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ABSENT)));
      if (!schema.additionalProperties || Object.keys(properties).length) return known;
      const names = schema.propertyNames?.pattern ? fc.stringMatching(new RegExp(schema.propertyNames.pattern)) : fc.string({ maxLength: 12 });
      return fc.dictionary(names, valueOf(schema.additionalProperties), { maxKeys: 4 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Valid bodies, and bodies broken in the ways clients break them. */
function bodyOf(schema: Schema): fc.Arbitrary<{ kind: string; text: string; contentType: string }> {
  const json = (kind: string) => (value: unknown) => ({ kind, text: JSON.stringify(value), contentType: 'application/json' });
  const valid = valueOf(schema);
  const required = (resolve(schema).required ?? []) as string[];
  return fc.oneof(
    { weight: 4, arbitrary: valid.map(json('valid')) },
    {
      weight: 2,
      arbitrary: fc.tuple(valid, fc.nat()).map(([value, index]) => {
        const copy = { ...(value as Record<string, unknown>) };
        if (required.length) delete copy[required[index % required.length]!];
        return json('field-dropped')(copy);
      }),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json('any-json')) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ kind: 'not-json', text: `{${text}`, contentType: 'application/json' })) },
    { weight: 1, arbitrary: valid.map((value) => ({ kind: 'text-plain', text: JSON.stringify(value), contentType: 'text/plain' })) },
  );
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly spec: Schema;
}

const operations: Operation[] = Object.entries(document.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, spec]) => ({ method: method.toUpperCase(), path, spec })),
);

/** Known ids make the generated requests reach past the 404s; random ones exercise them. */
type KnownIds = Record<string, string[]>;

function requestOf(operation: Operation, known: KnownIds) {
  const parameters = (operation.spec.parameters ?? []) as Schema[];
  const idParameter = parameters.find((parameter) => parameter.in === 'path');
  const id = idParameter
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...(known[operation.path] ?? ['nothing-here'])) },
        { weight: 1, arbitrary: valueOf(idParameter.schema) as fc.Arbitrary<string> },
        { weight: 1, arbitrary: fc.constantFrom('a b', '..', '%00', 'x'.repeat(70)) },
      )
    : fc.constant('');
  const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([start, length]) => {
    const from = new Date(Date.UTC(2026, 2, 1 + start));
    const day = (date: Date) => date.toISOString().slice(0, 10);
    return { from: day(from), to: day(new Date(from.getTime() + length * 86_400_000)) };
  });
  const generated = fc.tuple(
    ...parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) =>
        fc.option(
          fc.oneof(
            { weight: 4, arbitrary: valueOf(parameter.schema).map(String) },
            { weight: 1, arbitrary: fc.constantFrom('9999-12-31', '0000-01-01', '2026-02-30', '', 'x') },
          ),
          { nil: undefined, freq: parameter.required ? 8 : 2 },
        ).map((value) => [parameter.name as string, value] as const),
      ),
  );
  // A from/to pair is mostly a coherent range near the seeded data, so the search itself runs too.
  const hasRange = parameters.some((parameter) => parameter.name === 'from') && parameters.some((parameter) => parameter.name === 'to');
  const query = hasRange
    ? fc.oneof(
        { weight: 1, arbitrary: generated },
        {
          weight: 2,
          arbitrary: fc.tuple(generated, range).map(([entries, { from, to }]) =>
            entries.map(([name, value]) => [name, name === 'from' ? from : name === 'to' ? to : value] as const),
          ),
        },
      )
    : generated;
  const keyParameter = parameters.find((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key');
  const key = keyParameter
    ? fc.oneof(
        { weight: 6, arbitrary: valueOf(keyParameter.schema) as fc.Arbitrary<string | undefined> },
        { weight: 1, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('short', 'x'.repeat(300)) },
      )
    : fc.constant(undefined);
  const bodySchema = operation.spec.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  const body = bodySchema ? bodyOf(bodySchema) : fc.constant(undefined);
  const token = operation.spec.security ? fc.option(fc.constantFrom(...(known.token ?? ['x']), 'not-the-token'), { nil: undefined }) : fc.constant(undefined);
  return fc.record({ id, query, key, body, token });
}

let sent = 0;

async function send(server: TestServer, operation: Operation, request: ReturnType<typeof requestOf> extends fc.Arbitrary<infer R> ? R : never) {
  const search = new URLSearchParams(request.query.filter((entry): entry is readonly [string, string] => entry[1] !== undefined) as [string, string][]);
  const path = operation.path.slice(1).replace('{id}', encodeURIComponent(request.id));
  const url = `${server.api}${path}${search.size ? `?${search}` : ''}`;
  const headers: Record<string, string> = {};
  if (request.body) headers['content-type'] = request.body.contentType;
  // A well-formed key is made unique per request: the same seed yields the same keys for every
  // operation, and a reused key with another body is (rightly) a 422 that would hide everything else.
  if (request.key !== undefined) headers['idempotency-key'] = request.key.length >= 8 && request.key.length <= 255 ? `${request.key.slice(0, 200)}#${(sent += 1)}` : request.key;
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const response = await fetch(url, { method: operation.method, headers, body: request.body?.text });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text(), url: `${operation.method} ${operation.path}` };
}

function checkAgainstDocument(operation: Operation, answer: Awaited<ReturnType<typeof send>>): void {
  assert.ok(answer.status < 500, `${answer.url} answered ${answer.status}`);
  const documented = operation.spec.responses[String(answer.status)] as Schema | undefined;
  assert.ok(documented, `${answer.url} answered ${answer.status}, which openapi.json does not list`);
  if (!documented.content) {
    assert.equal(answer.text, '', `${answer.url} ${answer.status} has a body the document does not describe`);
    return;
  }
  const mediaType = answer.contentType.split(';')[0]!.trim();
  const content = documented.content[mediaType] as Schema | undefined;
  assert.ok(content, `${answer.url} ${answer.status} answered ${mediaType}, not ${Object.keys(documented.content).join(' or ')}`);
  const validate = validatorFor(content.schema);
  const body: unknown = JSON.parse(answer.text);
  assert.ok(validate(body), `${answer.url} ${answer.status} body breaks its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 document (the specification\'s own JSON schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result, { valid: true });
  });
});

for (const backend of testBackends()) {
  describe(`API fuzzing from openapi.json (${backend}, seed ${SEED})`, () => {
    const clock = new TestClock();
    let server: TestServer;
    const known: KnownIds = {};
    useTestServer(backend, clock, (opened) => ({ server } = opened), { report: () => {} }, { keepRecords: true });

    it('finds real ids to aim at', async () => {
      const slots = await get(server, 'assessment-slots?from=2026-03-03&to=2026-03-20');
      known['/assessment-slots/{id}/holds'] = slots.json.slots.slice(0, 5).map((slot: { id: string }) => slot.id);
      const sessions = await get(server, 'alumni-sessions?from=2026-03-02&to=2026-03-30');
      known['/alumni-sessions/{id}/rsvps'] = sessions.json.sessions.map((session: { id: string }) => session.id);
      const check = await post(server, 'eligibility-checks', { payerId: 'aetna', memberId: 'IOPACTIVE01', patient: { firstName: 'A', lastName: 'B', dateOfBirth: '1980-01-01' }, relationship: 'self', locale: 'en' });
      known['/eligibility-checks/{id}'] = [check.json.id];
      known['/eligibility-checks/{id}/card-photos'] = [check.json.id];
      const rsvp = await post(server, `alumni-sessions/${known['/alumni-sessions/{id}/rsvps']![0]}/rsvps`, { occurrenceDate: '2026-03-03', name: 'A', familyMembers: 0, locale: 'en' });
      known['/rsvps/{id}'] = [rsvp.json.id];
      known.token = [rsvp.json.token];
      harvested.slotId = known['/assessment-slots/{id}/holds']!;
      harvested.eligibilityCheckId = [check.json.id];
      harvested.payerId = (await get(server, 'payers')).json.payers.map((payer: { id: string }) => payer.id);
      harvested.trackId = (await get(server, 'programs')).json.programs.flatMap((program: { tracks: { id: string }[] }) => program.tracks.map((track) => track.id));
      harvested.timeZone = ['America/Denver', 'Europe/London'];
      harvested.visitorTimeZone = ['America/Chicago'];
      harvested.memberId = ['IOPACTIVE01', '1EG4TE5MK73', 'XYZ123456789'];
      harvested.dateOfBirth = ['1984-05-17'];
      harvested.occurrenceDate = [
        ...new Set(
          sessions.json.sessions.flatMap((session: { recurrence: SessionRecurrence; exceptions: string[] }) =>
            occurrenceDatesBetween(session.recurrence, session.exceptions, '2026-03-03', '2026-03-30'),
          ),
        ),
      ];
      harvested.questionnaireResponse = [screenedIntake(['phq-9'], { 'phq-9-1': 1 }, 'en').questionnaireResponse];
      assert.ok(known['/assessment-slots/{id}/holds']!.length > 0 && check.json.id && rsvp.json.id);
    });

    for (const operation of operations) {
      it(`${operation.method} ${operation.path}: no 5xx, only documented statuses and bodies`, async () => {
        const seen = new Set<number>();
        await fc.assert(
          fc.asyncProperty(requestOf(operation, known), async (request) => {
            const answer = await send(server, operation, request);
            seen.add(answer.status);
            if (process.env.API_FUZZ_VERBOSE === '2') console.log(answer.url, answer.status, request.body?.kind, request.key === undefined ? 'no-key' : request.key.length, answer.text.slice(0, 600), process.env.API_FUZZ_VERBOSE === '2' ? request.body?.text.slice(0, 3000) : '');
            checkAgainstDocument(operation, answer);
          }),
          { numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
        );
        // The generator reaches past validation: at least one answer other than 4xx for most operations.
        if (process.env.API_FUZZ_VERBOSE) console.log(operation.method, operation.path, [...seen].sort().join(' '));
        assert.ok(seen.size > 0);
      });
    }
  });
}
