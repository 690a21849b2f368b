/**
 * The shared tail of the generators whose output is committed (openapi.json, the compiled contract
 * validators): with `--check` (inside `npm test`) fail when the committed file differs from what the
 * generator produces today, else write it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** `file` is relative to the repository root; `written` is the line logged after a write. */
export function writeOrCheckGenerated(file: string, text: string, written = `wrote ${file}`): void {
  const target = new URL(`../${file}`, import.meta.url);
  if (!process.argv.includes('--check')) {
    writeFileSync(target, text);
    console.log(written);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // A missing file counts as stale.
  }
  if (committed !== text) {
    console.error(`${file} is stale: run \`npm run openapi\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${file} is fresh.`);
}
