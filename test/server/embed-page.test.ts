/** The isolation frame page: its policy, what it lets a query put on the page, and who may name themselves its parent. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from '../../server/http/app-env.js';
import { embedPolicy, mountEmbedRoutes } from '../../server/http/embed-page.js';

const center = 'https://www.center.example';

function embedApp(bundle?: string) {
  const app = new Hono<AppEnv>();
  mountEmbedRoutes(app, { apiBasePath: '/api/iop/', allowedOrigins: [center], ...(bundle === undefined ? {} : { bundle: async () => bundle }) });
  return app;
}

const page = (query: string) => embedApp('export {}').request(`https://api.center.example/api/iop/embed/iop-intake-screener?${query}`);

describe('embed page', () => {
  it('serves the widget with a strict policy framed only by the center', async () => {
    const response = await page(`parent=${encodeURIComponent(center)}&locale=es`);
    assert.equal(response.status, 200);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.match(policy, /require-trusted-types-for 'script'/);
    assert.match(policy, /trusted-types lit-html/);
    assert.match(policy, new RegExp(`frame-ancestors ${center.replaceAll('.', '\\.')}(;|$)`));
    assert.equal(response.headers.get('x-frame-options'), null);
    const body = await response.text();
    assert.match(body, /<html lang="es">/);
    assert.match(body, /<iop-intake-screener api-base="\/api\/iop\/" isolation="inline" locale="es">/);
    assert.match(body, new RegExp(`<meta name="iop-embed-parent" content="${center.replaceAll('.', '\\.')}">`));
    assert.doesNotMatch(body, /<script>|<style>|style=/, 'nothing inline');
  });

  it('refuses a parent that is not one of the center origins', async () => {
    assert.equal((await page('parent=https%3A%2F%2Fevil.example')).status, 403);
    assert.equal((await page('')).status, 403);
  });

  it('answers 404 for a tag that is not a widget', async () => {
    const response = await embedApp('').request(`https://api.center.example/api/iop/embed/script?parent=${encodeURIComponent(center)}`);
    assert.equal(response.status, 404);
  });

  it('escapes attribute values and drops names that are handlers or ARIA', async () => {
    const response = await page(`parent=${encodeURIComponent(center)}&view=${encodeURIComponent('"><script>alert(1)</script>')}&onload=x&aria-hidden=true`);
    const body = await response.text();
    assert.doesNotMatch(body, /<script>alert/);
    assert.match(body, /view="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.doesNotMatch(body, /onload=|aria-hidden=/);
  });

  it('serves the bundle from the API origin, or 503 when it is not built', async () => {
    const served = await embedApp('export const x = 1;').request('https://api.center.example/api/iop/embed/assets/iop-widgets.js');
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await served.text(), 'export const x = 1;');
    assert.equal((await embedApp().request('https://api.center.example/api/iop/embed/assets/iop-widgets.js')).status, 503);
  });

  it('serves the chunks the loader imports, by hashed name only, cached for good', async () => {
    const app = new Hono<AppEnv>();
    const asked: string[] = [];
    const bundle = async (file: string) => {
      asked.push(file);
      return file === 'chunks/schedule-picker-DYHW5iEK.js' ? 'export const picker = 1;' : undefined;
    };
    mountEmbedRoutes(app, { apiBasePath: '/api/iop/', allowedOrigins: [center], bundle });
    const chunk = await app.request('https://api.center.example/api/iop/embed/assets/chunks/schedule-picker-DYHW5iEK.js');
    assert.equal(chunk.status, 200);
    assert.equal(await chunk.text(), 'export const picker = 1;');
    assert.match(chunk.headers.get('cache-control') ?? '', /immutable/);
    assert.match(chunk.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal((await app.request('https://api.center.example/api/iop/embed/assets/chunks/missing-AAAAAAAA.js')).status, 404);
    assert.equal((await app.request('https://api.center.example/api/iop/embed/assets/chunks/passwd')).status, 404);
    assert.equal((await app.request('https://api.center.example/api/iop/embed/assets/chunks/..%2F..%2Fsecret-AAAAAAAA.js')).status, 404);
    assert.deepEqual(asked, ['chunks/schedule-picker-DYHW5iEK.js', 'chunks/missing-AAAAAAAA.js']);
  });

  it("frames only the page's own origin when no center origin is configured", () => {
    assert.match(embedPolicy([]), /frame-ancestors 'self'/);
  });
});
