/** Locales the suite speaks. Spanish is first-class: many centers serve Spanish-speaking families. */
export type Locale = 'en' | 'es';
export const locales: readonly Locale[] = ['en', 'es'];

/** Reads a locale from an attribute value or a page's `lang`, falling back to English. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  const primary = value?.trim().toLowerCase().split(/[-_]/)[0];
  return locales.find((locale) => locale === primary);
}

export type Catalog<K extends string> = Record<Locale, Record<K, string>>;

/**
 * Looks up a message and fills `{name}` placeholders. Catalogs are plain objects typed so that a
 * Spanish catalog missing a key is a compile error, not a blank on screen.
 */
export function translate<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const template = catalog[locale][key] ?? catalog.en[key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
