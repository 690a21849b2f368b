import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatWarmups, type FormatNeeds } from '../../i18n/format.js';

/**
 * Resolves in the browser's next task, so that what follows runs after the browser could paint and
 * answer a tap: scheduler.yield() where there is one (its continuation goes before other tasks),
 * else a timer. A phone at a quarter of a laptop's speed turns every 25 ms of work into 100.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}

/**
 * Builds the formatters a widget's first screen needs after that screen's first render, one task
 * each (see format.ts `formatWarmups`), then updates the host: `ready` tells the render whether the
 * dates can be written yet. Until then the widget shows what needs no formatter.
 */
export class FormatWarmup implements ReactiveController {
  /** Whether the formatters are built. */
  ready = false;
  private started = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly needs: () => FormatNeeds,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.started) return;
    this.started = true;
    void this.run();
  }

  private async run(): Promise<void> {
    // Not in the first render's task: working out the needs may build a formatter (the device's zone).
    await nextTask();
    for (const step of formatWarmups(this.needs())) {
      await nextTask();
      try {
        step();
      } catch {
        // A zone Intl does not know: the render meets the same error where it formats, as it would have.
      }
    }
    this.ready = true;
    this.host.requestUpdate();
  }
}
