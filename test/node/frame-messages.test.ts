import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  FRAME_PROTOCOL,
  frameUrl,
  isCrossOrigin,
  outcomeFields,
  readChildMessage,
  readParentMessage,
  safeThemeProperties,
  trackersPresent,
} from '../../src/domain/frame-messages.js';

const p = FRAME_PROTOCOL;

describe('readChildMessage', () => {
  const accepted: [string, unknown][] = [
    ['ready', { protocol: p, kind: 'ready' }],
    ['height', { protocol: p, kind: 'height', px: 512 }],
    ['outcome', { protocol: p, kind: 'outcome', event: 'iop-intake-submitted', id: 'int_01HZX-9a', status: 'received' }],
    ['error', { protocol: p, kind: 'error', code: 'script-failed' }],
  ];
  for (const [name, message] of accepted) it(`accepts a well-formed ${name}`, () => assert.deepEqual(readChildMessage(message), message));

  it('rounds a fractional height up, so the last pixel row is never cut', () => {
    assert.deepEqual(readChildMessage({ protocol: p, kind: 'height', px: 400.2 }), { protocol: p, kind: 'height', px: 401 });
  });

  const rejected: [string, unknown][] = [
    ['another protocol', { protocol: 'x', kind: 'ready' }],
    ['no protocol', { kind: 'ready' }],
    ['an unknown kind', { protocol: p, kind: 'answers', values: ['yes'] }],
    ['an extra field on ready', { protocol: p, kind: 'ready', email: 'a@b.co' }],
    ['an extra field on an outcome', { protocol: p, kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'r1', status: 'confirmed', name: 'Ana' }],
    ['an email as an id', { protocol: p, kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'ana@example.org', status: 'confirmed' }],
    ['words as an id', { protocol: p, kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'Ana Lopez', status: 'confirmed' }],
    ['an id over 64 characters', { protocol: p, kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'a'.repeat(65), status: 'confirmed' }],
    ['a status with spaces', { protocol: p, kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'r1', status: 'alcohol use' }],
    ['an event not in the allowlist', { protocol: p, kind: 'outcome', event: 'iop-answer-changed', id: 'r1', status: 'confirmed' }],
    ['a negative height', { protocol: p, kind: 'height', px: -1 }],
    ['an infinite height', { protocol: p, kind: 'height', px: Infinity }],
    ['a height as text', { protocol: p, kind: 'height', px: '500' }],
    ['an unknown error code', { protocol: p, kind: 'error', code: 'Ana could not log in' }],
    ['a string', 'ready'],
    ['null', null],
    ['an array', [p, 'ready']],
  ];
  for (const [name, message] of rejected) it(`rejects ${name}`, () => assert.equal(readChildMessage(message), undefined));

  it('never lets an outcome id carry an @, a space or a dot (property)', () => {
    fc.assert(
      fc.property(fc.string(), (id) => {
        const read = readChildMessage({ protocol: p, kind: 'outcome', event: 'iop-booking-confirmed', id, status: 'confirmed' });
        return read === undefined || /^[A-Za-z0-9_-]+$/.test(id);
      }),
    );
  });
});

describe('readParentMessage', () => {
  it('accepts a locale of the suite', () => assert.deepEqual(readParentMessage({ protocol: p, kind: 'locale', locale: 'es' }), { protocol: p, kind: 'locale', locale: 'es' }));
  it('rejects a locale the suite does not speak', () => assert.equal(readParentMessage({ protocol: p, kind: 'locale', locale: 'fr' }), undefined));
  it('rejects a child kind sent the other way', () => assert.equal(readParentMessage({ protocol: p, kind: 'ready' }), undefined));
  it('keeps safe theme values and drops the rest', () => {
    const read = readParentMessage({
      protocol: p,
      kind: 'theme',
      properties: {
        '--iop-color-accent': '#0b5f73',
        '--iop-font-family': '"Source Sans 3", Arial, sans-serif',
        '--iop-radius': '4px',
        '--iop-color-surface': 'url(https://tracker.example/x.png)',
        '--iop-color-text': 'red; } body { display: none',
        '--other-prop': 'blue',
      },
    });
    assert.deepEqual(read, {
      protocol: p,
      kind: 'theme',
      properties: { '--iop-color-accent': '#0b5f73', '--iop-font-family': '"Source Sans 3", Arial, sans-serif', '--iop-radius': '4px' },
    });
  });
  it('rejects theme properties that are not all text', () => {
    assert.equal(readParentMessage({ protocol: p, kind: 'theme', properties: { '--iop-radius': 4 } }), undefined);
  });
  it('filters rgb() colours through', () => assert.deepEqual(safeThemeProperties({ '--iop-color-text': ' rgb(27, 31, 36) ' }), { '--iop-color-text': 'rgb(27, 31, 36)' }));
});

describe('outcomeFields', () => {
  it('reads fields on the event (alumni RSVP)', () => assert.deepEqual(outcomeFields({ type: 'x', rsvpId: 'r_1', status: 'waitlisted' }), { id: 'r_1', status: 'waitlisted' }));
  it('reads a detail object (intake)', () => assert.deepEqual(outcomeFields({ detail: { intakeId: 'i-1', status: 'received' } }), { id: 'i-1', status: 'received' }));
  it('refuses two id fields, as it cannot tell which is opaque', () => assert.equal(outcomeFields({ detail: { intakeId: 'i', bookingId: 'b', status: 'x' } }), undefined));
  it('refuses a detail with an email in the id', () => assert.equal(outcomeFields({ detail: { checkId: 'a@b.co', status: 'active' } }), undefined));
});

describe('isCrossOrigin', () => {
  it('is false for a path on the page origin', () => assert.equal(isCrossOrigin('/api/iop/', 'https://center.org/intake'), false));
  it('is true for another host', () => assert.equal(isCrossOrigin('https://api.center.org/api/iop/', 'https://center.org/'), true));
  it('is true for another port', () => assert.equal(isCrossOrigin('http://127.0.0.1:9000/api/iop/', 'http://127.0.0.1:8000/'), true));
});

describe('frameUrl', () => {
  it('puts the widget under <api-base>embed/ with the parent origin and locale', () => {
    const url = frameUrl({ apiBase: 'https://api.center.org/api/iop', pageHref: 'https://center.org/intake?x=1', tag: 'iop-intake-screener', locale: 'es', attributes: [] });
    assert.equal(url.origin + url.pathname, 'https://api.center.org/api/iop/embed/iop-intake-screener');
    assert.equal(url.searchParams.get('parent'), 'https://center.org');
    assert.equal(url.searchParams.get('locale'), 'es');
  });
  it('forwards configuration attributes, never handlers, ARIA, style or a parent override', () => {
    const url = frameUrl({
      apiBase: '/api/iop/',
      pageHref: 'https://center.org/',
      tag: 'iop-alumni-browser',
      locale: 'en',
      attributes: [['view', 'week'], ['range-days', '14'], ['onclick', 'x()'], ['aria-label', 'a'], ['style', 'color:red'], ['parent', 'https://evil.example'], ['isolation', 'frame']],
    });
    assert.deepEqual([...url.searchParams.keys()].sort(), ['locale', 'parent', 'range-days', 'view']);
    assert.equal(url.searchParams.get('parent'), 'https://center.org');
  });
});

describe('trackersPresent', () => {
  it('names the products whose globals are set', () => {
    assert.deepEqual(trackersPresent({ fbq: () => {}, dataLayer: [], hj: undefined }), ['Meta pixel', 'Google Tag Manager']);
  });
  it('finds nothing on a clean page', () => assert.deepEqual(trackersPresent({ document: {} }), []));
});
