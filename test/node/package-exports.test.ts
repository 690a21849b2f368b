import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { elements } from '../../vite.config.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types: string; default?: string }>;
};
// Type-only entries (the JSX, React and Vue typings) have no `default`.
const targets = Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)));

describe('package.json exports (after npm run build)', () => {
  it('has one entry per element', () => {
    for (const name of elements) assert.ok(pkg.exports[`./${name}`], `./${name} is missing from exports`);
  });

  it('points only at files the build writes', { skip: !existsSync(new URL('../../dist/index.js', import.meta.url)) && 'dist/ not built' }, () => {
    for (const target of targets) assert.ok(existsSync(new URL(`../../${target}`, import.meta.url)), `${target} does not exist`);
  });
});
