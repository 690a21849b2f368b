// Every story is a test: render it as Storybook would (meta args merged with the story's), wait for the
// elements to settle, run its `play` (the story's or the meta's) as Storybook does, and run axe over what it shows. esbuild in the test runner has no glob import, so the
// stories are listed here; test/node/stories-list.test.ts fails when this list and stories/ disagree.
import { fixture, expect, html, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as alumniBrowserStories from '../../stories/alumni-browser.stories.js';
import * as insuranceVerificationStories from '../../stories/insurance-verification.stories.js';
import * as intakeScreenerStories from '../../stories/intake-screener.stories.js';
import * as providerStories from '../../stories/provider.stories.js';
import * as schedulePickerStories from '../../stories/schedule-picker.stories.js';
import * as themeStories from '../../stories/theme.stories.js';
import { storeFor } from '../../src/store/shared-stores.js';

const storyModules: Record<string, Record<string, unknown>> = {
  'alumni-browser.stories.ts': alumniBrowserStories,
  'insurance-verification.stories.ts': insuranceVerificationStories,
  'intake-screener.stories.ts': intakeScreenerStories,
  'provider.stories.ts': providerStories,
  'schedule-picker.stories.ts': schedulePickerStories,
  'theme.stories.ts': themeStories,
};

type Args = Record<string, unknown>;
type Render = (args: Args, context: unknown) => unknown;
type Play = (context: { canvasElement: HTMLElement; args: Args; id: string }) => unknown;
interface StoryObject {
  name?: string;
  args?: Args;
  render?: Render;
  play?: Play;
}
interface MetaObject extends StoryObject {
  title?: string;
  excludeStories?: string[] | RegExp;
  includeStories?: string[] | RegExp;
}

function isStoryExport(name: string, meta: MetaObject): boolean {
  if (name === 'default' || name === '__namedExportsOrder') return false;
  const matches = (filter: string[] | RegExp) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));
  if (meta.includeStories && !matches(meta.includeStories)) return false;
  return !(meta.excludeStories && matches(meta.excludeStories));
}

/** True while any widget in the tree (shadow roots included) still shows its "Loading…" line. */
function loading(root: Element | ShadowRoot): boolean {
  if (root.querySelector('.loading')) return true;
  return Array.from(root.querySelectorAll('*')).some((child) => child.shadowRoot && loading(child.shadowRoot));
}

/**
 * Waits until every Lit element in the tree has finished updating and, unless the story is about the
 * loading state, until its data has arrived: axe should see the state the story is meant to show.
 */
async function settle(root: Element, expectLoading = false): Promise<void> {
  await updates(root);
  if (expectLoading || !loading(root)) return;
  for (let waited = 0; loading(root) && waited < 10000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  await updates(root);
}

/** Every Lit element in the tree (shadow roots included) has finished updating, three frames over. */
async function updates(root: Element): Promise<void> {
  for (let pass = 0; pass < 3; pass += 1) {
    const pending: Promise<unknown>[] = [];
    const visit = (node: Element | ShadowRoot) => {
      for (const child of Array.from(node.querySelectorAll('*'))) {
        const update = (child as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
        if (update) pending.push(update);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
    };
    visit(root);
    await Promise.all(pending);
    await nextFrame();
  }
}

// Each story starts as a first visit: no draft restored from the story before it.
beforeEach(async () => {
  for (const mode of ['local', 'memory'] as const) await (await storeFor(mode)).clearPersonalData();
});

for (const [file, module] of Object.entries(storyModules)) {
  const meta = (module.default ?? {}) as MetaObject;
  describe(`stories/${file} (${meta.title ?? 'untitled'})`, () => {
    const stories = Object.entries(module).filter(([name]) => isStoryExport(name, meta));

    it('exports at least one story', () => {
      expect(stories.length).to.be.greaterThan(0);
    });

    for (const [exportName, exported] of stories) {
      const story: StoryObject = typeof exported === 'function' ? { render: exported as Render } : (exported as StoryObject);
      it(`${story.name ?? exportName} renders and passes axe`, async () => {
        const args = { ...meta.args, ...story.args };
        const render = story.render ?? meta.render;
        expect(render, 'the story or its meta needs a render function').to.be.a('function');
        const template = render!(args, { args, id: `${file}--${exportName}` }) as TemplateResult;
        const el = await fixture<HTMLElement>(html`<div data-story=${exportName}>${template}</div>`);
        const expectLoading = /loading/i.test(exportName);
        await settle(el, expectLoading);
        const play = story.play ?? meta.play;
        if (play) {
          await play({ canvasElement: el, args, id: `${file}--${exportName}` });
          await settle(el, expectLoading);
        }
        if (!expectLoading) expect(loading(el), 'the story gets past "Loading…"').to.equal(false);
        expect(el.childElementCount, 'the story renders something').to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      });
    }
  });
}
