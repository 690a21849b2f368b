/**
 * Filtering alumni session occurrences as meeting finders do (tsml-ui, crouton): by day, time of day,
 * audience, format, topic and language, plus a text search, with a count beside every filter value.
 *
 * Counts are faceted: a value's count is how many occurrences would show if that value were chosen
 * in its group and every other group kept as it is, so "Monday (12)" always means 12 results.
 * Everything per session (text, audience, ...) is decided once per session; the per-occurrence loop
 * is integer work only, which keeps a keystroke cheap with 10,000 occurrences in range.
 */
import { minutesOfDay, weekdayOf } from './zoned-time.js';

/** Meeting-finder bands (tsml-ui); they overlap on purpose, so an 11:30 group is both morning and midday. */
export const timeBands = {
  morning: ['04:00', '11:59'],
  midday: ['11:00', '16:59'],
  evening: ['16:00', '20:59'],
  night: ['20:00', '04:59'],
} as const satisfies Record<string, readonly [string, string]>;

export type TimeOfDay = keyof typeof timeBands;
export const timesOfDay = Object.keys(timeBands) as TimeOfDay[];

/** The audiences a visitor picks from; a session open to "everyone" counts for each of them. */
export const audienceChoices = ['alumni', 'family', 'healthcare-professionals', 'everyone'] as const;
export const formatChoices = ['in-person', 'online', 'hybrid'] as const;

export function timeBandsOf(time: string): TimeOfDay[] {
  const minutes = minutesOfDay(time);
  return timesOfDay.filter((band) => {
    const [from, to] = timeBands[band].map(minutesOfDay) as [number, number];
    // The night band wraps past midnight.
    return from <= to ? minutes >= from && minutes <= to : minutes >= from || minutes <= to;
  });
}

/** What filtering needs of a session; the contract's `AlumniSession` fits. */
export interface FilterableSession {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly topics: readonly string[];
  readonly audience: string;
  readonly format: string;
  readonly language: string;
  readonly facilitator: { readonly firstName: string; readonly role: string };
  readonly location?: string;
  readonly recurrence: { readonly start: string };
}

export interface FilterableOccurrence {
  readonly sessionId: string;
  /** In the center's zone. */
  readonly date: string;
}

export const facets = ['days', 'times', 'audiences', 'formats', 'topics', 'languages'] as const;
export type Facet = (typeof facets)[number];

/** Chosen values per group (none chosen = no restriction) and the search text. Days are `'0'`-`'6'`, Sunday = 0. */
export type SessionFilters = Record<Facet, readonly string[]> & { readonly query: string };

export const noFilters: SessionFilters = { days: [], times: [], audiences: [], formats: [], topics: [], languages: [], query: '' };

export type FacetCounts = Record<Facet, Map<string, number>>;

export interface FilterResult<O> {
  readonly matches: O[];
  readonly counts: FacetCounts;
}

/** Lower case without accents, so "recaida" finds "recaída". */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The values a session has in each group except days (which belong to the occurrence). */
function sessionValues(session: FilterableSession): Record<Exclude<Facet, 'days'>, readonly string[]> {
  return {
    times: timeBandsOf(session.recurrence.start),
    audiences: session.audience === 'everyone' ? audienceChoices : [session.audience],
    // A hybrid session can be joined either way, so it answers "in person" and "online" too.
    formats: session.format === 'hybrid' ? formatChoices : [session.format],
    topics: session.topics,
    languages: [session.language],
  };
}

const sessionFacets = ['times', 'audiences', 'formats', 'topics', 'languages'] as const;
const DAY_BIT = 1 << sessionFacets.length;
const TEXT_BIT = DAY_BIT << 1;

export interface OccurrenceIndex<O extends FilterableOccurrence> {
  readonly occurrences: readonly O[];
  readonly sessions: readonly FilterableSession[];
  /** Per occurrence: its session's position in `sessions` (-1 when the session is unknown). */
  readonly sessionOf: Int32Array;
  readonly weekdayOf: Uint8Array;
  readonly values: readonly ReturnType<typeof sessionValues>[];
  readonly haystacks: readonly string[];
}

/** Work done once per data load, so each keystroke only runs `filterOccurrences`. */
export function indexOccurrences<O extends FilterableOccurrence>(sessions: readonly FilterableSession[], occurrences: readonly O[]): OccurrenceIndex<O> {
  const position = new Map(sessions.map((session, i) => [session.id, i]));
  const sessionOf = new Int32Array(occurrences.length);
  const weekdays = new Uint8Array(occurrences.length);
  const weekdayCache = new Map<string, number>();
  occurrences.forEach((occurrence, i) => {
    sessionOf[i] = position.get(occurrence.sessionId) ?? -1;
    let weekday = weekdayCache.get(occurrence.date);
    if (weekday === undefined) weekdayCache.set(occurrence.date, (weekday = weekdayOf(occurrence.date)));
    weekdays[i] = weekday;
  });
  const haystacks = sessions.map((session) =>
    normalizeText(
      [session.title, session.description ?? '', ...session.topics, session.facilitator.firstName, session.facilitator.role, session.location ?? ''].join('\n'),
    ),
  );
  return { occurrences, sessions, sessionOf, weekdayOf: weekdays, values: sessions.map(sessionValues), haystacks };
}

function queryWords(query: string): string[] {
  return normalizeText(query).split(/\s+/).filter(Boolean);
}

export function matchesQuery(haystack: string, query: string): boolean {
  return queryWords(query).every((word) => haystack.includes(word));
}

function emptyCounts(): FacetCounts {
  return { days: new Map(), times: new Map(), audiences: new Map(), formats: new Map(), topics: new Map(), languages: new Map() };
}

const add = (counts: Map<string, number>, value: string, n: number) => {
  if (n > 0) counts.set(value, (counts.get(value) ?? 0) + n);
};

/** The occurrences that pass every chosen filter (in their given order), and faceted counts. */
export function filterOccurrences<O extends FilterableOccurrence>(index: OccurrenceIndex<O>, filters: SessionFilters): FilterResult<O> {
  const words = queryWords(filters.query);
  const wanted = sessionFacets.map((facet) => new Set(filters[facet]));
  const sessionMasks = index.sessions.map((_, s) => {
    let mask = words.every((word) => index.haystacks[s]!.includes(word)) ? 0 : TEXT_BIT;
    sessionFacets.forEach((facet, bit) => {
      const chosen = wanted[bit]!;
      if (chosen.size && !index.values[s]![facet].some((value) => chosen.has(value))) mask |= 1 << bit;
    });
    return mask;
  });
  const days = new Set(filters.days);
  const dayFails = Array.from({ length: 7 }, (_, day) => days.size > 0 && !days.has(String(day)));
  // Per session: occurrences passing everything, and passing everything but one session facet.
  const full = new Int32Array(index.sessions.length);
  const allBut = sessionFacets.map(() => new Int32Array(index.sessions.length));
  const dayCounts = new Int32Array(7);
  const matches: O[] = [];
  for (let i = 0; i < index.occurrences.length; i += 1) {
    const s = index.sessionOf[i]!;
    if (s < 0) continue;
    const weekday = index.weekdayOf[i]!;
    const mask = sessionMasks[s]! | (dayFails[weekday] ? DAY_BIT : 0);
    if (mask === 0) {
      matches.push(index.occurrences[i]!);
      full[s]! += 1;
      dayCounts[weekday]! += 1;
    } else if (mask === DAY_BIT) {
      dayCounts[weekday]! += 1;
    } else if ((mask & (mask - 1)) === 0 && mask < DAY_BIT) {
      allBut[Math.log2(mask)]![s]! += 1;
    }
  }
  const counts = emptyCounts();
  dayCounts.forEach((n, day) => add(counts.days, String(day), n));
  index.sessions.forEach((_, s) => {
    sessionFacets.forEach((facet, bit) => {
      const n = full[s]! + allBut[bit]![s]!;
      for (const value of index.values[s]![facet]) add(counts[facet], value, n);
    });
  });
  return { matches, counts };
}

/** Topic and language values present in the data, in a stable order for the filter lists. */
export function valuesPresent(sessions: readonly FilterableSession[], facet: 'topics' | 'languages'): string[] {
  const values = new Set(sessions.flatMap((session) => (facet === 'topics' ? session.topics : [session.language])));
  return [...values].sort((a, b) => a.localeCompare(b));
}

// ---- URL mirroring (opt-in `sync-url`) ---------------------------------------------------------

const urlKeys: Record<Facet, string> = {
  days: 'iop-day',
  times: 'iop-time',
  audiences: 'iop-audience',
  formats: 'iop-format',
  topics: 'iop-topic',
  languages: 'iop-lang',
};

const validators: Record<Facet, (value: string) => boolean> = {
  days: (value) => /^[0-6]$/.test(value),
  times: (value) => (timesOfDay as string[]).includes(value),
  audiences: (value) => /^[a-z-]{1,40}$/.test(value),
  formats: (value) => (formatChoices as readonly string[]).includes(value),
  topics: (value) => value.length > 0 && value.length <= 60,
  languages: (value) => /^[a-z]{2}$/.test(value),
};

/**
 * Writes the filter groups into `params` (other parameters of the host page are kept). The search
 * text is never written: it is something a person typed, and URLs end up in logs and analytics.
 */
export function writeFiltersToParams(filters: SessionFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const facet of facets) {
    next.delete(urlKeys[facet]);
    for (const value of filters[facet]) next.append(urlKeys[facet], value);
  }
  return next;
}

export function readFiltersFromParams(params: URLSearchParams): SessionFilters {
  const read = (facet: Facet) => [...new Set(params.getAll(urlKeys[facet]).filter(validators[facet]))];
  return { days: read('days'), times: read('times'), audiences: read('audiences'), formats: read('formats'), topics: read('topics'), languages: read('languages'), query: '' };
}

export function hasActiveFilters(filters: SessionFilters): boolean {
  return filters.query.trim() !== '' || facets.some((facet) => filters[facet].length > 0);
}
