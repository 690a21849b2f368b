/**
 * The frame side of isolation mode, started by the bundle on the reference server's embed page
 * (`<meta name="iop-embed-parent">`). It tells the host element its height, relays the widget's
 * outcome events as id + status, and applies the locale and theme the host sends. It uses no Lit,
 * so it also reports a widget that failed to start.
 */
import {
  FRAME_PROTOCOL,
  frameableTags,
  outcomeEventNames,
  outcomeFields,
  readParentMessage,
  type ChildMessage,
} from '../../domain/frame-messages.js';

export const EMBED_PARENT_META = 'iop-embed-parent';
/** How long a widget may show only a loading line before its height is reported anyway. */
const UNSETTLED_REPORT_MS = 3000;

function startFrameChild(parentOrigin: string): void {
  const widget = document.querySelector<HTMLElement>(frameableTags.join(','));
  const post = (message: ChildMessage) => window.parent.postMessage(message, parentOrigin);

  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    const message = readParentMessage(event.data);
    if (!message || !widget) return;
    if (message.kind === 'locale') widget.setAttribute('locale', message.locale);
    else for (const [name, value] of Object.entries(message.properties)) document.documentElement.style.setProperty(name, value);
  });

  if (!widget) {
    post({ protocol: FRAME_PROTOCOL, kind: 'error', code: 'unknown-widget' });
    return;
  }
  for (const name of outcomeEventNames) {
    widget.addEventListener(name, (event) => {
      const fields = outcomeFields(event);
      if (fields) post({ protocol: FRAME_PROTOCOL, kind: 'outcome', event: name, ...fields });
    });
  }

  // The host keeps room for a first step until the first height arrives, so the first height sent is
  // the first step's: not the empty page before the bundle defines the widget, nor a state with a
  // "Loading" line (class `loading`), each of which would make the page around the frame jump. A
  // widget that never gets past loading is sized after a short wait all the same.
  let lastHeight = -1;
  let settled = false;
  const hasContent = () => Boolean(widget.shadowRoot?.querySelector('*') && !widget.shadowRoot.querySelector('.loading'));
  const reportHeight = () => {
    settled ||= hasContent();
    if (!settled) return;
    const px = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (px !== lastHeight) {
      lastHeight = px;
      post({ protocol: FRAME_PROTOCOL, kind: 'height', px });
    }
  };
  new ResizeObserver(reportHeight).observe(document.body);
  // The first content may not change the body's size from the last check: watch the widget's tree too.
  const watchContent = new MutationObserver(() => {
    reportHeight();
    if (settled) watchContent.disconnect();
  });
  const observeShadow = () => {
    if (widget.shadowRoot) watchContent.observe(widget.shadowRoot, { childList: true, subtree: true });
  };
  void customElements.whenDefined(widget.localName).then(observeShadow);
  setTimeout(() => {
    settled = true;
    reportHeight();
  }, UNSETTLED_REPORT_MS);
  post({ protocol: FRAME_PROTOCOL, kind: 'ready' });
  reportHeight();

  // The element is defined later (by the same bundle, or by the module the CDN loader fetches); if it
  // is not by the time the height is reported anyway, the script failed. The loader says so at once.
  reportFailure = () => post({ protocol: FRAME_PROTOCOL, kind: 'error', code: 'script-failed' });
  setTimeout(() => {
    if (!customElements.get(widget.localName)) reportScriptFailed();
  }, UNSETTLED_REPORT_MS);
}

let reportFailure: (() => void) | undefined;
/** Tells the host page that the widget's script failed to define it (once). */
export function reportScriptFailed(): void {
  reportFailure?.();
  reportFailure = undefined;
}

const parentOrigin = typeof document === 'undefined' ? null : document.querySelector<HTMLMetaElement>(`meta[name="${EMBED_PARENT_META}"]`)?.content;
if (parentOrigin && window.parent !== window) startFrameChild(parentOrigin);
