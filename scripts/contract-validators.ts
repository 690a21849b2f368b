/**
 * Writes src/api/contract-validators.ts: the browser's validators, compiled ahead of time from the zod
 * schemas (the single source), so that zod stays off the widgets' pages. It walks each schema's
 * `_zod.def` and composes the combinators of src/api/contract-check.ts. Anything it does not know (an
 * inline refinement, a transform, a pipe) stops it with an error rather than being dropped.
 * `--check` fails when the committed file differs from what the schemas say (inside `npm test`).
 */
import type * as z from 'zod/mini';
import * as attendanceSchemas from '../src/api/attendance-schemas.js';
import { endpoints } from '../src/api/endpoints.js';
import * as refinements from '../src/api/refinements.js';
import * as schemas from '../src/api/schemas.js';
import { writeOrCheckGenerated } from './write-generated.js';

const target = 'src/api/contract-validators.ts';

/** Schemas the browser parses outside the endpoint table (client.ts, origin-check.ts, the elements). */
const alsoCompiled = ['Problem', 'Id', 'OriginCheck', 'Contact', 'AssessmentSlot'] as const;

type Schema = z.ZodMiniType;
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: unknown;
}

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value && 'safeParse' in value;
const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** Named exports, by schema: emitted once under their own name and referenced by it. */
const names = new Map<Schema, { name: string; module: 'S' | 'A' }>();
for (const [module, exports] of [['S', schemas], ['A', attendanceSchemas]] as const)
  for (const [name, value] of Object.entries(exports)) if (isSchema(value) && !names.has(value)) names.set(value, { name, module });

/** Refinements the generator may call: the same functions the schemas call. */
const knownRefinements = new Map<unknown, string>([
  [Number.isInteger, 'Number.isInteger'],
  ...Object.entries(refinements).map(([name, fn]) => [fn, name] as [unknown, string]),
]);
const usedRefinements = new Set<string>();

// Which schemas the browser needs: every endpoint's query, body and response, and the extras.
const roots: Schema[] = [];
for (const definition of Object.values(endpoints))
  for (const part of ['query', 'body', 'response'] as const) {
    const schema = (definition as Partial<Record<typeof part, Schema>>)[part];
    if (schema && !roots.includes(schema)) roots.push(schema);
  }
for (const name of alsoCompiled) {
  const schema = (schemas as unknown as Record<string, Schema>)[name]!;
  if (!roots.includes(schema)) roots.push(schema);
}

// Unnamed schemas used more than once (ShortText, Phone, ...) get a variable of their own.
const seen = new Map<Schema, number>();
function count(schema: Schema): void {
  seen.set(schema, (seen.get(schema) ?? 0) + 1);
  if (seen.get(schema)! > 1) return;
  for (const child of childrenOf(defOf(schema))) count(child);
}
function childrenOf(def: Def): Schema[] {
  switch (def.type) {
    case 'object':
      return Object.values(def.shape as Record<string, Schema>);
    case 'array':
      return [def.element as Schema];
    case 'record':
      return [def.keyType as Schema, def.valueType as Schema];
    case 'union':
      return def.options as Schema[];
    case 'optional':
    case 'nullable':
    case 'default':
      return [def.innerType as Schema];
    default:
      return [];
  }
}
roots.forEach(count);

const variables = new Map<Schema, string>();
const declarations: string[] = [];
let unnamed = 0;

function reference(schema: Schema): string {
  const known = variables.get(schema);
  if (known) return known;
  const named = names.get(schema);
  if (!named && (seen.get(schema) ?? 0) < 2) return expression(schema);
  const variable = named ? `${named.module === 'A' ? 'attendance' : 'contract'}${named.name}` : `shared${++unnamed}`;
  const code = expression(schema);
  variables.set(schema, variable);
  declarations.push(`const ${variable}: Run = ${code};`);
  return variable;
}

function test(check: CheckDef): string {
  switch (check.check) {
    case 'min_length':
      return `minLength(${check.minimum})`;
    case 'max_length':
      return `maxLength(${check.maximum})`;
    case 'greater_than':
      if (!check.inclusive) break;
      return `gte(${check.value})`;
    case 'less_than':
      if (!check.inclusive) break;
      return `lte(${check.value})`;
    case 'string_format':
      if (check.format !== 'regex' || !check.pattern || check.pattern.flags) break;
      return `pattern(/${check.pattern.source}/)`;
    case 'custom': {
      const name = knownRefinements.get(check.fn);
      if (!name) throw new Error('an inline refinement cannot be compiled: name it in src/api/refinements.ts');
      if (!name.includes('.')) usedRefinements.add(name);
      return `refine(${name})`;
    }
  }
  throw new Error(`unsupported check ${JSON.stringify(check)}`);
}

const literal = (value: unknown): string => {
  if (value === undefined || typeof value === 'bigint' || typeof value === 'symbol') throw new Error(`unsupported literal ${String(value)}`);
  return JSON.stringify(value);
};

function expression(schema: Schema): string {
  const def = defOf(schema);
  const tests = (def.checks ?? []).map((check) => test(check._zod.def));
  const withTests = (name: string, first: string[] = []) => `${name}(${[...first, ...tests].join(', ')})`;
  if (tests.length && !['string', 'number', 'array'].includes(def.type)) throw new Error(`checks on a ${def.type} are not supported`);
  switch (def.type) {
    case 'string':
    case 'number':
      return withTests(def.type);
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'isNull';
    case 'enum':
      return `oneOf(${Object.values(def.entries as Record<string, unknown>).map(literal).join(', ')})`;
    case 'literal':
      return `oneOf(${(def.values as unknown[]).map(literal).join(', ')})`;
    case 'array':
      return withTests('array', [reference(def.element as Schema)]);
    case 'object': {
      const catchall = def.catchall ? defOf(def.catchall as Schema).type : undefined;
      if (catchall !== undefined && catchall !== 'unknown') throw new Error(`unsupported catchall ${catchall}`);
      const fields = Object.entries(def.shape as Record<string, Schema>).map(([key, field]) => {
        const fieldDef = defOf(field);
        // zod's rules for absent keys depend on the field's own wrapper; nested ones would need more.
        if (fieldDef.type !== 'optional' && fieldDef.type !== 'default' && field._zod.optin !== undefined) throw new Error(`unsupported field ${key}`);
        return `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${reference(field)}`;
      });
      return `object({ ${fields.join(', ')} }${catchall ? ', true' : ''})`;
    }
    case 'record': {
      const keyType = def.keyType as Schema;
      if (keyType._zod.values || def.mode === 'loose') throw new Error('only records with a constraint on their keys are supported');
      return `record(${reference(keyType)}, ${reference(def.valueType as Schema)})`;
    }
    case 'union':
      if ((def.options as Schema[]).length < 2 || def.inclusive === false || def.discriminator) throw new Error('only plain unions are supported');
      return `union(${(def.options as Schema[]).map(reference).join(', ')})`;
    case 'optional':
      if ((def.innerType as Schema)._zod.optin !== undefined) throw new Error('optional of an optional or default is not supported');
      return `optional(${reference(def.innerType as Schema)})`;
    case 'nullable':
      if ((def.innerType as Schema)._zod.optin !== undefined) throw new Error('nullable of an optional or default is not supported');
      return `nullable(${reference(def.innerType as Schema)})`;
    case 'default': {
      const fallback = def.defaultValue;
      if (typeof fallback === 'object' && fallback !== null) throw new Error('only primitive defaults are supported (zod hands out the same object every time)');
      return `withDefault(${reference(def.innerType as Schema)}, ${literal(fallback)})`;
    }
  }
  throw new Error(`unsupported schema type ${def.type}`);
}

const exported = roots.map((schema) => {
  const named = names.get(schema);
  if (!named) throw new Error('every schema the browser parses must be a named export of schemas.ts or attendance-schemas.ts');
  return { ...named, variable: reference(schema) };
});

const endpointRows = Object.entries(endpoints).map(([name, definition]) => {
  const parts: string[] = [`method: '${definition.method}'`, `path: '${definition.path}'`, `success: [${definition.success.join(', ')}]`];
  for (const part of ['query', 'body', 'response'] as const) {
    const schema = (definition as Partial<Record<typeof part, Schema>>)[part];
    if (schema) parts.push(`${part}: ${names.get(schema)!.name}`);
  }
  if ('bearer' in definition && definition.bearer) parts.push('bearer: true');
  return `  ${name}: { ${parts.join(', ')} },`;
});

const combinators = ['array', 'boolean', 'compiled', 'gte', 'isNull', 'lte', 'maxLength', 'minLength', 'nullable', 'number', 'object', 'oneOf', 'optional', 'pattern', 'record', 'refine', 'string', 'union', 'withDefault'];
const body = [...declarations].join('\n');
const used = combinators.filter((name) => new RegExp(`\\b${name}\\b`).test(body) || (name === 'compiled' && exported.length));

const output = `// Generated by scripts/contract-validators.ts from src/api/schemas.ts and attendance-schemas.ts: do not edit.
// Run \`npm run openapi\` after changing a schema or an endpoint (it regenerates this file and openapi.json).
// The browser parses the contract with these instead of zod; test/node/contract-validators.test.ts checks they agree.
import type * as z from 'zod/mini';
import type * as A from './attendance-schemas.js';
import { ${used.join(', ')}, type CompiledEndpoint, type CompiledSchema, type Run } from './contract-check.js';
import type { EndpointName } from './endpoints.js';
${usedRefinements.size ? `import { ${[...usedRefinements].sort().join(', ')} } from './refinements.js';\n` : ''}import type * as S from './schemas.js';

${body}

${exported
  .map(({ name, module, variable }) => `export const ${name}: CompiledSchema<z.infer<typeof ${module}.${name}>> = /* @__PURE__ */ compiled(${variable});`)
  .join('\n')}

/** The endpoint table of src/api/endpoints.ts as the browser's client reads it: compiled schemas instead of zod. */
export const endpoints: Record<EndpointName, CompiledEndpoint> = {
${endpointRows.join('\n')}
};
`;

writeOrCheckGenerated(target, output, `wrote ${target}: ${exported.length} schemas, ${Object.keys(endpoints).length} endpoints`);
