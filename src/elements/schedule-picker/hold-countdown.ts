import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** When the "your hold is about to end" warning appears: WCAG 2.2.1 asks for at least 20 seconds to act. */
export const HOLD_WARNING_MS = 60_000;

/**
 * Counts down a slot hold so the person always sees how long the time is kept for them. Ticks
 * once a second only while a hold is running and the element is on the page.
 */
export class HoldCountdown implements ReactiveController {
  expiresAt?: number;
  /** Replaceable so stories and tests can show a hold near its end without waiting minutes. */
  now: () => number = () => Date.now();
  private readonly host: ReactiveControllerHost;
  private timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get remainingMs(): number {
    return this.expiresAt === undefined ? 0 : Math.max(0, this.expiresAt - this.now());
  }

  get lapsed(): boolean {
    return this.expiresAt !== undefined && this.remainingMs === 0;
  }

  get ending(): boolean {
    return !this.lapsed && this.expiresAt !== undefined && this.remainingMs <= HOLD_WARNING_MS;
  }

  /** Starts (or stops, with undefined) counting down to `expiresAt`. */
  track(expiresAt: string | undefined): void {
    this.expiresAt = expiresAt === undefined ? undefined : Date.parse(expiresAt);
    this.sync();
  }

  private sync(): void {
    const running = this.expiresAt !== undefined && !this.lapsed;
    if (running && !this.timer) {
      this.timer = setInterval(() => {
        this.host.requestUpdate();
        if (this.lapsed) this.sync();
      }, 1000);
    } else if (!running && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.host.requestUpdate();
  }
}
