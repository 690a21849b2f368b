import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clientFor } from '../../client/shared-clients.js';
import { preferredLocale, toLocale, type Locale } from '../../i18n/locale.js';
import { storeFor } from '../../store/shared-stores.js';
import type { StorageMode } from '../../store/store.js';
import { iopContext, type IopConfig } from './iop-context.js';

/** The attributes every widget shares with `<iop-provider>`. */
export interface ConfigurableHost extends ReactiveControllerHost, HTMLElement {
  apiBase?: string;
  locale?: string;
  storage?: StorageMode;
}

/**
 * Resolves a widget's configuration: its own attributes win, then the nearest `<iop-provider>`,
 * then defaults. A lone tag with `api-base` works without a provider and reuses the page's one
 * client for that api-base.
 */
export class ConfigController implements ReactiveController {
  private readonly host: ConfigurableHost;
  private readonly consumer: ContextConsumer<typeof iopContext, ConfigurableHost>;

  constructor(host: ConfigurableHost) {
    this.host = host;
    this.consumer = new ContextConsumer(host, { context: iopContext, subscribe: true });
    host.addController(this);
  }

  hostConnected(): void {}

  private get provided(): IopConfig | undefined {
    return this.consumer.value;
  }

  /**
   * The widget's own `locale`, else the provider's (only when it was given one), else the page's
   * `lang`, else the browser's preferred languages, else English.
   */
  get locale(): Locale {
    return (
      toLocale(this.host.locale) ??
      this.provided?.locale ??
      toLocale(this.host.closest('[lang]')?.getAttribute('lang')) ??
      preferredLocale(typeof navigator === 'undefined' ? undefined : navigator.languages) ??
      'en'
    );
  }

  get storage(): StorageMode {
    return this.host.storage ?? this.provided?.storage ?? 'local';
  }

  /** Undefined until an api-base is known: the widget then says it is not configured. */
  get config(): IopConfig | undefined {
    const own = this.host.apiBase;
    if (own) return { apiBase: own, locale: this.locale, storage: this.storage, client: clientFor(own), store: storeFor(this.storage) };
    if (this.provided) return { ...this.provided, locale: this.locale, storage: this.storage, store: storeFor(this.storage) };
    return undefined;
  }
}
