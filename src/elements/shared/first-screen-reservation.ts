import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Room each widget keeps for its first screen while it loads, so that the page below it does not
 * move when the first screen arrives: the CDN loader reserves the same room before the element is
 * defined. Widgets whose first screen is taller than a phone's screen reserve the screen's height
 * (whatever is below is then out of sight when the widget grows); the insurance form, shorter, about
 * its own height. A page may set `--iop-reserved-block-size` on the tag to change it.
 */
export const reservedBlockSize = {
  'iop-intake-screener': 'min(100svh, 48rem)',
  'iop-schedule-picker': '100svh',
  'iop-insurance-verification': 'clamp(28rem, calc(52rem - 30vw), 41rem)',
  'iop-alumni-browser': '100svh',
} as const;

/** The isolation frame's page measures its widget for the host: a reservation there would feed back into the frame's height. */
const inEmbedFrame = () => typeof document !== 'undefined' && Boolean(document.querySelector('meta[name="iop-embed-parent"]'));

/**
 * Keeps the host in the custom state `reserving` (`:host(:state(reserving))` in theme.ts gives it
 * `min-block-size: var(--iop-reserved-block-size)`) until the person first presses a key or clicks
 * (taps) in it: from then on its height follows what they do. Not in frame mode (the frame keeps
 * its own room) nor inside the frame's page.
 */
export class FirstScreenReservation implements ReactiveController {
  private readonly internals: ElementInternals | undefined;
  private released = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    try {
      this.internals = host.attachInternals();
    } catch {
      this.internals = undefined;
    }
  }

  hostConnected(): void {
    if (this.released || inEmbedFrame()) {
      this.release();
      return;
    }
    this.setState(true);
    // A click, not a pointer press: letting go of the room at pointerdown moves the page under the
    // finger before it lifts (a widget low on the page shrinks, the page scrolls up), and the tap
    // lands on whatever is there now. Keys are not aimed, so the first key press may release it.
    this.host.addEventListener('click', this.release);
    this.host.addEventListener('keydown', this.release);
  }

  hostUpdated(): void {
    if (!this.released && this.host.shadowRoot?.querySelector('iframe')) this.release();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('click', this.release);
    this.host.removeEventListener('keydown', this.release);
  }

  /** Whether the room is still kept (for tests and the frame). */
  get reserving(): boolean {
    return !this.released;
  }

  private readonly release = (): void => {
    this.released = true;
    this.setState(false);
    this.hostDisconnected();
  };

  private setState(on: boolean): void {
    this.setCustomState('reserving', on);
  }

  /** Another custom state of the host (the controller owns the host's ElementInternals). */
  setCustomState(name: string, on: boolean): void {
    try {
      if (on) this.internals?.states.add(name);
      else this.internals?.states.delete(name);
    } catch {
      // A browser without custom states only loses what the state styles.
    }
  }
}
