/**
 * @summary Import and export of the whole setup as one JSON document: export downloads it; import
 * reads a file, shows what would change (or every problem with its path) and applies it only when
 * the admin confirms, refused whole if someone saved meanwhile.
 */
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ImportPreview } from '../../api/settings-schemas.js';
import { translate, type Locale } from '../../i18n/locale.js';
import { ConsoleApiError, type ConsoleApi } from '../console-api.js';
import { consoleStyles } from '../console.styles.js';
import { setupMessages, type SetupMessage } from '../setup.messages.js';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'unreadable' }
  | { kind: 'invalid'; problems: { pointer: string; detail: string }[] }
  | { kind: 'ready'; setup: unknown; preview: ImportPreview }
  | { kind: 'applying'; setup: unknown; preview: ImportPreview }
  | { kind: 'applied'; changes: number }
  | { kind: 'conflict' }
  | { kind: 'failed' };

const shown = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

export class IopSetupTransfer extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  @state() stage: Stage = { kind: 'idle' };

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  #t = (key: SetupMessage, params: Record<string, string | number> = {}) => translate(setupMessages, this.locale, key, params);

  async #onFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file || !this.api) return;
    this.stage = { kind: 'checking' };
    let setup: unknown;
    try {
      setup = JSON.parse(await file.text());
    } catch {
      this.stage = { kind: 'unreadable' };
      return;
    }
    try {
      this.stage = { kind: 'ready', setup, preview: await this.api.importPreview(setup) };
    } catch (error) {
      this.stage =
        error instanceof ConsoleApiError && error.status === 422
          ? { kind: 'invalid', problems: error.errors.map((problem) => ({ pointer: problem.pointer.replace(/^\/setup/, '') || '/', detail: problem.detail })) }
          : { kind: 'failed' };
    }
  }

  async #apply(): Promise<void> {
    const stage = this.stage;
    if (stage.kind !== 'ready' || !this.api) return;
    this.stage = { ...stage, kind: 'applying' };
    try {
      this.stage = { kind: 'applied', changes: (await this.api.importSetup(stage.preview.revision, stage.setup)).changes };
    } catch (error) {
      this.stage = error instanceof ConsoleApiError && error.status === 409 ? { kind: 'conflict' } : { kind: 'failed' };
    }
  }

  #renderStage() {
    const stage = this.stage;
    switch (stage.kind) {
      case 'idle':
        return nothing;
      case 'checking':
        return html`<p>${this.#t('importChecking')}</p>`;
      case 'unreadable':
        return html`<div class="alert">${this.#t('importUnreadable')}</div>`;
      case 'failed':
        return html`<div class="alert">${this.#t('saveError')}</div>`;
      case 'conflict':
        return html`<div class="alert">${this.#t('importConflict')}</div>`;
      case 'applied':
        return html`<p class="notice">${this.#t('importApplied', { count: stage.changes })}</p>`;
      case 'invalid':
        return html`<div class="alert">
          <p>${this.#t('importInvalid', { count: stage.problems.length })}</p>
          <ul>
            ${stage.problems.map((problem) => html`<li><code>${problem.pointer}</code>: ${problem.detail}</li>`)}
          </ul>
        </div>`;
      case 'ready':
      case 'applying':
        return html`<p>${this.#t('importChanges', { count: stage.preview.changes.length })}</p>
          ${stage.preview.changes.length
            ? html`<table>
                <caption>
                  ${this.#t('importDiff')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${this.#t('colPath')}</th>
                    <th scope="col">${this.#t('colBefore')}</th>
                    <th scope="col">${this.#t('colAfter')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${stage.preview.changes.map(
                    (change) => html`<tr>
                      <td><code>${change.path}</code></td>
                      <td>${shown(change.before)}</td>
                      <td>${shown(change.after)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`
            : nothing}
          <button type="button" ?disabled=${stage.kind === 'applying' || stage.preview.changes.length === 0} @click=${() => void this.#apply()}>${this.#t('importApply')}</button>`;
    }
  }

  override render() {
    return html`<h2>${this.#t('section-import')}</h2>
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">${this.#t('exportHeading')}</h3>
        <p>${this.#t('exportIntro')}</p>
        <a class="button secondary" href=${this.api?.exportUrl() ?? '#'} download="center-setup.json">${this.#t('exportButton')}</a>
      </section>
      <section aria-labelledby="import-heading">
        <h3 id="import-heading">${this.#t('importHeading')}</h3>
        <p class="hint" id="import-hint">${this.#t('importIntro')}</p>
        <div class="field">
          <label for="import-file">${this.#t('importFile')}</label>
          <input id="import-file" type="file" accept="application/json,.json" aria-describedby="import-hint" @change=${(event: Event) => void this.#onFile(event)} />
        </div>
        <div role="status">${this.#renderStage()}</div>
      </section>`;
  }
}

if (!customElements.get('iop-setup-transfer')) customElements.define('iop-setup-transfer', IopSetupTransfer);

declare global {
  interface HTMLElementTagNameMap {
    'iop-setup-transfer': IopSetupTransfer;
  }
}
