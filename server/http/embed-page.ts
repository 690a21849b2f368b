/**
 * The isolation frame: `<api-base>embed/<tag>` is a page on the API origin holding one widget, so
 * what a person types there is out of reach of the center page's scripts. The page has its own
 * strict policy (no inline code, Trusted Types, framing only by the center's allowlisted origins)
 * and loads the CDN bundle from this origin.
 */
import type { Context, Hono } from 'hono';
import { frameableTags, isForwardableAttribute, type FrameableTag } from '../../src/domain/frame-messages.js';
import type { AppEnv } from './app-env.js';

/** What the frame page may do: its own scripts, styles, API calls and images; nothing inline, nothing eval'd. */
export function embedPolicy(allowedOrigins: readonly string[]): string {
  const ancestors = allowedOrigins.length ? allowedOrigins.join(' ') : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${ancestors}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

const FRAME_CSS = 'html,body{margin:0;overflow:hidden;background:transparent}body{padding:5px}\n';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isFrameable(tag: string): tag is FrameableTag {
  return (frameableTags as readonly string[]).includes(tag);
}

function frameHeaders(c: Context, allowedOrigins: readonly string[]): void {
  c.header('content-security-policy', embedPolicy(allowedOrigins));
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  c.header('cross-origin-opener-policy', 'same-origin');
  c.header('permissions-policy', 'camera=(self), geolocation=(), microphone=(), interest-cohort=()');
}

/** The page: one widget tag, its attributes from the query, the bundle; the parent origin for postMessage. */
export function embedPageHtml(tag: FrameableTag, apiBasePath: string, parentOrigin: string, query: URLSearchParams): string {
  const locale = query.get('locale') === 'es' ? 'es' : 'en';
  const attributes = [`api-base="${escapeAttribute(apiBasePath)}"`, 'isolation="inline"'];
  for (const [name, value] of query) {
    if (name === 'locale' || !isForwardableAttribute(name) || value.length > 200) continue;
    attributes.push(`${name}="${escapeAttribute(value)}"`);
  }
  attributes.push(`locale="${locale}"`);
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="iop-embed-parent" content="${escapeAttribute(parentOrigin)}">
<title>${locale === 'es' ? 'Formulario confidencial' : 'Confidential form'}</title>
<link rel="stylesheet" href="assets/frame.css">
<script type="module" src="assets/iop-widgets.js"></script>
</head>
<body><${tag} ${attributes.join(' ')}></${tag}></body>
</html>
`;
}

/** A chunk of the CDN build: a name, a dash and a content hash (no path, no dots but the extension's). */
const CHUNK_NAME = /^[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.js$/;

export interface EmbedOptions {
  readonly apiBasePath: string;
  /** A fixed list, or the current one (the center's settings, read per request). */
  readonly allowedOrigins: readonly string[] | ((c: Context<AppEnv>) => Promise<ReadonlySet<string>>);
  /**
   * A file of the CDN build by its path under dist/cdn/: the loader `iop-widgets.js`, or one of the
   * `chunks/<name>-<hash>.js` it imports; undefined when it has not been built (or does not exist).
   */
  readonly bundle?: (file: string) => Promise<Uint8Array | string | undefined>;
}

export function mountEmbedRoutes(app: Hono<AppEnv>, options: EmbedOptions): void {
  const base = `${options.apiBasePath}embed/`;
  const source = options.allowedOrigins;
  const allowedNow = async (c: Context<AppEnv>): Promise<readonly string[]> => (typeof source === 'function' ? [...(await source(c))] : source);

  app.get(`${base}assets/frame.css`, async (c) => {
    c.set('route', 'embed-asset');
    frameHeaders(c, await allowedNow(c));
    c.header('cache-control', 'public, max-age=300');
    return c.body(FRAME_CSS, 200, { 'content-type': 'text/css; charset=utf-8' });
  });

  app.get(`${base}assets/iop-widgets.js`, async (c) => {
    c.set('route', 'embed-asset');
    const bundle = await options.bundle?.('iop-widgets.js');
    frameHeaders(c, await allowedNow(c));
    if (bundle === undefined) return c.text('The widget bundle has not been built (npm run build).', 503);
    c.header('cache-control', 'public, max-age=300');
    return c.body(typeof bundle === 'string' ? bundle : new Uint8Array(bundle), 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  // The modules the loader imports, relative to it; their names carry a content hash.
  app.get(`${base}assets/chunks/:file`, async (c) => {
    c.set('route', 'embed-asset');
    const name = c.req.param('file') ?? '';
    frameHeaders(c, await allowedNow(c));
    const chunk = CHUNK_NAME.test(name) ? await options.bundle?.(`chunks/${name}`) : undefined;
    if (chunk === undefined) return c.text('Not found', 404);
    c.header('cache-control', 'public, max-age=31536000, immutable');
    return c.body(typeof chunk === 'string' ? chunk : new Uint8Array(chunk), 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });

  app.get(`${base}:tag`, async (c) => {
    c.set('route', 'embed-page');
    const allowed = await allowedNow(c);
    frameHeaders(c, allowed);
    const tag = c.req.param('tag') ?? '';
    const url = new URL(c.req.url);
    const parent = url.searchParams.get('parent') ?? '';
    // The parent origin becomes postMessage's target: only a center's own origin (or this one) may be named.
    if (!isFrameable(tag)) return c.text('There is no such widget.', 404);
    if (parent !== url.origin && !allowed.includes(parent)) return c.text('This page may only be embedded by the center\'s own site.', 403);
    return c.html(embedPageHtml(tag, options.apiBasePath, parent, url.searchParams));
  });
}
