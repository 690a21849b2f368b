/**
 * LazyModule: a later screen's module is fetched once, on the first ask, and the widget renders
 * again when it arrives; a failed fetch (offline) is asked for again by the next render, not in a loop.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LazyModule } from '../../src/elements/shared/lazy-module.js';

/** A host that counts the renders it is asked for, and a fetch the test settles by hand. */
function setUp() {
  const host = { updates: 0, requestUpdate() { this.updates += 1; }, addController() {}, removeController() {}, updateComplete: Promise.resolve(true) };
  const fetches: { resolve: (module: { name: string }) => void; reject: (error: Error) => void }[] = [];
  const lazy = new LazyModule(host, () => new Promise<{ name: string }>((resolve, reject) => fetches.push({ resolve, reject })));
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return { host, fetches, lazy, settled };
}

describe('LazyModule', () => {
  it('fetches once however often a render asks, and renders again when the module has arrived', async () => {
    const { host, fetches, lazy, settled } = setUp();
    assert.equal(fetches.length, 0, 'nothing is fetched before a screen asks');
    assert.equal(lazy.get(), undefined);
    assert.equal(lazy.get(), undefined);
    assert.equal(fetches.length, 1, 'one fetch for two asks');
    fetches[0]!.resolve({ name: 'calendar' });
    await settled();
    assert.equal(host.updates, 1);
    assert.deepEqual(lazy.get(), { name: 'calendar' });
    assert.equal(fetches.length, 1, 'never fetched again');
  });

  it('after a failed fetch, shows nothing new and fetches again on the next ask', async () => {
    const { host, fetches, lazy, settled } = setUp();
    lazy.get();
    fetches[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    await settled();
    assert.equal(host.updates, 0, 'no render for a failure: no loop of retries');
    assert.equal(fetches.length, 1);
    assert.equal(lazy.get(), undefined);
    assert.equal(fetches.length, 2, 'the next render asks again');
    fetches[1]!.resolve({ name: 'calendar' });
    await settled();
    assert.equal(host.updates, 1);
    assert.deepEqual(lazy.get(), { name: 'calendar' });
  });
});
