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

/**
 * A catalog whose English is inline and whose other languages are fetched the first time they are
 * asked for (a page in English never downloads the Spanish words). Until they arrive, `translate`
 * answers in English and `languagesPending()` says what to wait for; `onLanguageLoaded` tells
 * whoever renders to render again.
 */
export interface LazyCatalog<K extends string> {
  readonly en: Record<K, string>;
  es?: Record<K, string>;
  readonly load: { readonly [L in Exclude<Locale, 'en'>]: () => Promise<Record<K, string>> };
}

const pendingLoads = new Map<LazyCatalog<string>, Promise<void>>();
const loadListeners = new Set<() => void>();

function requestLanguage(catalog: LazyCatalog<string>, locale: Exclude<Locale, 'en'>): void {
  if (pendingLoads.has(catalog)) return;
  const loading = catalog.load[locale]().then(
    (messages) => {
      catalog[locale] = messages;
    },
    () => {
      // Offline or blocked: the English words stay; asked again on the next render.
    },
  );
  pendingLoads.set(
    catalog,
    loading.then(() => {
      pendingLoads.delete(catalog);
      for (const listener of loadListeners) listener();
    }),
  );
}

/** Settles once every language being fetched has arrived (or failed); undefined when none is. */
export function languagesPending(): Promise<void> | undefined {
  return pendingLoads.size ? Promise.all(pendingLoads.values()).then(() => undefined) : undefined;
}

/** Called after each language arrives; returns the unsubscribe. */
export function onLanguageLoaded(listener: () => void): () => void {
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}

/** Starts fetching a lazy catalog's language now (e.g. when a widget learns its locale), so its first render can wait for it. */
export function prepareLanguage<K extends string>(catalog: Catalog<K> | LazyCatalog<K>, locale: Locale): void {
  if (locale !== 'en' && !catalog[locale] && 'load' in catalog) requestLanguage(catalog as LazyCatalog<string>, locale);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralTags = { en: 'en-US', es: 'es-US' } as const;

// `{count, plural, =0 {none} one {# place} other {# places}}`: the ICU MessageFormat subset the
// catalogs need, so that "1 places" cannot happen in any language (Intl.PluralRules picks the form).
const pluralPattern = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralOption = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The plural rules and number format of `locale`, built on first use (format.ts `formatWarmups` builds them ahead of a first screen). */
export function pluralsOf(locale: Locale): { rules: Intl.PluralRules; numbers: Intl.NumberFormat } {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(pluralTags[locale])));
  let numbers = numberFormats.get(locale);
  if (!numbers) numberFormats.set(locale, (numbers = new Intl.NumberFormat(pluralTags[locale])));
  return { rules, numbers };
}

function pluralOf(locale: Locale, count: number, options: string): string {
  const forms = new Map([...options.matchAll(pluralOption)].map((match) => [match[1]!, match[2]!]));
  const { rules, numbers } = pluralsOf(locale);
  const form = forms.get(`=${count}`) ?? forms.get(rules.select(count)) ?? forms.get('other') ?? '';
  return form.replace(/#/g, numbers.format(count));
}

/**
 * Looks up a message and fills `{name}` placeholders and `{name, plural, ...}` choices. Catalogs
 * are plain objects typed so that a Spanish catalog missing a key is a compile error, not a blank
 * on screen. A lazy catalog's language not fetched yet answers in English and starts the fetch.
 */
export function translate<K extends string>(
  catalog: Catalog<K> | LazyCatalog<K>,
  locale: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  prepareLanguage(catalog, locale);
  const template = catalog[locale]?.[key] ?? catalog.en[key];
  return template
    .replace(pluralPattern, (match, name: string, options: string) => (typeof params[name] === 'number' ? pluralOf(locale, params[name], options) : match))
    .replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
