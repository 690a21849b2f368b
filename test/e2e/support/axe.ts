/** axe-core (a checker nobody here wrote) run inside a page, over its shadow roots: the violations, as `id (nodes)`. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async (source) => {
    // Evaluated by the test harness, outside the page's own script policy.
    (0, eval)(source);
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, axeSource);
}
