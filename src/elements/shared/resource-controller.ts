import type { ReactiveController } from 'lit';
import type { IopClient } from '../../client/client.js';
import { cachedResource } from '../../store/cached-resource.js';
import type { ConfigController, ConfigurableHost } from './config-controller.js';

/** What a widget renders for data it reads: never a blank box. */
export type ResourceState<T> =
  | { status: 'unconfigured' }
  | { status: 'pending' }
  /** `offline` with an `error`: the refresh failed and `value` is the last copy, `ageMs` old. */
  | { status: 'ready'; value: T; ageMs: number; offline: boolean; error?: unknown }
  | { status: 'error'; error: unknown };

/**
 * For what the center edits in its console (programs, tracks, seats, screener settings): the cached
 * copy still paints first, but every load asks again, so an admin's change shows on the next page
 * load. The server's ETag makes an unchanged answer a headers-only 304.
 */
export const ALWAYS_REVALIDATE = 0;

export interface ResourceRequest<T> {
  /** Identifies the request for the cache (`programs`, `slots?from=...`); stored only as a digest. */
  key: string;
  load: (signal: AbortSignal) => Promise<T>;
  ttlMs?: number;
}

/**
 * Loads non-personal data stale-while-revalidate: the cached copy paints first, the network's
 * answer replaces it, and a failed refresh keeps the copy with its age. Reloads when the request
 * key changes between updates.
 */
export class ResourceController<T> implements ReactiveController {
  state: ResourceState<T> = { status: 'unconfigured' };
  private readonly host: ConfigurableHost;
  private readonly settings: ConfigController;
  private readonly describe: (client: IopClient) => ResourceRequest<T> | undefined;
  private currentKey?: string;
  private abort?: AbortController;

  constructor(host: ConfigurableHost, settings: ConfigController, describe: (client: IopClient) => ResourceRequest<T> | undefined) {
    this.host = host;
    this.settings = settings;
    this.describe = describe;
    host.addController(this);
  }

  hostUpdate(): void {
    const config = this.settings.config;
    const request = config && this.describe(config.client);
    const key = request && `${config.apiBase}|${request.key}`;
    if (key !== this.currentKey) this.run();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.currentKey = undefined;
  }

  /** Asks again (a "Try again" button). */
  reload(): void {
    this.run();
  }

  private async run(): Promise<void> {
    this.abort?.abort();
    const config = this.settings.config;
    const request = config && this.describe(config.client);
    this.currentKey = request && `${config.apiBase}|${request.key}`;
    if (!config || !request) return this.set({ status: 'unconfigured' });
    const abort = (this.abort = new AbortController());
    if (this.state.status !== 'ready') this.set({ status: 'pending' });
    try {
      const store = await config.store;
      for await (const snapshot of cachedResource(store, { key: this.currentKey!, ttlMs: request.ttlMs, load: () => request.load(abort.signal) })) {
        if (abort.signal.aborted) return;
        this.set(
          snapshot.value === undefined
            ? { status: 'error', error: snapshot.error }
            : { status: 'ready', value: snapshot.value, ageMs: snapshot.ageMs, offline: snapshot.offline, error: snapshot.error },
        );
      }
    } catch (error) {
      if (!abort.signal.aborted) this.set({ status: 'error', error });
    }
  }

  private set(state: ResourceState<T>): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
