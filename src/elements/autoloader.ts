/**
 * The CDN entry, `dist/cdn/iop-widgets.js`: a small loader that defines each element the first time
 * its tag is on the page (as the autoloaders of Shoelace and Web Awesome do), so a page downloads
 * only the widgets it shows, plus the chunks they share. A page with no tag downloads nothing more.
 * Chunk addresses are relative to this module, so the loader works from any origin, under a strict
 * policy (no inline script, no eval). `dist/cdn/iop-widgets.all.js` still defines everything at once.
 */
const elementModules: Record<string, () => Promise<unknown>> = {
  'iop-provider': () => import('./provider/provider.js'),
  'iop-intake-screener': () => import('./intake-screener/intake-screener.js'),
  'iop-schedule-picker': () => import('./schedule-picker/schedule-picker.js'),
  'iop-insurance-verification': () => import('./insurance-verification/insurance-verification.js'),
  'iop-alumni-browser': () => import('./alumni-browser/alumni-browser.js'),
};
/** Filled in by the CDN build: per tag, the chunks its module imports, fetched together (absent from source). */
declare const __IOP_CHUNK_GRAPH__: Record<string, readonly string[]> | undefined;
const chunkGraph = typeof __IOP_CHUNK_GRAPH__ === 'undefined' ? {} : __IOP_CHUNK_GRAPH__;
const selector = Object.keys(elementModules).join(',');
/** The four widgets (frame-messages.ts `frameableTags`, not imported: the loader stays one small file). */
const widgetTags = Object.keys(elementModules).filter((tag) => tag !== 'iop-provider');
const requested = new Set<string>();

// Room for each widget's first screen until its module defines it, so nothing below it moves when it
// arrives; the widget keeps the same room until the person acts (shared/first-screen-reservation.ts).
// A constructed sheet, not a <style>, so that a policy with `style-src 'self'` allows it.
// The same sizes as first-screen-reservation.ts `reservedBlockSize` (a test compares them), written
// out here so that the loader imports nothing before it can start.
const reservedBlockSize: Record<string, string> = {
  'iop-intake-screener': 'min(100svh, 48rem)',
  'iop-schedule-picker': '100svh',
  'iop-insurance-verification': 'clamp(28rem, calc(52rem - 30vw), 41rem)',
  'iop-alumni-browser': '100svh',
};
const reserved = Object.entries(reservedBlockSize)
  .map(([tag, size]) => `${tag}:not(:defined){display:block;min-block-size:var(--iop-reserved-block-size,${size})}`)
  .join('');

/** Widgets whose module failed to load (a host with `trusted-types 'none'` stops Lit): a phone link instead of an empty box. */
async function loadFailed(tag: string): Promise<void> {
  if (widgetTags.includes(tag)) {
    const frame = document.querySelector(`meta[name="iop-embed-parent"]`) ? await import('./shared/frame-child.js') : undefined;
    frame?.reportScriptFailed();
    const { showFallbacks } = await import('./shared/trusted-types-fallback.js');
    showFallbacks();
  }
}

function define(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  load(tag).catch(() => loadFailed(tag));
}

/**
 * The browser's next task: scheduler.yield() where there is one (its continuation goes first), else a timer.
 * The same as shared/next-task.ts on purpose: importing that module would make this 1 kB loader load
 * the Lit chunk on pages with no widget.
 */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
};

/**
 * Fetches a tag's module and its shared chunks all at once, then evaluates the shared chunks one task
 * each before the element's own module: evaluated as one graph, Lit, the data layer and the widget
 * were one task of several hundred milliseconds on a phone, during which a tap could not be answered.
 */
async function load(tag: string): Promise<void> {
  const [own, ...shared] = (chunkGraph[tag] ?? []).map((chunk) => new URL(chunk, import.meta.url).href);
  for (const href of own ? [own, ...shared] : []) preload(href);
  // The graph lists a module's imports after it: from the end, a chunk's own imports mostly come first
  // (one that does not is evaluated with its importer, still correct).
  for (const href of shared.reverse()) {
    await import(/* @vite-ignore */ href);
    await nextTask();
  }
  await elementModules[tag]?.();
}

const preloaded = new Set<string>();
/** Starts fetching a module now; the import that needs it later finds it fetched (a policy that allows the loader allows it). */
function preload(href: string): void {
  if (preloaded.has(href)) return;
  preloaded.add(href);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  document.head.append(link);
}

function discover(root: ParentNode): void {
  if (root instanceof Element && root.matches(selector)) define(root.localName);
  for (const element of root.querySelectorAll(selector)) define(element.localName);
}

function reserveRoom(): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(reserved);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // Without constructed sheets the page only loses the reserved room.
  }
}

function start(): void {
  const embedPage = Boolean(document.querySelector('meta[name="iop-embed-parent"]'));
  // Not on the isolation frame's page, whose widget's height the frame reports to the host.
  if (!embedPage) reserveRoom();
  // The isolation frame's page: the frame side starts first, before its widget is defined.
  if (embedPage) void import('./shared/frame-child.js');
  discover(document);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') start();
