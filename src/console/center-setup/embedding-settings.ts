/** @summary Settings: the websites allowed to show the widgets, and the webhook endpoint. */
import { html, nothing } from 'lit';
import type { EmbeddingSettings } from '../../api/settings-schemas.js';
import { originLines } from '../../domain/embed-snippet.js';
import { SettingsPage } from './settings-page.js';

export class IopEmbeddingSettings extends SettingsPage<'embedding'> {
  protected readonly section = 'embedding' as const;
  /** @internal The origins as typed, one per line (the draft holds the lines that are not blank). */
  #originsText = '';

  protected override loadedHook(): void {
    this.#originsText = this.draft?.allowedOrigins.join('\n') ?? '';
  }

  protected renderFields(draft: EmbeddingSettings) {
    const loaded = this.loaded;
    return html`
      ${loaded && 'originsFromEnvironment' in loaded && loaded.originsFromEnvironment
        ? html`<div class="notice">
            <p>${this.t('originsFromEnvironment')}</p>
            <p>${loaded.effectiveOrigins.join(', ')}</p>
          </div>`
        : nothing}
      ${this.input({
        path: ['allowedOrigins'],
        label: this.t('allowedOrigins'),
        hint: this.t('allowedOriginsHint'),
        multiline: true,
        value: this.#originsText,
        onInput: (v) => {
          this.#originsText = v;
          this.edit((d) => void (d.allowedOrigins = originLines(v)));
        },
      })}
      ${this.input({
        path: ['webhookUrl'],
        label: `${this.t('webhookUrl')} ${this.t('optional')}`,
        hint: this.t('webhookUrlHint'),
        type: 'url',
        value: draft.webhookUrl,
        onInput: (v) => this.edit((d) => void (d.webhookUrl = v.trim() ? v.trim() : null)),
      })}
    `;
  }
}

if (!customElements.get('iop-embedding-settings')) customElements.define('iop-embedding-settings', IopEmbeddingSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-embedding-settings': IopEmbeddingSettings;
  }
}
