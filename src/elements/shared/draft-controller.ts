import type { ReactiveController } from 'lit';
import type { FallbackReason, IopStore } from '../../store/store.js';
import type { ConfigController, ConfigurableHost } from './config-controller.js';

/**
 * Keeps what a person typed in an encrypted, short-lived draft, so a reload, a dropped
 * connection or a closed tab loses nothing. `draftId` names the form, never the person.
 */
export class DraftController<T> implements ReactiveController {
  /** False when this device will not keep the draft (shared-device mode, private browsing, full disk). */
  persistent = true;
  fallbackReason?: FallbackReason;
  private readonly host: ConfigurableHost;
  private readonly settings: ConfigController;
  private readonly draftId: string;
  private store?: IopStore;
  private readonly onPersistence = () => this.sync();

  constructor(host: ConfigurableHost, settings: ConfigController, draftId: string) {
    this.host = host;
    this.settings = settings;
    this.draftId = draftId;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.store?.removeEventListener('persistence-changed', this.onPersistence);
    this.store = undefined;
  }

  /** The saved answers, if any were saved within the draft lifetime. */
  async load(): Promise<T | undefined> {
    const store = await this.connect();
    return store?.loadDraft<T>(this.draftId);
  }

  /** Resolves once the draft is committed (or kept in memory when the device keeps nothing). */
  async save(value: T): Promise<void> {
    await (await this.connect())?.saveDraft(this.draftId, value);
  }

  async clear(): Promise<void> {
    await (await this.connect())?.removeDraft(this.draftId);
  }

  private async connect(): Promise<IopStore | undefined> {
    const config = this.settings.config;
    if (!config) return undefined;
    const store = await config.store;
    if (store !== this.store) {
      this.store?.removeEventListener('persistence-changed', this.onPersistence);
      this.store = store;
      store.addEventListener('persistence-changed', this.onPersistence);
      this.sync();
    }
    return store;
  }

  private sync(): void {
    if (!this.store) return;
    this.persistent = this.store.persistent;
    this.fallbackReason = this.store.fallbackReason;
    this.host.requestUpdate();
  }
}
