/** Locales the suite speaks. Spanish is first-class: many centers serve Spanish-speaking families. */
export type Locale = 'en' | 'es';
export const locales: readonly Locale[] = ['en', 'es'];

/** Each language's own name, as the language switch shows it (in that language, with its `lang`). */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español' };

/** Reads a locale from an attribute value or a page's `lang`, falling back to English. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === primary);
}

/** The first of the browser's preferred languages (`navigator.languages`) that the suite speaks. */
export function preferredLocale(languages: readonly string[] | undefined): Locale | undefined {
  for (const language of languages ?? []) {
    const locale = toLocale(language);
    if (locale) return locale;
  }
  return undefined;
}

export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralTags = { en: 'en-US', es: 'es-US' } as const;

// `{count, plural, =0 {none} one {# place} other {# places}}`: the ICU MessageFormat subset the
// catalogs need, so that "1 places" cannot happen in any language (Intl.PluralRules picks the form).
const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralOption = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

function pluralOf(locale: Locale, count: number, options: string): string {
  const forms = new Map([...options.matchAll(pluralOption)].map((match) => [match[1]!, match[2]!]));
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(pluralTags[locale])));
  let numbers = numberFormats.get(locale);
  if (!numbers) numberFormats.set(locale, (numbers = new Intl.NumberFormat(pluralTags[locale])));
  const form = forms.get(`=${count}`) ?? forms.get(rules.select(count)) ?? forms.get('other') ?? '';
  return form.replace(/#/g, numbers.format(count));
}

/**
 * Looks up a message and fills `{name}` placeholders and `{name, plural, ...}` choices. Catalogs
 * are plain objects typed so that a Spanish catalog missing a key is a compile error, not a blank
 * on screen.
 */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const template = catalog[locale][key] ?? catalog.en[key];
  return template
    .replace(pluralPattern, (match, name: string, options: string) => (typeof params[name] === 'number' ? pluralOf(locale, params[name], options) : match))
    .replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
