import { html, nothing, type TemplateResult } from 'lit';
import { spokenReferenceCode } from '../../domain/reference-code.js';
import { translate, type Locale } from '../../i18n/locale.js';
import { sharedMessages } from '../../i18n/messages.js';

/**
 * The receipt's reference, large enough to read out on the phone; a screen reader spells it one
 * symbol at a time instead of guessing at a word. Nothing when the server gave none.
 */
export function referenceLine(reference: string | undefined, locale: Locale): TemplateResult | typeof nothing {
  if (!reference) return nothing;
  return html`<p class="reference" part="reference">
    ${translate(sharedMessages, locale, 'reference')}
    <strong class="reference-code"><span aria-hidden="true">${reference}</span><span class="visually-hidden">${spokenReferenceCode(reference)}</span></strong>
    <span class="hint">${translate(sharedMessages, locale, 'referenceHint')}</span>
  </p>`;
}
