/**
 * The center's own words in the reader's language. Programs, tracks, sessions and the self-pay
 * summary may carry `translations: { es: { ...same text fields } }`; English is the text itself.
 */

/** Anything the center wrote that may carry translations of some of its fields. */
export interface Translatable {
  translations?: { es?: object | undefined } | undefined;
}

const hasText = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && item.trim() !== ''));

/**
 * The item with each field replaced by its translation in `locale` where one is given and not
 * blank, the item's own (English) text otherwise. Returns the same object when nothing changes, so
 * callers can memoise on identity.
 */
export function localizedText<T extends Translatable>(item: T, locale: string): T {
  if (locale === 'en') return item;
  const translation = (item.translations as Record<string, object | undefined> | undefined)?.[locale] as Record<string, unknown> | undefined;
  if (!translation) return item;
  const changes = Object.entries(translation).filter(([key, value]) => key !== 'translations' && hasText(value));
  return changes.length === 0 ? item : { ...item, ...Object.fromEntries(changes) };
}


/**
 * A copy of the item with `field` translated into `locale` (a blank value removes that translation,
 * and an empty translation is removed whole), as a settings form sets one Spanish field at a time.
 */
export function withTranslation<T extends Translatable>(item: T, locale: string, field: string, value: string | readonly string[]): T {
  const translations = { ...(item.translations as Record<string, Record<string, unknown> | undefined> | undefined) };
  const fields = { ...translations[locale] };
  if (hasText(value)) fields[field] = value;
  else delete fields[field];
  if (Object.keys(fields).length) translations[locale] = fields;
  else delete translations[locale];
  const copy = { ...item } as T & { translations?: unknown };
  if (Object.keys(translations).length) copy.translations = translations;
  else delete copy.translations;
  return copy;
}
