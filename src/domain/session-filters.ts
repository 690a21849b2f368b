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
  private readonly position: Map<string, number>;
  private readonly weekdays = new Map<string, number>();

  constructor(sessions: readonly FilterableSession[]) {
    this.sessions = sessions;
    this.position = new Map(sessions.map((session, i) => [session.id, i]));
    this.values = new Array<SessionValues | undefined>(sessions.length);
    this.haystacks = new Array<string | undefined>(sessions.length);
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
    for (let i = 0; i < occurrences.length; i += 1) {
      const occurrence = occurrences[i]!;
      this.occurrences.push(occurrence);
      const s = this.position.get(occurrence.sessionId) ?? -1;
      this.sessionOf[at + i] = s;
      if (s >= 0 && this.values[s] === undefined) {
        const session = this.sessions[s]!;
        this.values[s] = sessionValues(session);
        this.haystacks[s] = normalizeText(
          [session.title, session.description ?? '', ...session.topics, session.facilitator.firstName, session.facilitator.role, session.location ?? ''].join('\n'),
        );
      }
      let weekday = this.weekdays.get(occurrence.date);
      if (weekday === undefined) this.weekdays.set(occurrence.date, (weekday = weekdayOf(occurrence.date)));
      this.weekdayOf[at + i] = weekday;
    }
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

const add = (counts: Map<string, number>, value: string, n: number) => {
  if (n > 0) counts.set(value, (counts.get(value) ?? 0) + n);
};

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
  private readonly dayFails: boolean[];
  /** Per session: which groups it fails (-1 until its first occurrence is seen). */
  private readonly masks: Int32Array;
  // Per session, for the occurrences of one catch-up: passing everything, and everything but one session group.
  private readonly full: Int32Array;
  private readonly allBut: Int32Array[];
  private readonly touched: number[] = [];
  private readonly isTouched: Uint8Array;
  private readonly dayCounts = new Int32Array(7);

  constructor(index: OccurrenceIndex<O>, filters: SessionFilters) {
    this.index = index;
    this.filters = filters;
    this.words = queryWords(filters.query);
    this.wanted = sessionFacets.map((facet) => new Set(filters[facet]));
    const days = new Set(filters.days);
    this.dayFails = Array.from({ length: 7 }, (_, day) => days.size > 0 && !days.has(String(day)));
    this.masks = new Int32Array(index.sessions.length).fill(-1);
    this.full = new Int32Array(index.sessions.length);
    this.isTouched = new Uint8Array(index.sessions.length);
    this.allBut = sessionFacets.map(() => new Int32Array(index.sessions.length));
  }

  /** Whether occurrences have arrived since the last catch-up. */
  get behind(): boolean {
    return this.done < this.index.size;
  }

  catchUp(): FilterResult<O> {
    const { index, full, allBut, touched, isTouched, dayCounts, masks } = this;
    const end = index.size;
    const matches = this.result.matches;
    for (let i = this.done; i < end; i += 1) {
      const s = index.sessionOf[i]!;
      if (s < 0) continue;
      let sessionMask = masks[s]!;
      if (sessionMask < 0) sessionMask = masks[s] = this.maskOf(s);
      if (!isTouched[s]) {
        isTouched[s] = 1;
        touched.push(s);
      }
      const weekday = index.weekdayOf[i]!;
      const mask = sessionMask | (this.dayFails[weekday] ? DAY_BIT : 0);
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
    this.done = end;
    const counts = this.result.counts;
    counts.days.clear();
    dayCounts.forEach((n, day) => add(counts.days, String(day), n));
    for (const s of touched) {
      const values = index.values[s]!;
      sessionFacets.forEach((facet, bit) => {
        const n = full[s]! + allBut[bit]![s]!;
        for (const value of values[facet]) add(counts[facet], value, n);
        allBut[bit]![s] = 0;
      });
      full[s] = 0;
      isTouched[s] = 0;
    }
    touched.length = 0;
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
