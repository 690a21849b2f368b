/**
 * What the browser parses the contract with instead of zod: small combinators that
 * `src/api/contract-validators.ts` (generated from the zod schemas by scripts/contract-validators.ts)
 * composes, one per schema. They keep zod/mini's `safeParse` behaviour for these schemas: unknown keys
 * stripped (kept by loose objects), defaults applied, issues as path and zod's issue code only, never a
 * value. A node test checks that they and zod agree on every schema the browser uses.
 */
import type { HttpMethod } from './endpoints.js';

export interface ContractIssue {
  readonly path: PropertyKey[];
  readonly code: string;
}

export type SafeParseResult<T> =
  | { success: true; data: T; error?: undefined }
  | { success: false; data?: undefined; error: { issues: ContractIssue[] } };

/** A compiled contract schema: the `safeParse` half of a zod schema. */
export interface CompiledSchema<T> {
  safeParse(value: unknown): SafeParseResult<T>;
}

/** An endpoint of src/api/endpoints.ts as the browser's client reads it: compiled schemas instead of zod. */
export interface CompiledEndpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly query?: CompiledSchema<unknown>;
  readonly body?: CompiledSchema<unknown>;
  readonly response?: CompiledSchema<unknown>;
  readonly success: readonly number[];
  readonly bearer?: boolean;
}

/** Parses `value` at `path`, pushing what is wrong onto `issues`; returns the parsed value. */
export interface Run {
  (value: unknown, path: PropertyKey[], issues: ContractIssue[]): unknown;
  /** In an object: absent is allowed and stays absent (`z.optional`). */
  optional?: true;
}

/** A check on a value of the right type: the zod issue code when it fails. */
type Test = (value: never) => string | undefined | false;

/** Records an issue and returns the value unchanged (what zod leaves behind does not matter: the parse failed). */
const fail = <V>(issues: ContractIssue[], path: PropertyKey[], code: string, value?: V): V => (issues.push({ path: [...path], code }), value as V);

function check(tests: Test[], value: unknown, path: PropertyKey[], issues: ContractIssue[]): void {
  for (const test of tests) {
    const code = (test as (value: unknown) => string | undefined | false)(value);
    if (code) fail(issues, path, code);
  }
}

/** A value of one type, then its checks; a value of another type skips them, as in zod. */
const typed =
  (isType: (value: unknown) => boolean, tests: Test[]): Run =>
  (value, path, issues) => {
    if (!isType(value)) return fail(issues, path, 'invalid_type', value);
    check(tests, value, path, issues);
    return value;
  };

export const string = (...tests: Test[]): Run => typed((value) => typeof value === 'string', tests);
export const number = (...tests: Test[]): Run => typed(Number.isFinite, tests);
export const boolean: Run = typed((value) => typeof value === 'boolean', []);
export const isNull: Run = typed((value) => value === null, []);

export const minLength = (min: number) => (value: { length: number }) => value.length < min && 'too_small';
export const maxLength = (max: number) => (value: { length: number }) => value.length > max && 'too_big';
export const gte = (min: number) => (value: number) => value < min && 'too_small';
export const lte = (max: number) => (value: number) => value > max && 'too_big';
export const pattern = (regex: RegExp) => (value: string) => !regex.test(value) && 'invalid_format';
export const refine = (holds: (value: never) => boolean) => (value: never) => !holds(value) && 'custom';

/** `z.enum` and `z.literal`. */
export const oneOf =
  (...values: unknown[]): Run =>
  (value, path, issues) => {
    return values.includes(value) ? value : fail(issues, path, 'invalid_value', value);
  };

export const nullable =
  (run: Run): Run =>
  (value, path, issues) =>
    value === null ? null : run(value, path, issues);

export const optional = (run: Run): Run => Object.assign((value: unknown, path: PropertyKey[], issues: ContractIssue[]) => (value === undefined ? undefined : run(value, path, issues)), { optional: true as const });

/** `z._default`: undefined becomes the default. */
export const withDefault =
  (run: Run, fallback: unknown): Run =>
  (value, path, issues) =>
    value === undefined ? fallback : run(value, path, issues);

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const array =
  (item: Run, ...tests: Test[]): Run =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return fail(issues, path, 'invalid_type', value);
    const out: unknown[] = [];
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      out.push(item(value[index], path, issues));
      path.pop();
    }
    check(tests, out, path, issues);
    return out;
  };

/** `z.object` (unknown keys dropped) or, with `loose`, `z.looseObject` (unknown keys kept). */
export const object =
  (shape: Record<string, Run>, loose?: boolean): Run =>
  (value, path, issues) => {
    if (!isObject(value)) return fail(issues, path, 'invalid_type', value);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const run = shape[key]!;
      const present = key in value;
      if (!present && run.optional) continue;
      const before = issues.length;
      path.push(key);
      const result = run(value[key], path, issues);
      if (!present && result === undefined) {
        if (issues.length === before) fail(issues, path, 'invalid_type');
      } else out[key] = result;
      path.pop();
    }
    if (loose) for (const key in value) if (!Object.hasOwn(shape, key) && key !== '__proto__') out[key] = value[key];
    return out;
  };

/** zod's test for a record: an object whose constructor, if any, is Object-like. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const constructor: unknown = value.constructor;
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = constructor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
}

/** `z.record` with a key schema that is a constraint (not an enum): a key that breaks it is `invalid_key`. */
export const record =
  (key: Run, item: Run): Run =>
  (value, path, issues) => {
    if (!isPlainObject(value)) return fail(issues, path, 'invalid_type', value);
    const out: Record<PropertyKey, unknown> = {};
    for (const name of Reflect.ownKeys(value)) {
      if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name)) continue;
      path.push(name);
      const keyIssues: ContractIssue[] = [];
      key(name, path, keyIssues);
      if (keyIssues.length) fail(issues, path, 'invalid_key');
      else out[name] = item(value[name], path, issues);
      path.pop();
    }
    return out;
  };

/** The first option that parses wins; none: `invalid_union`. */
export const union =
  (...options: Run[]): Run =>
  (value, path, issues) => {
    for (const option of options) {
      const own: ContractIssue[] = [];
      const result = option(value, path, own);
      if (!own.length) return result;
    }
    return fail(issues, path, 'invalid_union', value);
  };

export const compiled = <T>(run: Run): CompiledSchema<T> => ({
  safeParse(value) {
    const issues: ContractIssue[] = [];
    const data = run(value, [], issues) as T;
    return issues.length ? { success: false, error: { issues } } : { success: true, data };
  },
});
