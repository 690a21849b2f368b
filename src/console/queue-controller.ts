/**
 * The live work queue: loads it, listens to the server's event stream (`queue-changed` carries a
 * change number only) and reloads in the background, so a new urgent request shows within a couple
 * of seconds. New urgent items since the last load raise an alert, and a short tone when enabled.
 * Everything stays in memory.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { QueueItem, QueueSummaryItem, StaffRole } from '../api/staff-schemas.js';
import type { ConsoleApi } from './console-api.js';

export interface QueueFilter {
  status: string;
  kind: string;
  q: string;
}

export class QueueController implements ReactiveController {
  items: readonly (QueueItem | QueueSummaryItem)[] = [];
  counts: Readonly<Record<string, number>> = {};
  phase: 'loading' | 'ready' | 'error' = 'loading';
  live = false;
  /** How many urgent requests arrived since the last look; cleared by `acknowledge()`. */
  newUrgent = 0;
  updates = 0;
  sound = false;
  filter: QueueFilter = { status: 'open', kind: '', q: '' };
  readonly #host: ReactiveControllerHost;
  readonly #api: ConsoleApi;
  readonly #role: () => StaffRole;
  #events: EventSource | undefined;
  #known: Set<string> | undefined;
  #abort: AbortController | undefined;

  constructor(host: ReactiveControllerHost, api: ConsoleApi, role: () => StaffRole) {
    this.#host = host;
    this.#api = api;
    this.#role = role;
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
    this.#events = new EventSource(this.#api.eventsUrl());
    this.#events.addEventListener('queue-ready', () => this.#setLive(true));
    this.#events.addEventListener('queue-changed', () => void this.load({ background: true }));
    this.#events.addEventListener('error', () => this.#setLive(false));
  }

  hostDisconnected(): void {
    this.#events?.close();
    this.#events = undefined;
    this.#abort?.abort();
  }

  #setLive(live: boolean): void {
    this.live = live;
    this.#host.requestUpdate();
  }

  async load({ background = false } = {}): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!background) this.phase = 'loading';
    this.#host.requestUpdate();
    const filter = { status: this.filter.status, kind: this.filter.kind || undefined, q: this.filter.q.trim() || undefined };
    try {
      const queue = this.#role() === 'viewer' ? await this.#api.queueSummary(filter, { signal: abort.signal, background }) : await this.#api.queue(filter, { signal: abort.signal, background });
      const arrived = queue.items.filter((item) => 'urgent' in item && item.urgent && this.#known !== undefined && !this.#known.has(item.id)).length;
      this.#known = new Set(queue.items.map((item) => item.id));
      this.items = queue.items;
      this.counts = queue.counts;
      this.phase = 'ready';
      if (background) this.updates++;
      if (arrived > 0) {
        this.newUrgent += arrived;
        if (this.sound) playTone();
      }
    } catch {
      if (abort.signal.aborted) return;
      // A failed background refresh keeps the list on screen; the next change tries again.
      if (!background) this.phase = 'error';
    }
    this.#host.requestUpdate();
  }

  acknowledge(): void {
    this.newUrgent = 0;
    this.#host.requestUpdate();
  }

  applyFilter(filter: QueueFilter): void {
    this.filter = filter;
    this.#known = undefined;
    void this.load();
  }
}

/** Two short beeps from an oscillator: no audio file, nothing fetched. */
function playTone(): void {
  try {
    const audio = new AudioContext();
    for (const start of [0, 0.25]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.15;
      tone.connect(gain).connect(audio.destination);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.15);
    }
    setTimeout(() => void audio.close(), 1000);
  } catch {
    // No audio on this device: the visible alert is enough.
  }
}
