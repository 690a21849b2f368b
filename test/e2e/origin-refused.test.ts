/**
 * A web admin pastes the README's snippet on a site whose origin the API does not allow yet. Both
 * modes fail in the browser (CORS refuses the inline widget's requests, `frame-ancestors` the
 * frame), which looks like a lost connection; each widget must instead say what is wrong and how
 * to fix it (the console's Embedding settings, or IOP_ALLOWED_ORIGINS where the server is started with it),
 * in the widget's language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, startHostSite, startReferenceServer, type HostSite, type ReferenceServer } from './support/hostile-host.js';

let api: ReferenceServer;
let host: HostSite;
let browser: Browser;
const allowedElsewhere = 'https://www.center.example';

before(async () => {
  host = await startHostSite();
  [api, browser] = await Promise.all([startReferenceServer([allowedElsewhere]), launchChromium()]);
});

after(async () => {
  await browser?.close();
  api?.stop();
  await host?.close();
});

describe('a page whose origin the API does not allow', () => {
  it('answers the origin check to any origin, with a yes or no and nothing else', async () => {
    for (const [origin, allowed] of [
      [allowedElsewhere, true],
      [host.origin, false],
    ] as const) {
      const response = await fetch(`${api.apiBase}origin-check`, { headers: { origin } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.deepEqual(await response.json(), { origin, allowed });
    }
  });

  it('says what is wrong and how to fix it, in frame and inline mode, instead of "offline"', async () => {
    host.page(
      '/not-allowed.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Center</title>
<script type="module" src="${api.origin}/dist/cdn/iop-widgets.js"></script></head>
<body><iop-intake-screener api-base="${api.apiBase}"></iop-intake-screener>
<iop-alumni-browser api-base="${api.apiBase}" isolation="inline"></iop-alumni-browser></body></html>`,
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
      await page.goto(`${host.origin}/not-allowed.html`);
      for (const tag of ['iop-intake-screener', 'iop-alumni-browser']) {
        const problem = page.locator(`${tag} [part="setup-problem"]`);
        await problem.waitFor();
        const text = (await problem.textContent())!.replace(/\s+/g, ' ');
        assert.match(text, new RegExp(`does not accept requests from ${host.origin.replace(/\./g, '\\.')}`), tag);
        assert.match(text, new RegExp(`center console at ${api.origin.replace(/\./g, '\\.')}/console/, open Settings, then Embedding, and add`), tag);
        assert.match(text, /IOP_ALLOWED_ORIGINS/, tag);
        assert.doesNotMatch((await page.locator(tag).evaluate((el) => el.shadowRoot!.textContent))!, /offline/i, tag);
        assert.equal(await page.locator(`${tag} iframe`).count(), 0, `${tag}: no refused frame`);
      }
      assert.ok(warnings.some((warning) => warning.includes('Settings, Embedding')), 'a console hint for the web admin');
    } finally {
      await context.close();
    }
  });

  it('says it in Spanish on a Spanish page', async () => {
    host.page(
      '/no-permitido.html',
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Centro</title>
<script type="module" src="${api.origin}/dist/cdn/iop-widgets.js"></script></head>
<body><iop-schedule-picker api-base="${api.apiBase}"></iop-schedule-picker></body></html>`,
    );
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${host.origin}/no-permitido.html`);
      const problem = page.locator('iop-schedule-picker [part="setup-problem"]');
      await problem.waitFor();
      assert.equal(await problem.getAttribute('lang'), 'es');
      const text = (await problem.textContent())!.replace(/\s+/g, ' ');
      assert.match(text, new RegExp(`no acepta solicitudes de ${host.origin.replace(/\./g, '\\.')}`));
      assert.match(text, /abra Configuración y luego Inserción en sitios web/);
      assert.doesNotMatch(text, /conexión/);
    } finally {
      await context.close();
    }
  });
});
