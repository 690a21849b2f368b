import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { embedSnippet, originLines, siteOrigin, type EmbedChoice } from '../../src/domain/embed-snippet.js';

const base: EmbedChoice = {
  widget: 'iop-schedule-picker',
  apiBase: 'https://api.center.example/api/iop/',
  scriptUrl: 'https://cdn.center.example/iop-widgets.js',
  isolation: 'default',
  locale: '',
  attributes: {},
  theme: {},
};

describe('embedSnippet', () => {
  it('gives the script tag, the markup and the CSP sources for an inline widget', () => {
    const snippet = embedSnippet(base);
    assert.equal(snippet.scriptTag, '<script type="module" src="https://cdn.center.example/iop-widgets.js"></script>');
    assert.equal(snippet.markup, '<iop-schedule-picker api-base="https://api.center.example/api/iop/"></iop-schedule-picker>');
    assert.equal(snippet.css, '');
    assert.equal(snippet.effectiveIsolation, 'inline');
    assert.deepEqual(snippet.cspLines, ['script-src https://cdn.center.example', 'connect-src https://api.center.example']);
  });

  it('adds frame-src for the widgets framed by default and for isolation="frame"', () => {
    const screener = embedSnippet({ ...base, widget: 'iop-intake-screener' });
    assert.equal(screener.effectiveIsolation, 'frame');
    assert.ok(screener.cspLines.includes('frame-src https://api.center.example'));
    assert.doesNotMatch(screener.markup, /isolation=/);
    const framed = embedSnippet({ ...base, isolation: 'frame' });
    assert.match(framed.markup, / isolation="frame"/);
    assert.ok(framed.cspLines.includes('frame-src https://api.center.example'));
    assert.equal(embedSnippet({ ...base, widget: 'iop-insurance-verification', isolation: 'inline' }).effectiveIsolation, 'inline');
  });

  it("keeps only the widget's own attributes, escapes values, and writes booleans bare", () => {
    const snippet = embedSnippet({
      ...base,
      widget: 'iop-alumni-browser',
      locale: 'es',
      attributes: { view: 'week', 'sync-url': 'true', 'calendar-title': 'Group "A" <b>', track: 'ignored', 'range-days': ' ' },
    });
    assert.equal(
      snippet.markup,
      '<iop-alumni-browser api-base="https://api.center.example/api/iop/" locale="es" view="week" sync-url calendar-title="Group &quot;A&quot; &lt;b&gt;"></iop-alumni-browser>',
    );
  });

  it('turns valid theme colours into one stylesheet rule and drops anything else', () => {
    const snippet = embedSnippet({ ...base, theme: { '--iop-color-accent': '#AA3300', '--iop-color-text': 'red; background: url(x)', '--iop-color-focus': '' } });
    assert.equal(snippet.css, 'iop-schedule-picker {\n  --iop-color-accent: #aa3300;\n}');
  });
});

describe('siteOrigin', () => {
  it('answers the origin the browser sends, https for a bare host', () => {
    for (const [input, origin] of [
      ['www.center.org', 'https://www.center.org'],
      ['https://www.center.org/', 'https://www.center.org'],
      ['  HTTPS://WWW.Center.org ', 'https://www.center.org'],
      ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
      ['https://www.center.org:443', 'https://www.center.org'],
    ] as const)
      assert.deepEqual(siteOrigin(input), { origin }, input);
  });

  it('refuses what is not a website origin, saying why', () => {
    assert.deepEqual(siteOrigin(''), { problem: 'empty' });
    assert.deepEqual(siteOrigin('https://www.center.org/contact'), { problem: 'has-path', origin: 'https://www.center.org' });
    assert.deepEqual(siteOrigin('https://www.center.org/?a=1'), { problem: 'has-path', origin: 'https://www.center.org' });
    assert.deepEqual(siteOrigin('ftp://files.center.org'), { problem: 'not-a-web-address' });
    assert.deepEqual(siteOrigin('https://user:pw@center.org'), { problem: 'not-a-web-address' });
    assert.deepEqual(siteOrigin('https://'), { problem: 'not-a-web-address' });
  });
});

describe('originLines', () => {
  it('reads one website per line, as origins, keeping what is not one for the server to name', () => {
    assert.deepEqual(originLines(' www.center.org\n\nhttps://kids.center.org/\r\nnot a site\n'), ['https://www.center.org', 'https://kids.center.org', 'not a site']);
    assert.deepEqual(originLines(''), []);
  });
});
