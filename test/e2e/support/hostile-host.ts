/**
 * A center's website gone wrong, for the isolation tests: the reference API on one loopback origin,
 * a host site on another (127.0.0.2) that runs a tracker hooking everything a real pixel or
 * session-replay script can hook, and an attacker site on a third (127.0.0.3). Also canary search
 * in the forms trackers use to ship data: plain, lower-case, URL-encoded, base64 and SHA-256.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { freePort, startReferenceServer as startServerProcess } from '../../support/reference-server-process.mjs';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
}

export interface ReferenceServer {
  readonly origin: string;
  readonly apiBase: string;
  stop(): void;
}

/** The reference server (server/main.ts) on 127.0.0.1, allowing `allowedOrigins`. */
export async function startReferenceServer(allowedOrigins: string[]): Promise<ReferenceServer> {
  const server = await startServerProcess({
    env: { IOP_ALLOWED_ORIGINS: allowedOrigins.join(','), IOP_RATE_LIMIT_WRITES_PER_MINUTE: '100000' },
  });
  return { origin: server.origin, apiBase: `${server.origin}/api/iop/`, stop: server.stop };
}

/**
 * Runs before anything else on the host page, as a tag manager would. It keeps what it sees in
 * `window.__trackerLog` (the test reads it; a real one would beacon it home).
 */
export const trackerScript = String.raw`
(() => {
  const log = [];
  window.__trackerLog = log;
  const text = (value) => {
    try {
      if (value == null) return '';
      if (typeof value === 'string') return value;
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
      if (value instanceof URLSearchParams || value instanceof FormData) return [...value].join('&');
      return String(value);
    } catch { return ''; }
  };
  const record = (channel, ...values) => log.push(channel + ' ' + values.map(text).join(' | '));
  const types = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'paste', 'focusin', 'click', 'submit'];
  const listen = (target, where) => {
    for (const type of types)
      target.addEventListener(type, (event) => {
        const origin = event.composedPath()[0];
        record(where + ':' + type, event.key, event.data, origin && origin.value, event.target && event.target.value, origin && origin.textContent && origin.textContent.slice(0, 200));
      }, true);
  };
  listen(document, 'document');
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, { ...init, mode: 'open' });
    listen(root, 'shadow');
    return root;
  };
  for (const Type of [HTMLInputElement, HTMLTextAreaElement, HTMLSelectElement]) {
    const descriptor = Object.getOwnPropertyDescriptor(Type.prototype, 'value');
    Object.defineProperty(Type.prototype, 'value', {
      configurable: true,
      get() { const value = descriptor.get.call(this); record('value-get', value); return value; },
      set(value) { record('value-set', value); descriptor.set.call(this, value); },
    });
  }
  const fetch0 = window.fetch;
  window.fetch = function (input, init) { record('fetch', input instanceof Request ? input.url : input, init && init.body); return fetch0.apply(this, arguments); };
  const open0 = XMLHttpRequest.prototype.open, send0 = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) { record('xhr-open', url); return open0.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function (body) { record('xhr-send', body); return send0.apply(this, arguments); };
  const beacon0 = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => { record('beacon', url, data); return beacon0(url, data); };
  const stringify0 = JSON.stringify;
  JSON.stringify = function () { const out = stringify0.apply(JSON, arguments); record('json', out); return out; };
  for (const name of ['encrypt', 'digest', 'importKey', 'sign']) {
    const original = crypto.subtle[name].bind(crypto.subtle);
    crypto.subtle[name] = (...args) => { record('subtle-' + name, ...args.filter((arg) => arg instanceof ArrayBuffer || ArrayBuffer.isView(arg))); return original(...args); };
  }
  window.dataLayer = window.dataLayer || [];
  const push0 = window.dataLayer.push.bind(window.dataLayer);
  window.dataLayer.push = (...items) => { record('dataLayer', stringify0(items)); return push0(...items); };
  window.fbq = (...args) => record('fbq', stringify0(args));
  for (const name of ['iop-booking-confirmed', 'iop-intake-submitted', 'iop-eligibility-checked', 'iop-rsvp-confirmed'])
    document.addEventListener(name, (event) => {
      record('event', name, stringify0(event.detail ?? {}), stringify0(Object.fromEntries(Object.entries(event))));
      window.dataLayer.push({ event: name, detail: event.detail });
      window.fbq('trackCustom', name, event.detail ?? {});
    });
  new MutationObserver(() => record('title', document.title)).observe(document.head, { subtree: true, childList: true, characterData: true });
  setInterval(() => navigator.sendBeacon('/collect', stringify0({ url: location.href, title: document.title, events: window.dataLayer.length })), 500);
})();
`;

/** Served by the attacker origin inside the host page: it forges messages both ways. */
const attackerScript = String.raw`
const forged = [
  { protocol: 'iop-frame/1', kind: 'outcome', event: 'iop-rsvp-confirmed', id: 'forged-1', status: 'confirmed' },
  { protocol: 'iop-frame/1', kind: 'height', px: 7 },
  { protocol: 'iop-frame/1', kind: 'ready' },
];
const toFrame = { protocol: 'iop-frame/1', kind: 'locale', locale: 'es' };
setInterval(() => {
  for (const message of forged) parent.postMessage(message, '*');
  for (let i = 0; i < parent.frames.length; i += 1) parent.frames[i].postMessage(toFrame, '*');
}, 50);
`;

export interface HostSite {
  readonly origin: string;
  readonly attackerOrigin: string;
  /** Bodies sent to the host's own /collect, as a tracker's server would keep them. */
  readonly collected: string[];
  /** Adds a page; `csp` becomes its Content-Security-Policy header. */
  page(path: string, html: string, csp?: string): void;
  close(): Promise<void>;
}

export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, { html: string; csp?: string }>();
  const collected: string[] = [];
  const port = await freePort('127.0.0.2');
  const handler = (attacker: boolean) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        collected.push(`${path} ${body}`);
        res.writeHead(204).end();
      });
      return;
    }
    if (attacker) {
      if (path === '/attacker.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(attackerScript);
      else if (path === '/attacker.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>ad</title><script src="/attacker.js"></script>');
      else res.writeHead(404).end();
      return;
    }
    if (path === '/tracker.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(trackerScript);
    const page = pages.get(path);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(page.csp ? { 'content-security-policy': page.csp } : {}) }).end(page.html);
  };
  const host: Server = createServer(handler(false));
  const attacker: Server = createServer(handler(true));
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.2', resolve));
  await new Promise<void>((resolve) => attacker.listen(port, '127.0.0.3', resolve));
  return {
    origin: `http://127.0.0.2:${port}`,
    attackerOrigin: `http://127.0.0.3:${port}`,
    collected,
    page: (path, html, csp) => pages.set(path, { html, ...(csp ? { csp } : {}) }),
    close: async () => {
      host.closeAllConnections();
      attacker.closeAllConnections();
      await Promise.all([new Promise((resolve) => host.close(resolve)), new Promise((resolve) => attacker.close(resolve))]);
    },
  };
}

/** A unique value and every form a tracker might ship it in. */
export function canaryForms(value: string): string[] {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const lower = value.toLowerCase();
  return [...new Set([value, lower, encodeURIComponent(value), encodeURIComponent(lower), Buffer.from(value).toString('base64'), Buffer.from(lower).toString('base64'), sha(value), sha(lower)])];
}

/** The canaries (by their plain value) found in `haystack` in any form. */
export function canariesIn(haystack: string, canaries: readonly string[]): string[] {
  const lowerHaystack = haystack.toLowerCase();
  return canaries.filter((canary) => canaryForms(canary).some((form) => haystack.includes(form) || lowerHaystack.includes(form.toLowerCase())));
}

/** Everything a script of this origin can read back later: web storage, cookies, IndexedDB (bytes as base64). */
// A string, not a function: tsx would add its own helpers to a function, and the page has none.
const dumpStorageSource = String.raw`(async () => {
  // A frame whose storage the browser blocks (third-party storage) throws on access: say so instead.
  const read = (what) => { try { return what(); } catch (error) { return 'blocked: ' + error.name; } };
  const parts = [read(() => document.cookie), read(() => JSON.stringify({ ...localStorage })), read(() => JSON.stringify({ ...sessionStorage }))];
  const bytes = (value) => {
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
      const view = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      return 'bytes:' + btoa(String.fromCharCode(...view));
    }
    if (Array.isArray(value)) return value.map(bytes);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, bytes(inner)]));
    return value;
  };
  const ask = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const databases = await Promise.resolve().then(() => indexedDB.databases()).catch((error) => (parts.push('indexedDB blocked: ' + error.name), []));
  for (const info of databases) {
    if (!info.name) continue;
    const db = await ask(indexedDB.open(info.name));
    for (const store of [...db.objectStoreNames]) {
      const keys = await ask(db.transaction(store).objectStore(store).getAllKeys());
      const values = await ask(db.transaction(store).objectStore(store).getAll());
      parts.push(info.name + '/' + store + ': ' + JSON.stringify(bytes(keys)) + ' ' + JSON.stringify(bytes(values)));
    }
    db.close();
  }
  return parts.join('\n');
})()`;

export function dumpStorage(target: Page | Frame): Promise<string> {
  return target.evaluate(dumpStorageSource) as Promise<string>;
}

export interface Focus {
  inFrame: boolean;
  tag: string;
  id: string;
  text: string;
  className: string;
  /** A control's `type` (`radio`, `submit`, `date`, ...) and `name`; empty otherwise. */
  type: string;
  name: string;
  checked: boolean;
}

/** The focused element, looking through shadow roots and into the isolation frame. */
export async function deepFocus(page: Page): Promise<Focus> {
  const describe = () => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    // `checked`, `type` and `name` only: reading `value` would feed the host tracker's hooks.
    const control = active as Partial<HTMLInputElement> | null;
    return {
      tag: active?.localName ?? '',
      id: active?.id ?? '',
      text: (active?.textContent ?? '').trim().slice(0, 80),
      className: String(active?.className ?? ''),
      type: typeof control?.type === 'string' ? control.type : '',
      name: typeof control?.name === 'string' ? control.name : '',
      checked: control?.checked === true,
    };
  };
  const top = await page.evaluate(describe);
  if (top.tag !== 'iframe') return { inFrame: false, ...top };
  const frame = embedFrame(page);
  if (!frame) throw new Error('focus is on an iframe that is not the isolation frame');
  return { inFrame: true, ...(await frame.evaluate(describe)) };
}

export function embedFrame(page: Page): Frame | undefined {
  return page.frames().find((frame) => frame.url().includes('/api/iop/embed/'));
}

/** Presses Tab until the focused element matches, so the test walks the page as a keyboard user would. */
export async function tabTo(page: Page, matches: (focus: Focus) => boolean, limit = 120): Promise<Focus> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    let focus = await deepFocus(page);
    // Focus crossing the isolation frame's edge moves between processes: while it rests on the frame's
    // body it is on its way (out to the host page, or in to the first control), so let it arrive
    // before pressing again; a second Tab would skip past where it was going.
    for (let looks = 0; focus.inFrame && (focus.tag === 'body' || focus.tag === '') && looks < 50; looks += 1) {
      await page.waitForTimeout(100);
      focus = await deepFocus(page);
    }
    if (matches(focus)) return focus;
  }
  throw new Error(`focus never reached the element after ${limit} Tab presses`);
}
