import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlumniSession, AlumniSessionList } from '../../api/schemas.js';
import { localizedText } from '../../domain/center-text.js';
import { OccurrenceIndex, valuesPresent } from '../../domain/session-filters.js';
import { expandByWindows, type ExpansionStep, type InstantRange, type Occurrence } from '../../domain/session-recurrence.js';

/** The sessions of one answer in one language, and their occurrences in range as far as expanded. */
export interface PreparedSessions {
  readonly list: AlumniSessionList;
  /** The language the sessions were localised in. */
  readonly locale: string;
  readonly sessions: ReadonlyMap<string, AlumniSession>;
  /** Grows, in order, while `loading`. */
  readonly index: OccurrenceIndex<Occurrence>;
  readonly topics: string[];
  readonly languages: string[];
  /** Every occurrence that starts before this instant is in the index. */
  completeUntil: Date;
  loading: boolean;
}

const DAY_MS = 86_400_000;
const FIRST_WINDOW_MS = DAY_MS;
const LONGEST_WINDOW_MS = 7 * DAY_MS;
const SESSIONS_PER_STEP = 500;
/** Work per task before the main thread is given back for input and paint. */
const TASK_BUDGET_MS = 8;

type TaskScheduler = { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } };

/**
 * Gives the main thread back until nothing more urgent waits: input, rendering and the page's own
 * tasks run first (a background task where the browser has them, else a message, which unlike a
 * nested timer is not clamped to 4 ms).
 */
function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as TaskScheduler).scheduler;
  if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Expands and indexes the sessions' occurrences for the alumni browser: the first day before the
 * first paint, the rest in short tasks that give the main thread back, so a person can read, scroll,
 * search and filter meanwhile. The host re-renders each time a window of time is complete. Pauses
 * while the host is disconnected.
 */
export class OccurrenceLoader implements ReactiveController {
  /**
   * Up to this many sessions (a few hundred occurrences a month, a few milliseconds of work) every
   * occurrence is worked out before the first paint, so a center's usual list never says "still
   * loading". Past it, the first day comes first and the rest follows. Tests lower it to watch the
   * demo center's few sessions load in steps.
   */
  static allAtOnceSessions = 100;
  current?: PreparedSessions;
  private readonly host: ReactiveControllerHost;
  private steps?: Generator<ExpansionStep, void, undefined>;
  /** Bumped to stop a running loop (new answer, disconnected). */
  private generation = 0;
  private running = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.steps && !this.running) void this.continue();
  }

  hostDisconnected(): void {
    this.generation += 1;
    this.running = false;
  }

  /** The prepared sessions of `list` in `locale`; a new answer or language starts over. */
  prepare(list: AlumniSessionList, locale: string, range: InstantRange): PreparedSessions {
    if (this.current?.list === list && this.current.locale === locale) return this.current;
    this.generation += 1;
    this.running = false;
    // Titles, topics and places in the reader's language where the center gave them; search and topic filters use the same words.
    const sessions = list.sessions.map((session) => localizedText(session, locale));
    const prepared: PreparedSessions = {
      list,
      locale,
      sessions: new Map(sessions.map((session) => [session.id, session])),
      index: new OccurrenceIndex<Occurrence>(sessions),
      topics: valuesPresent(sessions, 'topics'),
      languages: valuesPresent(sessions, 'languages'),
      completeUntil: range.from,
      loading: true,
    };
    const small = sessions.length <= OccurrenceLoader.allAtOnceSessions;
    const steps = expandByWindows(sessions, range, {
      firstWindowMs: small ? Infinity : FIRST_WINDOW_MS,
      longestWindowMs: LONGEST_WINDOW_MS,
      sessionsPerStep: small ? sessions.length : SESSIONS_PER_STEP,
    });
    this.current = prepared;
    this.steps = steps;
    // The first window before the first paint.
    while (this.steps && prepared.completeUntil.getTime() <= range.from.getTime()) this.take(prepared);
    if (this.steps) void this.continue();
    return prepared;
  }

  /** Takes one step; answers whether a window was completed. */
  private take(prepared: PreparedSessions): boolean {
    const next = this.steps!.next();
    const step = next.done ? undefined : next.value;
    if (step?.added.length) prepared.index.append(step.added);
    if (!step || step.done) {
      prepared.completeUntil = step?.completeUntil ?? prepared.completeUntil;
      prepared.loading = false;
      this.steps = undefined;
      return true;
    }
    if (step.completeUntil.getTime() === prepared.completeUntil.getTime()) return false;
    prepared.completeUntil = step.completeUntil;
    return true;
  }

  private async continue(): Promise<void> {
    const generation = this.generation;
    const prepared = this.current!;
    this.running = true;
    while (this.steps) {
      await yieldToMain();
      if (generation !== this.generation) return;
      const started = performance.now();
      let completed = false;
      while (this.steps && !completed && performance.now() - started < TASK_BUDGET_MS) completed = this.take(prepared);
      if (completed) this.host.requestUpdate();
    }
    this.running = false;
  }
}
