import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { backoffDelay, defaultRetryPolicy, parseRetryAfter } from '../../src/client/backoff.js';

describe('backoffDelay', () => {
  it('doubles its ceiling each attempt up to the cap', () => {
    const policy = { ...defaultRetryPolicy, baseDelayMs: 100, maxDelayMs: 1000 };
    const justUnderOne = () => 0.999999;
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, justUnderOne)), [99, 199, 399, 799, 999, 999]);
  });

  it('is full jitter: any delay from zero to the ceiling', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const delay = backoffDelay(attempt, defaultRetryPolicy, () => random);
        return delay >= 0 && delay <= defaultRetryPolicy.maxDelayMs && Number.isInteger(delay);
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => assert.equal(parseRetryAfter('120'), 120000));
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Mon, 23 Nov 2026 18:00:00 GMT');
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 18:00:30 GMT', now), 30000);
  });
  it('never returns a negative wait for a date in the past', () => {
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 17:00:00 GMT', Date.parse('Mon, 23 Nov 2026 18:00:00 GMT')), 0);
  });
  it('ignores a missing or unreadable header', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
