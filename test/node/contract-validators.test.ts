import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import * as attendanceSchemas from '../../src/api/attendance-schemas.js';
import * as compiledSchemas from '../../src/api/contract-validators.js';
import type { CompiledSchema } from '../../src/api/contract-check.js';
import { endpoints } from '../../src/api/endpoints.js';
import { parseContract } from '../../src/client/client.js';
import * as schemas from '../../src/api/schemas.js';
import { callbackRequest, intakeRequest } from '../support/fixtures.js';

// The browser parses the contract with validators generated from the zod schemas
// (scripts/contract-validators.ts). Here both parse the same values and must agree: accept or
// reject, and what a successful parse returns (unknown keys dropped, defaults applied).

type Def = { type: string; [key: string]: unknown };
type Check = { check: string; format?: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; fn?: unknown };
const defOf = (schema: z.ZodMiniType) => schema._zod.def as unknown as Def;
const checksOf = (schema: z.ZodMiniType) => ((defOf(schema).checks ?? []) as { _zod: { def: Check } }[]).map((check) => check._zod.def);

const zodSchemas = { ...schemas, ...attendanceSchemas } as unknown as Record<string, z.ZodMiniType>;
const pairs = (Object.entries(compiledSchemas) as [string, unknown][])
  .filter((entry): entry is [string, CompiledSchema<unknown>] => typeof entry[1] === 'object' && entry[1] !== null && 'safeParse' in entry[1])
  .map(([name, compiled]) => ({ name, compiled, zod: zodSchemas[name]! }));

/** Values of a zod schema's shape, mostly valid: strings from its pattern, numbers around its bounds. */
function valid(schema: z.ZodMiniType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(schema);
  const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((check) => check.check === 'max_length')?.maximum;
  switch (def.type) {
    case 'string': {
      const regex = checks.find((check) => check.format === 'regex')?.pattern;
      const text = fc.string({ minLength: min, maxLength: Math.min(max ?? 12, min + 12), unit: 'binary' });
      return regex ? fc.oneof({ arbitrary: fc.stringMatching(regex), weight: 12 }, { arbitrary: text, weight: 1 }) : text;
    }
    case 'number': {
      const low = checks.find((check) => check.check === 'greater_than')?.value ?? -1e6;
      const high = checks.find((check) => check.check === 'less_than')?.value ?? 1e6;
      return fc.oneof(
        { arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }), weight: 12 },
        { arbitrary: fc.integer({ min: Math.ceil(low) - 2, max: Math.floor(high) + 2 }), weight: 1 },
        { arbitrary: fc.double({ min: low - 1, max: high + 1 }), weight: 1 },
        { arbitrary: fc.constantFrom(Number.NaN, Infinity, -0), weight: 1 },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'enum':
      return fc.oneof({ arbitrary: fc.constantFrom(...Object.values(def.entries as object)), weight: 12 }, { arbitrary: fc.constant('not-one-of-them'), weight: 1 });
    case 'literal':
      return fc.oneof({ arbitrary: fc.constantFrom(...(def.values as unknown[])), weight: 12 }, { arbitrary: fc.constant('other'), weight: 1 });
    case 'optional':
      return fc.oneof({ arbitrary: valid(def.innerType as z.ZodMiniType, depth), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 });
    case 'nullable':
      return fc.oneof({ arbitrary: valid(def.innerType as z.ZodMiniType, depth), weight: 3 }, { arbitrary: fc.constant(null), weight: 1 });
    case 'default':
      return fc.oneof(valid(def.innerType as z.ZodMiniType, depth), fc.constant(undefined));
    case 'array':
      return fc.array(valid(def.element as z.ZodMiniType, depth + 1), { minLength: Math.max(0, min - 1), maxLength: depth > 2 ? Math.max(min, 1) : Math.min((max ?? 3) + 1, min + 3) });
    case 'union':
      return fc.oneof(...(def.options as z.ZodMiniType[]).map((option) => valid(option, depth)));
    case 'record':
      return fc.dictionary(fc.oneof({ arbitrary: valid(def.keyType as z.ZodMiniType, depth) as fc.Arbitrary<string>, weight: 12 }, { arbitrary: fc.string(), weight: 1 }), valid(def.valueType as z.ZodMiniType, depth + 1), { maxKeys: 4 });
    case 'object': {
      const shape = def.shape as Record<string, z.ZodMiniType>;
      const optional = Object.keys(shape).filter((key) => ['optional', 'default'].includes(defOf(shape[key]!).type));
      const fields = fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, valid(field, depth + 1)])),
        { requiredKeys: Object.keys(shape).filter((key) => !optional.includes(key)) },
      );
      // Unknown keys: dropped by an object, kept by a loose one.
      return fc.tuple(fields, fc.dictionary(fc.constantFrom('extra', 'constructor', 'toString', '__proto__', 'type'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }), fc.boolean()).map(
        ([own, extra, withExtra]) => (withExtra ? { ...extra, ...own } : own),
      );
    }
  }
  throw new Error(`no arbitrary for ${def.type}`);
}

/** A valid-looking value with one node replaced by arbitrary JSON, or removed. */
function mutated(arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(arbitrary, fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))).map(([value, pick, replacement]) => {
    const copy = structuredClone(value);
    const nodes: [Record<PropertyKey, unknown>, PropertyKey][] = [];
    const walk = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return;
      for (const key of Object.keys(node)) {
        nodes.push([node as Record<PropertyKey, unknown>, key]);
        walk((node as Record<string, unknown>)[key]);
      }
    };
    walk(copy);
    if (!nodes.length) return replacement;
    const [parent, key] = nodes[pick % nodes.length]!;
    if (replacement === undefined && !Array.isArray(parent)) delete parent[key];
    else parent[key] = replacement;
    return copy;
  });
}

function assertAgree(name: string, zod: z.ZodMiniType, compiled: CompiledSchema<unknown>, value: unknown): void {
  const expected = zod.safeParse(value);
  const actual = compiled.safeParse(value);
  assert.equal(actual.success, expected.success, `${name}: zod ${expected.success ? 'accepts' : 'rejects'} ${JSON.stringify(value)}`);
  if (expected.success) assert.deepStrictEqual(actual.data, expected.data, `${name}: parsed values differ`);
  else assert.ok(actual.error!.issues.every((issue) => Array.isArray(issue.path) && typeof issue.code === 'string' && Object.keys(issue).length === 2));
}

describe('compiled contract validators', () => {
  it('cover every schema of the endpoint table, under the same names', () => {
    const compiledNames = new Set(pairs.map((pair) => pair.name));
    for (const definition of Object.values(endpoints))
      for (const part of ['query', 'body', 'response'] as const) {
        const schema = (definition as Partial<Record<typeof part, z.ZodMiniType>>)[part];
        if (!schema) continue;
        const name = Object.entries(zodSchemas).find(([, value]) => value === schema)?.[0];
        assert.ok(name && compiledNames.has(name), `${definition.path} ${part}`);
      }
    for (const { name, zod } of pairs) assert.ok(zod, `${name} has no zod schema of that name`);
  });

  it('agree with zod on the contract fixtures', () => {
    const fixtures: [string, unknown][] = [
      ['IntakeRequest', intakeRequest()],
      ['CallbackRequest', callbackRequest()],
      ['Problem', { title: 'Conflict', status: 409, code: 'slot-taken', extension: { kept: true } }],
      ['Problem', { type: 'https://example.org/problems/x', title: 'Gone', status: 410.5 }],
      ['Contact', { name: 'Alex', preferred: 'phone', voicemailOk: false, phone: '+1 303 555 0142', unknown: 1 }],
      ['AssessmentSlot', { id: 's1', start: '2026-02-29T09:00:00Z', end: '2028-02-29T09:30:00-07:00', mode: 'video', trackIds: [] }],
      ['AlumniSessionQuery', { from: '2026-04-31', to: '2026-05-01' }],
      ['Id', 'a/b'],
      ['Id', 'abc_DEF-123'],
      // Objects without a prototype parse like plain ones (zod's rules); a class instance is not a record.
      ['Contact', Object.assign(Object.create(null), { name: 'Alex', preferred: 'text', voicemailOk: true, phone: '303 555 0142' })],
      ['IntakeRequest', { ...intakeRequest(), answers: Object.assign(Object.create(null), { 'phq-9-1': 2 }) }],
      ['IntakeRequest', { ...intakeRequest(), answers: new (class Answers {})() }],
      ['IntakeRequest', { ...intakeRequest(), answers: { 'Not-A-Key': 1 } }],
    ];
    for (const [name, value] of fixtures) {
      const pair = pairs.find((candidate) => candidate.name === name)!;
      assertAgree(name, pair.zod, pair.compiled, value);
    }
  });

  for (const { name, zod, compiled } of pairs)
    it(`agree with zod on generated and mutated values: ${name}`, () => {
      const values = valid(zod);
      fc.assert(
        fc.property(fc.oneof({ arbitrary: values, weight: 3 }, { arbitrary: mutated(values), weight: 3 }, { arbitrary: fc.jsonValue(), weight: 1 }), (value) =>
          assertAgree(name, zod, compiled, value),
        ),
        { numRuns: 400 },
      );
    });

  it('report paths and zod issue codes, never values, and never throw on a hostile value', () => {
    const failed = parseContract(compiledSchemas.CallbackRequest, { ...callbackRequest(), phone: 'call me at home', consent: false }, 'createCallbackRequest');
    assert.ok(!failed.ok);
    assert.deepEqual(failed.error.issues, ['phone: invalid_format', 'consent: invalid_value']);
    const hostile = {
      get center(): never {
        throw new Error('a getter that throws');
      },
      programs: [],
    };
    const parsed = parseContract(compiledSchemas.ProgramList, hostile, 'listPrograms');
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.kind, 'contract');
  });

  it('accept a good share of the generated values (so the agreement above is not only on rejections)', () => {
    for (const { name, zod } of pairs) {
      const sample = fc.sample(valid(zod), { numRuns: 200, seed: 42 });
      const accepted = sample.filter((value) => zod.safeParse(value).success).length;
      assert.ok(accepted >= 10, `${name}: only ${accepted} of 200 generated values are valid`);
    }
  });
});
