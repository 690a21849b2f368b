/**
 * Dates, times and money through Intl, always in a stated time zone: a center's times are shown in
 * the center's zone (and the visitor's beside them when different), never the device's by accident.
 */
import type { Locale } from './locale.js';

const tags: Record<Locale, string> = { en: 'en-US', es: 'es-US' };

// Building an Intl formatter costs tens of microseconds (much more for the first of a page) and a
// calendar asks for hundreds of labels per render; formatting with a built one costs a few. Each is
// built on first use, never at module top level, and kept: the set of options in use is small.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    if (dateFormats.size >= 200) dateFormats.clear();
    format = new Intl.DateTimeFormat(tags[locale], options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(instant: Date | string, locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions = {}): string {
  return dateFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone, ...options }).format(new Date(instant));
}

export function formatTime(instant: Date | string, locale: Locale, timeZone: string, withZone = false): string {
  return dateFormat(locale, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    ...(withZone ? { timeZoneName: 'short' } : {}),
  }).format(new Date(instant));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
const ageFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** Whole dollars when the amount is whole: "$1,200", "$37.50". */
export function formatMoney(cents: number, locale: Locale, currency = 'USD'): string {
  const whole = cents % 100 === 0;
  const key = `${locale}|${currency}|${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tags[locale], { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}

/** "5 minutes ago" / "hace 5 minutos": how old cached data is when shown offline. */
export function formatAge(ageMs: number, locale: Locale): string {
  let format = ageFormats.get(locale);
  if (!format) ageFormats.set(locale, (format = new Intl.RelativeTimeFormat(tags[locale], { numeric: 'auto' })));
  const minutes = Math.round(ageMs / 60000);
  if (Math.abs(minutes) < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}

/**
 * A date as the browser's own date field shows it, e.g. "04/27/1988" or "27/4/1988". A native date
 * field follows the browser's language, not the page's, so a hint written for the page's language
 * could name the wrong order of day and month: this one matches what the field expects.
 */
export function formatDateFieldExample(isoDate: string, browserLanguage: string | undefined): string {
  let tag = browserLanguage;
  try {
    tag = Intl.DateTimeFormat.supportedLocalesOf(tag ?? [])[0];
  } catch {
    tag = undefined;
  }
  return new Intl.DateTimeFormat(tag ?? 'en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}
