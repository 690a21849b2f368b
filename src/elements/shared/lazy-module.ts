import type { ReactiveControllerHost } from 'lit';

/**
 * A module only a later screen needs (the calendar file after a booking, the attendance panel in
 * "My sessions"): fetched the first time a screen asks for it, so a page downloads what it shows.
 * The host renders again once the module has arrived. A failed fetch (offline) is not retried in a
 * loop: the next render that asks tries again, and meanwhile the screen shows what it can without it.
 */
export class LazyModule<T> {
  private module: T | undefined;
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The module if it has arrived; otherwise starts fetching it and answers undefined for now. */
  get(): T | undefined {
    if (this.module === undefined && !this.loading) {
      this.loading = true;
      this.load().then(
        (module) => {
          this.module = module;
          this.loading = false;
          this.host.requestUpdate();
        },
        () => {
          this.loading = false;
        },
      );
    }
    return this.module;
  }
}
