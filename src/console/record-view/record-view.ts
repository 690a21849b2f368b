/**
 * @summary One record for the people who work it: who to call (a `tel:` link), the screening answers
 * grouped by instrument with scores and bands, the coverage answer and card photos, status, assignee,
 * notes and history, and the FHIR QuestionnaireResponse to download. Opening it is one audited read.
 * @fires iop-record-closed - Back to the queue.
 */
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WorkStatus, type RecordKind, type RecordView } from '../../api/staff-schemas.js';
import { instruments, type InstrumentId } from '../../domain/instruments.js';
import { translate, type Locale } from '../../i18n/locale.js';
import type { ConsoleApi } from '../console-api.js';
import { consoleMessages, type ConsoleMessage } from '../console.messages.js';
import { consoleStyles } from '../console.styles.js';
import { recordReference } from '../record-reference.js';

/** Digits and a leading plus only, so the link can hold nothing else. */
const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** Fields shown elsewhere on the page, or too raw to read. */
const SHOWN_ELSEWHERE = new Set(['answers', 'scores', 'questionnaireResponse', 'cardPhotos', 'result', 'urgent', 'consent']);

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value !== 'object') return [[prefix, String(value)]];
  if (Array.isArray(value)) return value.length && value.every((item) => typeof item !== 'object') ? [[prefix, value.join(', ')]] : value.flatMap((item, index) => flatten(item, `${prefix} ${index + 1}`));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => (prefix === '' && SHOWN_ELSEWHERE.has(key) ? [] : flatten(inner, prefix ? `${prefix} / ${key}` : key)));
}

export class IopRecordView extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  @state() message = '';
  /** @internal */
  @state() saving = false;
  /** @internal */
  @state() note = '';

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';
  @property() kind: RecordKind = 'intakes';
  @property({ attribute: 'record-id' }) recordId = '';

  /** @internal */
  readonly record = new Task(this, {
    task: async ([api, kind, id], { signal }) => (api ? api.record(kind, id, signal) : undefined),
    args: () => [this.api, this.kind, this.recordId] as const,
  });
  /** @internal */
  readonly colleagues = new Task(this, {
    task: async ([api], { signal }) => (api ? (await api.colleagues(signal)).colleagues : []),
    args: () => [this.api] as const,
  });

  #t = (key: ConsoleMessage, params: Record<string, string | number> = {}) => translate(consoleMessages, this.locale, key, params);
  #time = (iso: string) => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  async #save(work: () => Promise<void>, done: string): Promise<void> {
    this.saving = true;
    this.message = '';
    try {
      await work();
      this.message = done;
      await this.record.run();
    } catch {
      this.message = this.#t('saveError');
    } finally {
      this.saving = false;
    }
  }

  #onStatus(event: SubmitEvent): void {
    event.preventDefault();
    const status = new FormData(event.target as HTMLFormElement).get('status') as WorkStatus;
    void this.#save(() => this.api!.changeStatus(this.kind, this.recordId, status), this.#t('statusSaved', { status: this.#t(`status-${status}`) }));
  }

  #onAssign(event: SubmitEvent): void {
    event.preventDefault();
    const accountId = String(new FormData(event.target as HTMLFormElement).get('assignee') ?? '');
    void this.#save(() => this.api!.assign(this.kind, this.recordId, accountId || null), this.#t('assigned'));
  }

  #onNote(event: SubmitEvent): void {
    event.preventDefault();
    const text = this.note.trim();
    if (!text) return;
    void this.#save(async () => {
      await this.api!.addNote(this.kind, this.recordId, text);
      this.note = '';
    }, this.#t('noteAdded'));
  }

  #close(): void {
    this.dispatchEvent(new Event('iop-record-closed', { bubbles: true, composed: true }));
  }

  #itemText(instrument: string, itemId: string, value: unknown): [string, string] {
    const definition = instruments[instrument as InstrumentId] ?? (instrument === 'phq-2' ? instruments['phq-9'] : undefined);
    const item = definition?.items.find((candidate) => candidate.id === itemId);
    const option = item?.options.find((candidate) => candidate.score === value);
    return [item?.text[this.locale] ?? itemId, option?.label[this.locale] ?? String(value)];
  }

  #renderScreening(view: RecordView) {
    const screening = view.screening;
    if (!screening) return null;
    return html`<section aria-labelledby="screening-heading">
      <h3 id="screening-heading">${this.#t('screeningHeading')}</h3>
      <p class="hint">${this.#t('screeningNote')}</p>
      <p>${this.#t('result', { result: this.#t(`result-${screening.result}`) })}</p>
      ${screening.groups.map((group) => {
        const title = instruments[group.instrument as InstrumentId]?.title[this.locale] ?? group.instrument.toUpperCase();
        return html`<h4>${title}</h4>
          ${group.score
            ? html`<p>${this.#t('score', { total: group.score.total, band: group.score.band })}${group.score.positive ? html`, <strong>${this.#t('positive')}</strong>` : null}</p>`
            : null}
          <dl>
            ${group.instrument === 'phq-2'
              ? null
              : group.answers.map((answer) => {
                  const [question, reply] = this.#itemText(group.instrument, answer.itemId, answer.value);
                  return html`<dt>${question}</dt><dd>${reply}</dd>`;
                })}
          </dl>`;
      })}
      <p><a class="button secondary" href=${this.api!.questionnaireResponseUrl(view.id)} download="questionnaire-response.json">${this.#t('downloadQr')}</a></p>
    </section>`;
  }

  #renderRecord(view: RecordView) {
    const colleagues = this.colleagues.value ?? [];
    return html`
      <h2>${this.#t('recordHeading', { kind: this.#t(`kind-${view.kind}`), reference: recordReference(view.id) })}</h2>
      ${view.urgent ? html`<p class="alert urgent">${this.#t('urgentNotice')}</p>` : null}
      <p>${view.displayName ?? ''}</p>
      <p>${view.phone ? html`<a class="button" href=${telHref(view.phone)}>${this.#t('call', { phone: view.phone })}</a>` : this.#t('noPhone')}</p>
      <p>${this.#t('receivedAt', { time: this.#time(view.receivedAt) })}</p>
      <p role="status">${this.message}</p>
      <div class="row">
        <form @submit=${this.#onStatus}>
          <div class="field">
            <label for="status">${this.#t('statusLabel')}</label>
            <select id="status" name="status">
              ${WorkStatus.options.map((status) => html`<option value=${status} ?selected=${view.status === status}>${this.#t(`status-${status}`)}</option>`)}
            </select>
          </div>
          <button type="submit" ?disabled=${this.saving}>${this.#t('changeStatus')}</button>
        </form>
        <form @submit=${this.#onAssign}>
          <div class="field">
            <label for="assignee">${this.#t('assignLabel')}</label>
            <select id="assignee" name="assignee">
              <option value="" ?selected=${!view.assignedTo}>${this.#t('nobody')}</option>
              ${colleagues.map((colleague) => html`<option value=${colleague.id} ?selected=${view.assignedTo?.id === colleague.id}>${colleague.displayName}</option>`)}
            </select>
          </div>
          <button type="submit" ?disabled=${this.saving}>${this.#t('assign')}</button>
        </form>
      </div>
      ${this.#renderScreening(view)}
      ${view.coverage
        ? html`<section aria-labelledby="coverage-heading">
            <h3 id="coverage-heading">${this.#t('coverageHeading')}</h3>
            <dl>${flatten(view.coverage).map(([key, value]) => html`<dt>${key}</dt><dd>${value}</dd>`)}</dl>
          </section>`
        : null}
      ${view.cardPhotos.length
        ? html`<section aria-labelledby="photos-heading">
            <h3 id="photos-heading">${this.#t('cardPhotosHeading')}</h3>
            ${view.cardPhotos.map((photo) => html`<img src=${this.api!.cardPhotoUrl(view.id, photo.id)} alt=${this.#t(`side-${photo.side}`)} width="320" />`)}
          </section>`
        : null}
      <section aria-labelledby="details-heading">
        <h3 id="details-heading">${this.#t('detailsHeading')}</h3>
        <dl>${flatten(view.data).map(([key, value]) => html`<dt>${key}</dt><dd>${value}</dd>`)}</dl>
      </section>
      <section aria-labelledby="notes-heading">
        <h3 id="notes-heading">${this.#t('notesHeading')}</h3>
        ${view.notes.length
          ? html`<ul>${view.notes.map((note) => html`<li><p>${note.text}</p><p class="hint">${this.#t('noteBy', { name: note.author.displayName, time: this.#time(note.createdAt) })}</p></li>`)}</ul>`
          : html`<p>${this.#t('noNotes')}</p>`}
        <form @submit=${this.#onNote}>
          <div class="field">
            <label for="note">${this.#t('noteLabel')}</label>
            <textarea id="note" maxlength="4000" .value=${this.note} @input=${(event: InputEvent) => (this.note = (event.target as HTMLTextAreaElement).value)}></textarea>
          </div>
          <button type="submit" ?disabled=${this.saving}>${this.#t('addNote')}</button>
        </form>
      </section>
      <section aria-labelledby="history-heading">
        <h3 id="history-heading">${this.#t('historyHeading')}</h3>
        ${view.history.length
          ? html`<ol>${view.history.map((change) => html`<li>${this.#t('historyItem', { status: this.#t(`status-${change.status}`), name: change.changedBy.displayName, time: this.#time(change.changedAt) })}</li>`)}</ol>`
          : html`<p>${this.#t('noHistory')}</p>`}
      </section>
    `;
  }

  override render() {
    return html`
      <p><button type="button" class="secondary" @click=${this.#close}>${this.#t('back')}</button></p>
      ${this.record.render({
        pending: () => (this.record.value ? this.#renderRecord(this.record.value) : html`<p role="status">${this.#t('loading')}</p>`),
        complete: (view) => (view ? this.#renderRecord(view) : null),
        error: () => html`<div class="alert" role="alert"><p>${this.#t('loadError')}</p><button type="button" @click=${() => void this.record.run()}>${this.#t('tryAgain')}</button></div>`,
      })}
    `;
  }
}

if (!customElements.get('iop-record-view')) customElements.define('iop-record-view', IopRecordView);

declare global {
  interface HTMLElementTagNameMap {
    'iop-record-view': IopRecordView;
  }
}
