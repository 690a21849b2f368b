/**
 * The CDN loader (src/elements/autoloader.ts) as a page meets it: tags already on the page and tags
 * added later get their element defined; nothing else is. And the room a widget keeps for its first
 * screen until the person acts.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { reservedBlockSize } from '../../../src/elements/shared/first-screen-reservation.js';

const defined = (tag: string) => customElements.get(tag) !== undefined;

describe('CDN loader', () => {
  it('defines an element only once its tag is on the page', async () => {
    const before = await fixture(html`<div><iop-intake-screener api-base="/api/iop/"></iop-intake-screener></div>`);
    await import('../../../src/elements/autoloader.js');
    await customElements.whenDefined('iop-intake-screener');
    expect(before.querySelector('iop-intake-screener')!.shadowRoot).to.not.equal(null);
    expect(defined('iop-alumni-browser'), 'no alumni tag yet').to.equal(false);
    expect(defined('iop-insurance-verification'), 'no insurance tag yet').to.equal(false);

    // A tag added later, deep inside something else, as a CMS or a single-page app would add it.
    const later = document.createElement('section');
    const wrapper = later.appendChild(document.createElement('div'));
    wrapper.appendChild(document.createElement('iop-alumni-browser')).setAttribute('api-base', '/api/iop/');
    document.body.append(later);
    await customElements.whenDefined('iop-alumni-browser');
    expect(later.querySelector('iop-alumni-browser')!.shadowRoot).to.not.equal(null);
    expect(defined('iop-insurance-verification')).to.equal(false);
    later.remove();
  });

  it('keeps room for an undefined widget before its module arrives', async () => {
    await import('../../../src/elements/autoloader.js');
    const el = await fixture(html`<iop-not-yet-loaded></iop-not-yet-loaded>`);
    // Not one of ours: no room. (The loader's rules name each widget.)
    expect(el.getBoundingClientRect().height).to.equal(0);
    const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).filter((rule): rule is CSSStyleRule => rule instanceof CSSStyleRule);
    // The loader's room is the room each widget keeps once defined (first-screen-reservation.ts).
    for (const [tag, size] of Object.entries(reservedBlockSize)) {
      const rule = rules.find((candidate) => candidate.selectorText === `${tag}:not(:defined)`);
      const compact = (text = '') => text.replace(/\s/g, '');
      expect(compact(rule?.style.minBlockSize), tag).to.equal(compact(`var(--iop-reserved-block-size,${size})`));
    }
  });
});

describe('first-screen room', () => {
  it('is kept while the widget loads and released by the first click or key press, not by a pointer press', async () => {
    await import('../../../src/elements/intake-screener/intake-screener.js');
    const el = await fixture<HTMLElement>(html`<iop-intake-screener api-base="/api/iop/" storage="memory" style="--iop-reserved-block-size: 30rem"></iop-intake-screener>`);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(el.getBoundingClientRect().height).to.be.at.least(30 * rem - 1);
    expect(el.matches(':state(reserving)')).to.equal(true);
    // Between pointerdown and click the page must not move, or the tap lands somewhere else.
    const pressed = oneEvent(el, 'pointerdown');
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await pressed;
    expect(el.matches(':state(reserving)')).to.equal(true);
    const clicked = oneEvent(el, 'click');
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await clicked;
    expect(el.matches(':state(reserving)')).to.equal(false);
  });
});

describe('a widget\'s first render', () => {
  it('comes in a task after the one that connected it, and the room is kept meanwhile', async () => {
    await import('../../../src/elements/insurance-verification/insurance-verification.js');
    const el = document.createElement('iop-insurance-verification');
    el.setAttribute('api-base', '/api/iop/');
    el.setAttribute('storage', 'memory');
    document.body.append(el);
    // Every microtask of this task: Lit would have rendered in one of these. The module that defined
    // a widget is evaluated in such a task, and the two together were one long task on a phone.
    for (let tick = 0; tick < 20; tick += 1) await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(el.shadowRoot?.textContent ?? '').to.equal('');
    expect(el.matches(':state(reserving)')).to.equal(true);
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(el.shadowRoot!.querySelector('h2')?.textContent).to.not.equal(undefined);
    expect(el.shadowRoot!.textContent!.trim()).to.not.equal('');
    el.remove();
  });
});
