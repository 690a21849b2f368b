import { html, type TemplateResult } from 'lit';

/** Digits and a leading plus only: a `tel:` link can then hold nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/**
 * A translated sentence with the center's phone number in it as a `tel:` link, wherever each
 * language puts the number: on a phone, one tap calls the center.
 */
export function withPhoneLink(sentence: string, phone: string | undefined): TemplateResult | string {
  const at = phone ? sentence.indexOf(phone) : -1;
  if (!phone || at === -1) return sentence;
  return html`${sentence.slice(0, at)}<a href=${telHref(phone)}>${phone}</a>${sentence.slice(at + phone.length)}`;
}
