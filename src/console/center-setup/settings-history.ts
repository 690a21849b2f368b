/** @summary Settings history: every saved version of every section, who saved it, when and how. */
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SettingsSection } from '../../api/settings-schemas.js';
import { translate, type Locale } from '../../i18n/locale.js';
import type { ConsoleApi } from '../console-api.js';
import { consoleStyles } from '../console.styles.js';
import { setupMessages, type SetupMessage } from '../setup.messages.js';

export class IopSettingsHistory extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  @state() section: SettingsSection | '' = '';

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  /** @internal */
  readonly history = new Task(this, {
    task: async ([api, section], { signal }) => (api ? (await api.settingsHistory(section || undefined, signal)).entries : undefined),
    args: () => [this.api, this.section] as const,
  });

  #t = (key: SetupMessage, params: Record<string, string | number> = {}) => translate(setupMessages, this.locale, key, params);

  override render() {
    const time = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<h2>${this.#t('section-history')}</h2>
      <div class="field">
        <label for="history-section">${this.#t('historySection')}</label>
        <select id="history-section" @change=${(event: Event) => (this.section = (event.target as HTMLSelectElement).value as SettingsSection | '')}>
          <option value="" ?selected=${this.section === ''}>${this.#t('allSections')}</option>
          ${SettingsSection.options.map((section) => html`<option value=${section} ?selected=${this.section === section}>${this.#t(`section-${section}` as SetupMessage)}</option>`)}
        </select>
      </div>
      ${this.history.render({
        pending: () => html`<p role="status">${this.#t('loading')}</p>`,
        error: () => html`<p role="alert">${this.#t('loadError')}</p>`,
        complete: (entries) =>
          !entries?.length
            ? html`<p>${this.#t('noHistory')}</p>`
            : html`<table>
                <caption>
                  ${this.#t('historyCaption')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${this.#t('colWhen')}</th>
                    <th scope="col">${this.#t('colSection')}</th>
                    <th scope="col">${this.#t('colVersion')}</th>
                    <th scope="col">${this.#t('colWho')}</th>
                    <th scope="col">${this.#t('colHow')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (entry) => html`<tr>
                      <td>${time.format(new Date(entry.changedAt))}</td>
                      <td>${this.#t(`section-${entry.section}` as SetupMessage)}</td>
                      <td>${entry.version}</td>
                      <td>${entry.changedBy.label ?? this.#t('nobody')}</td>
                      <td>${this.#t(`how-${entry.how}` as SetupMessage)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`,
      })}`;
  }
}

if (!customElements.get('iop-settings-history')) customElements.define('iop-settings-history', IopSettingsHistory);

declare global {
  interface HTMLElementTagNameMap {
    'iop-settings-history': IopSettingsHistory;
  }
}
