import type { ReactiveController } from 'lit';
import type { ResponseOf, WriteEndpointName } from '../../api/endpoints.js';
import type { Problem } from '../../api/schemas.js';
import type { CallInput } from '../../client/client.js';
import { clientFor } from '../../client/shared-clients.js';
import type { IopStore, OutboxDeliveredEvent, OutboxOperation, OutboxWrite } from '../../store/store.js';
import type { ConfigController, ConfigurableHost } from './config-controller.js';

export type SubmitOutcome<N extends WriteEndpointName> =
  /** The server has it. */
  | { status: 'sent'; entryId: string; response: ResponseOf<N> }
  /** Saved on this device; it will be sent when the connection or the server is back. */
  | { status: 'queued'; entryId: string }
  /** The server refused it (a 4xx other than 408/429): the person needs to change something. */
  | { status: 'refused'; entryId: string; problem?: Problem };

/**
 * Sends a widget's writes through the store's outbox: stored encrypted before the first attempt,
 * delivered exactly once (Idempotency-Key), retried when the device is back online.
 */
export class OutboxController implements ReactiveController {
  /** Called for every delivery, including ones queued earlier and delivered later or by another tab. */
  onDelivered?: (entryId: string, endpoint: WriteEndpointName, response: unknown) => void;
  private readonly host: ConfigurableHost;
  private readonly settings: ConfigController;
  private store?: IopStore;
  private stopAutoFlush?: () => void;
  private readonly delivered = (event: Event) => {
    const { entryId, endpoint, response } = event as OutboxDeliveredEvent;
    this.onDelivered?.(entryId, endpoint, response);
  };

  constructor(host: ConfigurableHost, settings: ConfigController) {
    this.host = host;
    this.settings = settings;
    host.addController(this);
  }

  hostConnected(): void {
    // Anything left from an earlier visit goes out as soon as the widget is back on a page.
    if (this.settings.config) void this.connect();
  }

  hostDisconnected(): void {
    this.stopAutoFlush?.();
    this.store?.removeEventListener('outbox-delivered', this.delivered);
    this.store = this.stopAutoFlush = undefined;
  }

  async submit<N extends WriteEndpointName>(write: OutboxWrite<N>): Promise<SubmitOutcome<N>> {
    const store = await this.connect();
    if (!store) throw new Error('submit needs an api-base');
    const entry = await store.addToOutbox({ apiBase: this.settings.config?.apiBase, ...write });
    let response: ResponseOf<N> | undefined;
    const mine = (event: Event) => {
      if ((event as OutboxDeliveredEvent).entryId === entry.id) response = (event as OutboxDeliveredEvent).response as ResponseOf<N>;
    };
    store.addEventListener('outbox-delivered', mine);
    try {
      // The first attempt may already be under way (auto-flush after the add, or another tab):
      // wait until this entry was delivered, refused or tried at least once.
      for (let round = 0; round < 120; round += 1) {
        const { busy } = await store.flushOutbox(this.send);
        const now = (await store.listOutbox()).find((candidate) => candidate.id === entry.id);
        if (response !== undefined || !now) break;
        if (now.state === 'attention') return { status: 'refused', entryId: entry.id, problem: now.problem };
        if (!busy || now.attempts > 0) return { status: 'queued', entryId: entry.id };
        // Another tab's flush does not raise events here: look again after a short while too.
        await new Promise((resolve) => {
          store.addEventListener('outbox-changed', resolve, { once: true });
          setTimeout(resolve, 500);
        });
      }
    } finally {
      store.removeEventListener('outbox-delivered', mine);
    }
    // Delivered by another tab: the receipt reaches this page through `onDelivered` only.
    return response !== undefined ? { status: 'sent', entryId: entry.id, response } : { status: 'queued', entryId: entry.id };
  }

  /** Drops a refused write the person chose not to fix. */
  async discard(entryId: string): Promise<void> {
    await (await this.connect())?.discardOutboxEntry(entryId);
  }

  // The store is shared by every widget on the page: a write goes to the API it was made for.
  private readonly send = (operation: OutboxOperation) => {
    const client = operation.apiBase ? clientFor(operation.apiBase) : this.settings.config?.client;
    if (!client) return Promise.reject(new Error('no client'));
    return client.call(operation.endpoint, operation as CallInput<WriteEndpointName>);
  };

  private async connect(): Promise<IopStore | undefined> {
    const config = this.settings.config;
    if (!config) return undefined;
    const store = await config.store;
    if (store !== this.store) {
      this.hostDisconnected();
      this.store = store;
      store.addEventListener('outbox-delivered', this.delivered);
      this.stopAutoFlush = store.autoFlushOutbox(this.send);
      this.host.requestUpdate();
    }
    return store;
  }
}
