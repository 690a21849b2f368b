/**
 * @summary The work queue: every open request across intakes, bookings, insurance checks, call-back
 * requests and RSVPs, urgent first then oldest, live. Viewers see counts and statuses only.
 * @fires iop-record-opened - A record was opened (kind and id only).
 */
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RecordKind, WorkStatus, type QueueItem, type StaffRole } from '../../api/staff-schemas.js';
import type { Locale } from '../../i18n/locale.js';
import { translate } from '../../i18n/locale.js';
import type { ConsoleApi } from '../console-api.js';
import { RecordOpenedEvent } from '../console-events.js';
import { consoleMessages, type ConsoleMessage } from '../console.messages.js';
import { consoleStyles } from '../console.styles.js';
import { QueueController } from '../queue-controller.js';
import { recordReference } from '../record-reference.js';

export class IopWorkQueue extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  queue: QueueController | undefined;

  /** @internal */
  @state() draft = { status: 'open', kind: '', q: '' };

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';
  @property({ attribute: 'staff-role' }) staffRole: StaffRole = 'viewer';

  #t = (key: ConsoleMessage, params: Record<string, string | number> = {}) => translate(consoleMessages, this.locale, key, params);

  override connectedCallback(): void {
    if (!this.queue && this.api) this.queue = new QueueController(this, this.api, () => this.staffRole);
    super.connectedCallback();
  }

  #time(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  #onFilter(event: SubmitEvent): void {
    event.preventDefault();
    this.queue?.applyFilter({ ...this.draft });
  }

  #open(item: { kind: RecordKind; id: string }): void {
    this.queue?.acknowledge();
    this.dispatchEvent(new RecordOpenedEvent(item.kind, item.id));
  }

  #renderRow(item: QueueItem | { id: string; kind: RecordKind; receivedAt: string; status: WorkStatus }) {
    const worked = 'urgent' in item;
    const reference = recordReference(item.id);
    return html`<tr>
      <td>
        ${worked
          ? html`<button type="button" class="link" @click=${() => this.#open(item)}>${reference}</button>
              ${item.urgent ? html`<span class="urgent"> ${this.#t('urgent')}</span>` : null}`
          : reference}
      </td>
      <td>${this.#t(`kind-${item.kind}`)}</td>
      <td>${this.#time(item.receivedAt)}</td>
      <td>${this.#t(`status-${item.status}`)}</td>
      ${worked ? html`<td>${item.assignedTo?.displayName ?? this.#t('nobody')}</td>` : null}
    </tr>`;
  }

  override render() {
    const queue = this.queue;
    if (!queue) return html`<p role="status">${this.#t('loading')}</p>`;
    const worked = this.staffRole !== 'viewer';
    const kinds = this.staffRole === 'alumni' ? (['rsvps'] as const) : RecordKind.options;
    return html`
      <h2>${this.#t('queueHeading')}</h2>
      <div role="alert">
        ${queue.newUrgent > 0
          ? html`<div class="alert">
              <p>${queue.newUrgent === 1 ? this.#t('urgentAlertOne') : this.#t('urgentAlertMany', { count: queue.newUrgent })}</p>
              <button type="button" class="secondary" @click=${() => queue.acknowledge()}>OK</button>
            </div>`
          : null}
      </div>
      <p role="status">${queue.live ? this.#t('liveOn') : this.#t('liveOff')}</p>
      <form class="row" @submit=${this.#onFilter}>
        <div class="field">
          <label for="status">${this.#t('filterStatus')}</label>
          <select id="status" @change=${(event: Event) => (this.draft = { ...this.draft, status: (event.target as HTMLSelectElement).value })}>
            ${['open', 'all', ...WorkStatus.options].map((status) => html`<option value=${status} ?selected=${this.draft.status === status}>${this.#t(`status-${status}` as ConsoleMessage)}</option>`)}
          </select>
        </div>
        ${kinds.length > 1
          ? html`<div class="field">
              <label for="kind">${this.#t('filterKind')}</label>
              <select id="kind" @change=${(event: Event) => (this.draft = { ...this.draft, kind: (event.target as HTMLSelectElement).value })}>
                <option value="" ?selected=${this.draft.kind === ''}>${this.#t('kind-all')}</option>
                ${kinds.map((kind) => html`<option value=${kind} ?selected=${this.draft.kind === kind}>${this.#t(`kind-${kind}`)}</option>`)}
              </select>
            </div>`
          : null}
        <div class="field">
          <label for="reference">${this.#t('search')}</label>
          <p class="hint" id="reference-hint">${this.#t('searchHint')}</p>
          <input id="reference" aria-describedby="reference-hint" autocomplete="off" spellcheck="false" maxlength="64" .value=${this.draft.q} @input=${(event: InputEvent) => (this.draft = { ...this.draft, q: (event.target as HTMLInputElement).value })} />
        </div>
        <div class="field"><button type="submit">${this.#t('applyFilters')}</button></div>
      </form>
      ${worked
        ? html`<div class="field">
            <label><input type="checkbox" .checked=${queue.sound} @change=${(event: Event) => (queue.sound = (event.target as HTMLInputElement).checked)} /> ${this.#t('soundToggle')}</label>
          </div>`
        : null}
      ${queue.phase === 'loading' && queue.items.length === 0
        ? html`<p role="status">${this.#t('loading')}</p>`
        : queue.phase === 'error'
          ? html`<div class="alert" role="alert"><p>${this.#t('loadError')}</p><button type="button" @click=${() => void queue.load()}>${this.#t('tryAgain')}</button></div>`
          : html`
              <dl class="row" aria-label=${this.#t('counts')}>
                ${WorkStatus.options.map((status) => html`<div><dt>${this.#t(`status-${status}`)}</dt><dd>${queue.counts[status] ?? 0}</dd></div>`)}
              </dl>
              ${queue.items.length === 0
                ? html`<p>${this.#t('emptyQueue')}</p>`
                : html`<table>
                    <caption>${this.#t('queueCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${this.#t('colReference')}</th>
                        <th scope="col">${this.#t('colKind')}</th>
                        <th scope="col">${this.#t('colReceived')}</th>
                        <th scope="col">${this.#t('colStatus')}</th>
                        ${worked ? html`<th scope="col">${this.#t('colAssignee')}</th>` : null}
                      </tr>
                    </thead>
                    <tbody>
                      ${queue.items.map((item) => this.#renderRow(item))}
                    </tbody>
                  </table>`}
            `}
    `;
  }
}

if (!customElements.get('iop-work-queue')) customElements.define('iop-work-queue', IopWorkQueue);

declare global {
  interface HTMLElementTagNameMap {
    'iop-work-queue': IopWorkQueue;
  }
}
