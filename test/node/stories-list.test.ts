// test/browser/stories.test.ts lists the story modules by hand (no glob import in the test runner's esbuild):
// keep that list and stories/ in step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';

test('every stories/*.stories.ts runs as a browser test, and nothing else is listed', async () => {
  const onDisk = (await readdir(new URL('../../stories/', import.meta.url)))
    .filter((file) => file.endsWith('.stories.ts'))
    .sort();
  const source = await readFile(new URL('../browser/stories.test.ts', import.meta.url), 'utf8');
  const imported = [...source.matchAll(/from '\.\.\/\.\.\/stories\/([\w.-]+\.stories)\.js'/g)]
    .map((match) => `${match[1]}.ts`)
    .sort();
  const keyed = [...source.matchAll(/^\s+'([\w.-]+\.stories\.ts)': \w+,$/gm)].map((match) => match[1]).sort();
  assert.deepEqual(imported, onDisk, 'imports in test/browser/stories.test.ts');
  assert.deepEqual(keyed, onDisk, 'storyModules keys in test/browser/stories.test.ts');
});
