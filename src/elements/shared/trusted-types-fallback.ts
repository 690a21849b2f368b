/**
 * A host whose policy says `trusted-types 'none'` makes Lit throw while it loads, so no widget is
 * ever defined and each tag would stay an empty box. Imported first by the bundle, this module
 * needs no Lit: after the bundle has run (or stopped), any widget tag still undefined gets a plain
 * sentence with the center's phone link, built with textContent only.
 */
import { clientFor } from '../../client/shared-clients.js';
import { frameableTags } from '../../domain/frame-messages.js';
import { toLocale } from '../../i18n/locale.js';

const sentences = {
  en: { withPhone: 'This form cannot open on this page. Please call {center} at ', withoutPhone: 'This form cannot open on this page. Please call the center.' },
  es: { withPhone: 'Este formulario no puede abrirse en esta página. Llame a {center} al ', withoutPhone: 'Este formulario no puede abrirse en esta página. Llame al centro.' },
} as const;

/** Digits and a leading plus only: a `tel:` link can then hold nothing else. */
function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

async function showFallback(tag: HTMLElement): Promise<void> {
  if (tag.shadowRoot || tag.dataset.iopFallback) return;
  tag.dataset.iopFallback = 'shown';
  const locale = toLocale(tag.getAttribute('locale')) ?? toLocale(tag.closest('[lang]')?.getAttribute('lang')) ?? 'en';
  const apiBase = tag.getAttribute('api-base') ?? tag.closest('iop-provider')?.getAttribute('api-base');
  const paragraph = document.createElement('p');
  paragraph.setAttribute('role', 'status');
  paragraph.textContent = sentences[locale].withoutPhone;
  tag.append(paragraph);
  if (!apiBase) return;
  try {
    const { center } = await clientFor(apiBase).listPrograms();
    const link = document.createElement('a');
    link.href = telHref(center.phone);
    link.textContent = center.phone;
    paragraph.textContent = sentences[locale].withPhone.replace('{center}', center.name);
    paragraph.append(link, '.');
  } catch {
    // The sentence without a number still tells the person what to do.
  }
}

/** The sentence in every widget tag that is still undefined (the CDN loader calls it when a widget's module failed). */
export function showFallbacks(): void {
  document.querySelectorAll<HTMLElement>(frameableTags.join(',')).forEach((tag) => {
    if (!customElements.get(tag.localName)) void showFallback(tag);
  });
}

function litFailed(): boolean {
  return !customElements.get('iop-provider') && !frameableTags.some((tag) => customElements.get(tag));
}

if (typeof document !== 'undefined' && typeof customElements !== 'undefined') {
  // Module code of one bundle runs in one task: a microtask sees whether the rest of it defined anything.
  queueMicrotask(() => {
    if (!litFailed()) return;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showFallbacks, { once: true });
    else showFallbacks();
  });
}
