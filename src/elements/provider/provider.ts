import { provide } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { clientFor } from '../../client/shared-clients.js';
import { toLocale } from '../../i18n/locale.js';
import { storeFor } from '../../store/shared-stores.js';
import type { StorageMode } from '../../store/store.js';
import { iopContext, type IopConfig } from '../shared/iop-context.js';

/**
 * Configures every IOP widget inside it: one API client, one on-device store and one language for
 * the page. Widgets accept the same attributes themselves, so a provider is optional.
 *
 * @summary Shares the center's API, storage mode and language with the widgets inside it.
 * @tagname iop-provider
 * @slot - The IOP widgets (and any other content) to configure.
 */
export class IopProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** @internal */
  @provide({ context: iopContext })
  @state()
  config: IopConfig | undefined;

  /** Base URL of the center's IOP API, absolute or relative to the page, e.g. `/api/iop/`. */
  @property({ attribute: 'api-base', reflect: true }) apiBase = '';

  /** Language of every widget inside: `en` or `es`. Can change at run time. Unset: the page's `lang`, then the browser's languages. */
  @property({ reflect: true }) locale?: string;

  /** `local` keeps encrypted drafts on this device; `memory` (shared devices) keeps nothing. */
  @property({ reflect: true }) storage: StorageMode = 'local';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('locale') || changed.has('storage')) {
      const storage: StorageMode = this.storage === 'memory' ? 'memory' : 'local';
      this.config = this.apiBase
        ? { apiBase: this.apiBase, locale: toLocale(this.locale), storage, client: clientFor(this.apiBase), store: storeFor(storage) }
        : undefined;
    }
  }

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('iop-provider')) customElements.define('iop-provider', IopProvider);

declare global {
  interface HTMLElementTagNameMap {
    'iop-provider': IopProvider;
  }
}
