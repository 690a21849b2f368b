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

const bandsByTime = new Map<string, TimeOfDay[]>();

export function timeBandsOf(time: string): TimeOfDay[] {
  // Thousands of sessions share a few dozen start times.
  let bands = bandsByTime.get(time);
  if (bands) return bands;
  const minutes = minutesOfDay(time);
  bands = timesOfDay.filter((band) => {
    const [from, to] = timeBands[band].map(minutesOfDay) as [number, number];
    // The night band wraps past midnight.
    return from <= to ? minutes >= from && minutes <= to : minutes >= from || minutes <= to;
  });
  if (bandsByTime.size < 2000) bandsByTime.set(time, bands);
  return bands;
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
  // Plain ASCII has no accents to take off: the common case skips decomposition.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

type SessionValues = Record<Exclude<Facet, 'days'>, readonly string[]>;

/** The values a session has in each group except days (which belong to the occurrence). */
function sessionValues(session: FilterableSession): SessionValues {
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

/**
 * Work done once per occurrence as it arrives, so each keystroke only runs a filter. Occurrences
 * can be appended (in order) while a long range is still being expanded; what is per session
 * (values, search text) is worked out when the session's first occurrence arrives.
 */
export class OccurrenceIndex<O extends FilterableOccurrence> {
  readonly occurrences: O[] = [];
  readonly sessions: readonly FilterableSession[];
  /** Per occurrence: its session's position in `sessions` (-1 when the session is unknown). */
  sessionOf = new Int32Array(0);
  weekdayOf = new Uint8Array(0);
  /** Per session, once it has an occurrence. */
  readonly values: (SessionValues | undefined)[];
  readonly haystacks: (string | undefined)[];
  /** Per session and session group, once it has an occurrence: its values as numbers (`valueNames[group][n]`). */
  readonly valueIds: (number[][] | undefined)[];
  /** Per session group, every value met so far. */
  readonly valueNames: string[][] = sessionFacets.map(() => []);
  private readonly valueNumbers: Map<string, number>[] = sessionFacets.map(() => new Map());
  private readonly position: Map<string, number>;
  private readonly weekdays = new Map<string, number>();

  constructor(sessions: readonly FilterableSession[]) {
    this.sessions = sessions;
    this.position = new Map(sessions.map((session, i) => [session.id, i]));
    this.values = sessions.map(() => undefined);
    this.haystacks = sessions.map(() => undefined);
    this.valueIds = sessions.map(() => undefined);
  }

  get size(): number {
    return this.occurrences.length;
  }

  /** Adds occurrences that follow, in order, those already here. */
  append(occurrences: readonly O[]): void {
    const at = this.occurrences.length;
    const size = at + occurrences.length;
    if (size > this.sessionOf.length) {
      const capacity = Math.max(size, this.sessionOf.length * 2, 1024);
      const sessionOf = new Int32Array(capacity);
      sessionOf.set(this.sessionOf.subarray(0, at));
      const weekdays = new Uint8Array(capacity);
      weekdays.set(this.weekdayOf.subarray(0, at));
      this.sessionOf = sessionOf;
      this.weekdayOf = weekdays;
    }
    const { sessionOf, weekdayOf: weekdays } = this;
    let lastId: string | undefined;
    let lastSession = -1;
    let lastDate: string | undefined;
    let lastWeekday = 0;
    for (let i = 0; i < occurrences.length; i += 1) {
      const occurrence = occurrences[i]!;
      this.occurrences.push(occurrence);
      if (occurrence.sessionId !== lastId) {
        lastId = occurrence.sessionId;
        lastSession = this.position.get(lastId) ?? -1;
        if (lastSession >= 0 && this.valueIds[lastSession] === undefined) this.describe(lastSession);
      }
      sessionOf[at + i] = lastSession;
      // Occurrences come in order of start, so a date repeats for hundreds of them.
      if (occurrence.date !== lastDate) {
        lastDate = occurrence.date;
        let weekday = this.weekdays.get(lastDate);
        if (weekday === undefined) this.weekdays.set(lastDate, (weekday = weekdayOf(lastDate)));
        lastWeekday = weekday;
      }
      weekdays[at + i] = lastWeekday;
    }
  }

  private describe(s: number): void {
    const session = this.sessions[s]!;
    const values = sessionValues(session);
    this.values[s] = values;
    this.haystacks[s] = normalizeText(
      [session.title, session.description ?? '', ...session.topics, session.facilitator.firstName, session.facilitator.role, session.location ?? ''].join('\n'),
    );
    const ids: number[][] = [];
    for (let bit = 0; bit < sessionFacets.length; bit += 1) {
      const numbers = this.valueNumbers[bit]!;
      const names = this.valueNames[bit]!;
      const own: number[] = [];
      for (const value of values[sessionFacets[bit]!]) {
        let n = numbers.get(value);
        if (n === undefined) {
          numbers.set(value, (n = names.length));
          names.push(value);
        }
        // A topic written twice counts once.
        if (!own.includes(n)) own.push(n);
      }
      ids.push(own);
    }
    this.valueIds[s] = ids;
  }
}

/** An index of these occurrences, all known at once. */
export function indexOccurrences<O extends FilterableOccurrence>(sessions: readonly FilterableSession[], occurrences: readonly O[]): OccurrenceIndex<O> {
  const index = new OccurrenceIndex<O>(sessions);
  index.append(occurrences);
  return index;
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

/**
 * Filters applied to an index that may still grow: `catchUp()` takes in the occurrences appended
 * since the last call, so a long range costs one pass in all, not one per window. `result` holds
 * the occurrences that pass every chosen filter (in index order) and faceted counts.
 */
export class OccurrenceFilter<O extends FilterableOccurrence> {
  readonly result: FilterResult<O> = { matches: [], counts: emptyCounts() };
  readonly index: OccurrenceIndex<O>;
  readonly filters: SessionFilters;
  private done = 0;
  private readonly words: string[];
  private readonly wanted: Set<string>[];
  private readonly dayFails: Uint8Array;
  /** Per session: which groups it fails (-1 until its first occurrence is seen). */
  private readonly masks: Int32Array;
  /** Per session group, per value number: occurrences that pass every other group. */
  private readonly valueCounts: number[][] = sessionFacets.map(() => []);
  private readonly dayCounts = new Int32Array(7);

  constructor(index: OccurrenceIndex<O>, filters: SessionFilters) {
    this.index = index;
    this.filters = filters;
    this.words = queryWords(filters.query);
    this.wanted = sessionFacets.map((facet) => new Set(filters[facet]));
    const days = new Set(filters.days);
    this.dayFails = Uint8Array.from({ length: 7 }, (_, day) => (days.size > 0 && !days.has(String(day)) ? 1 : 0));
    this.masks = new Int32Array(index.sessions.length).fill(-1);
  }

  /** Whether occurrences have arrived since the last catch-up. */
  get behind(): boolean {
    return this.done < this.index.size;
  }

  catchUp(): FilterResult<O> {
    const { index, dayCounts, masks, dayFails, valueCounts } = this;
    for (let bit = 0; bit < valueCounts.length; bit += 1) {
      const counts = valueCounts[bit]!;
      while (counts.length < index.valueNames[bit]!.length) counts.push(0);
    }
    const end = index.size;
    const matches = this.result.matches;
    const { sessionOf, weekdayOf, valueIds, occurrences } = index;
    for (let i = this.done; i < end; i += 1) {
      const s = sessionOf[i]!;
      if (s < 0) continue;
      let sessionMask = masks[s]!;
      if (sessionMask < 0) sessionMask = masks[s] = this.maskOf(s);
      const weekday = weekdayOf[i]!;
      const mask = sessionMask | (dayFails[weekday] ? DAY_BIT : 0);
      if (mask === 0) {
        matches.push(occurrences[i]!);
        dayCounts[weekday]! += 1;
        const ids = valueIds[s]!;
        for (let bit = 0; bit < ids.length; bit += 1) {
          const counts = valueCounts[bit]!;
          const values = ids[bit]!;
          for (let k = 0; k < values.length; k += 1) counts[values[k]!]! += 1;
        }
      } else if (mask === DAY_BIT) {
        dayCounts[weekday]! += 1;
      } else if ((mask & (mask - 1)) === 0 && mask < DAY_BIT) {
        // Fails one session group only: counts for that group's values.
        const bit = 31 - Math.clz32(mask);
        const counts = valueCounts[bit]!;
        const values = valueIds[s]![bit]!;
        for (let k = 0; k < values.length; k += 1) counts[values[k]!]! += 1;
      }
    }
    this.done = end;
    const counts = this.result.counts;
    const fill = (target: Map<string, number>, names: readonly string[], numbers: ArrayLike<number>) => {
      target.clear();
      for (let n = 0; n < names.length; n += 1) if (numbers[n]! > 0) target.set(names[n]!, numbers[n]!);
    };
    fill(counts.days, ['0', '1', '2', '3', '4', '5', '6'], dayCounts);
    sessionFacets.forEach((facet, bit) => fill(counts[facet], index.valueNames[bit]!, valueCounts[bit]!));
    return this.result;
  }

  private maskOf(s: number): number {
    const haystack = this.index.haystacks[s]!;
    let mask = this.words.every((word) => haystack.includes(word)) ? 0 : TEXT_BIT;
    sessionFacets.forEach((facet, bit) => {
      const chosen = this.wanted[bit]!;
      if (chosen.size && !this.index.values[s]![facet].some((value) => chosen.has(value))) mask |= 1 << bit;
    });
    return mask;
  }
}

/** The occurrences that pass every chosen filter (in their given order), and faceted counts. */
export function filterOccurrences<O extends FilterableOccurrence>(index: OccurrenceIndex<O>, filters: SessionFilters): FilterResult<O> {
  return new OccurrenceFilter(index, filters).catchUp();
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
