/**
 * Dates, times and money through Intl, always in a stated time zone: a center's times are shown in
 * the center's zone (and the visitor's beside them when different), never the device's by accident.
 */
import { pluralsOf, type Locale } from './locale.js';

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

const listFormats = new Map<Locale, Intl.ListFormat>();

/** "Monday, Wednesday and Thursday" / "lunes, miércoles y jueves". */
export function formatList(items: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(tags[locale], { type: 'conjunction' })));
  return format.format(items);
}

const dateFieldFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as the browser's own date field shows it, e.g. "04/27/1988" or "27/4/1988". A native date
 * field follows the browser's language, not the page's, so a hint written for the page's language
 * could name the wrong order of day and month: this one matches what the field expects.
 */
export function formatDateFieldExample(isoDate: string, browserLanguage: string | undefined): string {
  const key = browserLanguage ?? '';
  let format = dateFieldFormats.get(key);
  if (!format) {
    let tag = browserLanguage;
    try {
      tag = Intl.DateTimeFormat.supportedLocalesOf(tag ?? [])[0];
    } catch {
      tag = undefined;
    }
    format = new Intl.DateTimeFormat(tag ?? 'en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
    dateFieldFormats.set(key, format);
  }
  return format.format(new Date(`${isoDate}T12:00:00Z`));
}

/** What a widget's first screen formats, so that `formatWarmups` can build it ahead of need. */
export interface FormatNeeds {
  locale: Locale;
  /** Zones whose times are shown (a zone's first formatter loads its rules, and the first of all loads the zone data). */
  timeZones?: readonly string[];
  lists?: boolean;
  money?: boolean;
}

/**
 * The formatters a first screen needs, one step each, for the caller to run in separate tasks. The
 * first formatter of each Intl kind on a page costs far more than the next (the engine builds its
 * locale data once, and the first time-zone-aware one loads the zone rules): tens of milliseconds
 * each on a phone, which in one render added up to a long task. Built here, each lands in the caches
 * above, where the render finds it.
 */
export function formatWarmups({ locale, timeZones = [], lists = false, money = false }: FormatNeeds): Array<() => void> {
  const noon = new Date('2026-01-05T12:00:00Z');
  return [
    () => formatDate(noon, locale, 'UTC'),
    ...timeZones.map((zone) => () => formatTime(noon, locale, zone, true)),
    () => pluralsOf(locale).numbers.format(2),
    ...(lists ? [() => formatList(['a', 'b'], locale)] : []),
    ...(money ? [() => formatMoney(100, locale)] : []),
  ];
}
