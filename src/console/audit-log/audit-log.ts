/**
 * @summary The audit trail for administrators: filter by action and record, read who did what, when
 * and from where, and export it (FHIR R4 AuditEvent NDJSON or CSV; each export is itself audited).
 */
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AuditAction } from '../../api/staff-schemas.js';
import { translate, type Locale } from '../../i18n/locale.js';
import type { AuditFilter, ConsoleApi } from '../console-api.js';
import { consoleMessages, type ConsoleMessage } from '../console.messages.js';
import { consoleStyles } from '../console.styles.js';

export class IopAuditLog extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  @state() filter: AuditFilter = {};

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  /** @internal */
  readonly entries = new Task(this, {
    task: async ([api, filter], { signal }) => (api ? (await api.audit(filter, signal)).entries : []),
    args: () => [this.api, this.filter] as const,
  });

  #t = (key: ConsoleMessage, params: Record<string, string | number> = {}) => translate(consoleMessages, this.locale, key, params);

  #onFilter(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const action = AuditAction.safeParse(form.get('action'));
    const recordId = String(form.get('record') ?? '').trim();
    this.filter = { ...(action.success ? { action: action.data } : {}), ...(/^[A-Za-z0-9_-]{1,64}$/.test(recordId) ? { recordId } : {}) };
  }

  override render() {
    return html`
      <h2>${this.#t('auditHeading')}</h2>
      <form class="row" @submit=${this.#onFilter}>
        <div class="field">
          <label for="action">${this.#t('filterAction')}</label>
          <select id="action" name="action">
            <option value="">${this.#t('action-any')}</option>
            ${AuditAction.options.map((action) => html`<option value=${action} ?selected=${this.filter.action === action}>${this.#t(`action-${action}`)}</option>`)}
          </select>
        </div>
        <div class="field"><label for="record">${this.#t('filterRecord')}</label><input id="record" name="record" maxlength="64" autocomplete="off" spellcheck="false" /></div>
        <div class="field"><button type="submit">${this.#t('applyFilters')}</button></div>
      </form>
      <p class="row">
        <a class="button secondary" href=${this.api?.auditExportUrl('fhir', this.filter) ?? '#'} download="audit-events.ndjson">${this.#t('exportFhir')}</a>
        <a class="button secondary" href=${this.api?.auditExportUrl('csv', this.filter) ?? '#'} download="audit-events.csv">${this.#t('exportCsv')}</a>
      </p>
      ${this.entries.render({
        pending: () => html`<p role="status">${this.#t('loading')}</p>`,
        error: () => html`<div class="alert" role="alert"><p>${this.#t('loadError')}</p><button type="button" @click=${() => void this.entries.run()}>${this.#t('tryAgain')}</button></div>`,
        complete: (entries) =>
          entries.length === 0
            ? html`<p>${this.#t('noEntries')}</p>`
            : html`<table>
                <caption>${this.#t('auditCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${this.#t('colWhen')}</th>
                    <th scope="col">${this.#t('colWho')}</th>
                    <th scope="col">${this.#t('colFrom')}</th>
                    <th scope="col">${this.#t('colAction')}</th>
                    <th scope="col">${this.#t('colRecord')}</th>
                    <th scope="col">${this.#t('colOutcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(
                    (entry) => html`<tr>
                      <td>${new Intl.DateTimeFormat(this.locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(entry.at))}</td>
                      <td>${entry.actorLabel ?? entry.actorKind}</td>
                      <td>${entry.sourceAddress ?? ''}</td>
                      <td>${this.#t(`action-${entry.action}`)}</td>
                      <td>${entry.recordId ?? ''}</td>
                      <td>${entry.outcome === 'success' ? this.#t('success') : this.#t('failure')}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`,
      })}
    `;
  }
}

if (!customElements.get('iop-audit-log')) customElements.define('iop-audit-log', IopAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'iop-audit-log': IopAuditLog;
  }
}
