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
const LONGEST_WINDOW_MS = 4 * DAY_MS;
const SESSIONS_PER_STEP = 500;
/** Occurrences indexed per step: a session's first occurrence also works out its filter values and search text. */
const APPEND_PER_STEP = 500;
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
  /** What the host shows. */
  current?: PreparedSessions;
  private readonly host: ReactiveControllerHost;
  /** The expansion under way: the shown sessions' later days, or a refreshed answer prepared behind them. */
  private job?: Job;
  /** Bumped to stop a running loop (new job, disconnected). */
  private generation = 0;
  private running = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.job && !this.running) void this.continue();
  }

  hostDisconnected(): void {
    this.generation += 1;
    this.running = false;
  }

  /**
   * The sessions to show for `list` in `locale`. A first answer, or a new language, shows its first
   * day at once and the rest as it comes. A refreshed answer (the network's after the cached copy, or
   * after an RSVP) is prepared behind the complete list already shown and replaces it when complete:
   * the list does not go back to "still loading", and nothing is announced twice.
   */
  prepare(list: AlumniSessionList, locale: string, range: InstantRange): PreparedSessions {
    const shown = this.current;
    if (shown?.list === list && shown.locale === locale) return shown;
    if (this.job?.prepared.list === list && this.job.prepared.locale === locale && shown) return shown;
    const job = this.startJob(list, locale, range);
    if (shown && !shown.loading && shown.locale === locale) {
      void this.continue();
      return shown;
    }
    this.current = job.prepared;
    // The first window before the first paint.
    while (this.job === job && job.prepared.completeUntil.getTime() <= range.from.getTime()) this.take(job);
    if (this.job === job) void this.continue();
    return job.prepared;
  }

  private startJob(list: AlumniSessionList, locale: string, range: InstantRange): Job {
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
    this.job = { prepared, steps };
    return this.job;
  }

  /** Takes one step of `job`; answers whether a window is now complete (expanded and indexed). */
  private take(job: Job): boolean {
    const { prepared } = job;
    if (!job.window) {
      const next = job.steps.next();
      if (next.done) return this.finish(job);
      // Part of a window: nothing to show yet.
      if (!next.value.done && next.value.completeUntil.getTime() === prepared.completeUntil.getTime()) return false;
      job.window = { step: next.value, at: 0 };
    }
    const { step, at } = job.window;
    const end = Math.min(at + APPEND_PER_STEP, step.added.length);
    if (end > at) prepared.index.append(at === 0 && end === step.added.length ? step.added : step.added.slice(at, end));
    job.window.at = end;
    if (end < step.added.length) return false;
    job.window = undefined;
    prepared.completeUntil = step.completeUntil;
    return step.done ? this.finish(job) : true;
  }

  private finish(job: Job): true {
    job.prepared.loading = false;
    this.current = job.prepared;
    this.job = undefined;
    return true;
  }

  private async continue(): Promise<void> {
    const generation = this.generation;
    const job = this.job;
    this.running = true;
    while (job && this.job === job) {
      await yieldToMain();
      if (generation !== this.generation) return;
      const started = performance.now();
      let completed = false;
      while (this.job === job && !completed && performance.now() - started < TASK_BUDGET_MS) completed = this.take(job);
      // A refreshed answer shows only once complete; the first one at every window.
      if (completed && this.current === job.prepared) this.host.requestUpdate();
    }
    this.running = false;
  }
}

interface Job {
  readonly prepared: PreparedSessions;
  readonly steps: Generator<ExpansionStep, void, undefined>;
  /** A completed window being indexed, and how far. */
  window?: { step: ExpansionStep; at: number };
}
