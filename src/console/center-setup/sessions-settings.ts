/**
 * @summary Settings: alumni, family and peer sessions, with a recurrence editor (weekly, every
 * other week, nth or last weekday, a day of the month, once), exceptions and a preview of the next
 * dates; titles, topics, description and place in English and Spanish.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { Audience, Format } from '../../api/schemas.js';
import type { SessionSetting, SessionsSettings } from '../../api/settings-schemas.js';
import { withTranslation } from '../../domain/center-text.js';
import { nextOccurrences } from '../../domain/session-recurrence.js';
import { datesFromText, idFromName, listFromText, numberFromText, recurrenceChoice, recurrenceOfKind, type RecurrenceChoice } from '../../domain/setup-forms.js';
import type { SetupMessage } from '../setup.messages.js';
import { weekdayNames } from './labels.js';
import { fieldId, SettingsPage } from './settings-page.js';

const CHOICES: readonly RecurrenceChoice[] = ['weekly', 'every-other-week', 'monthly-nth', 'monthly-day', 'once'];
const NTH = [1, 2, 3, 4, -1] as const;

export class IopSessionsSettings extends SettingsPage<'sessions'> {
  protected readonly section = 'sessions' as const;

  /** @internal The center's zone, for the preview of dates. */
  @state() centerZone?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api
      ?.section('profile')
      .then((profile) => (this.centerZone = profile.value.timeZone))
      .catch(() => undefined);
  }

  #renderRecurrence(i: number, session: SessionSetting) {
    const path = ['sessions', i, 'recurrence'];
    const recurrence = session.recurrence;
    const days = weekdayNames(this.locale).map((label, day) => ({ value: String(day), label }));
    const set = (change: Partial<Record<string, unknown>>) => this.edit((d) => void (d.sessions[i]!.recurrence = { ...d.sessions[i]!.recurrence, ...change } as SessionSetting['recurrence']));
    return html`<fieldset id=${fieldId(...path)} tabindex="-1">
      <legend>${this.t('repeats')}</legend>
      ${this.select({
        path: [...path, 'kind'],
        label: this.t('repeatsHow'),
        value: recurrenceChoice(recurrence),
        choices: CHOICES.map((choice) => ({ value: choice, label: this.t(`repeat-${choice}` as SetupMessage) })),
        onChange: (v) => this.edit((d) => void (d.sessions[i]!.recurrence = recurrenceOfKind(v as RecurrenceChoice, d.sessions[i]!.recurrence) as SessionSetting['recurrence'])),
      })}
      <div class="grid">
        ${recurrence.kind === 'monthly-nth'
          ? this.select({ path: [...path, 'nth'], label: this.t('whichWeek'), value: String(recurrence.nth), choices: NTH.map((n) => ({ value: String(n), label: this.t(`nth-${n}` as SetupMessage) })), onChange: (v) => set({ nth: Number(v) }) })
          : nothing}
        ${recurrence.kind === 'weekly' || recurrence.kind === 'monthly-nth' ? this.select({ path: [...path, 'day'], label: this.t('day'), value: String(recurrence.day), choices: days, onChange: (v) => set({ day: Number(v) }) }) : nothing}
        ${recurrence.kind === 'monthly-day'
          ? this.input({ path: [...path, 'dayOfMonth'], label: this.t('dayOfMonth'), hint: this.t('dayOfMonthHint'), type: 'number', width: 'short', value: recurrence.dayOfMonth, onInput: (v) => set({ dayOfMonth: numberFromText(v) ?? Number.NaN }) })
          : nothing}
        ${recurrence.kind === 'once'
          ? this.input({ path: [...path, 'date'], label: this.t('date'), type: 'date', value: recurrence.date, onInput: (v) => set({ date: v }) })
          : html`${this.input({ path: [...path, 'startDate'], label: this.t('firstDate'), type: 'date', value: recurrence.startDate, onInput: (v) => set({ startDate: v }) })}
            ${this.input({
              path: [...path, 'until'],
              label: `${this.t('lastDate')} ${this.t('optional')}`,
              type: 'date',
              value: recurrence.until,
              onInput: (v) =>
                this.edit((d) => {
                  const { until: _old, ...rest } = d.sessions[i]!.recurrence as { until?: string };
                  d.sessions[i]!.recurrence = (v ? { ...rest, until: v } : rest) as SessionSetting['recurrence'];
                }),
            })}`}
        ${this.input({ path: [...path, 'start'], label: this.t('startsAt'), type: 'time', value: recurrence.start, onInput: (v) => set({ start: v }) })}
      </div>
      ${recurrence.kind === 'once'
        ? nothing
        : this.input({
            path: ['sessions', i, 'exceptions'],
            label: this.t('exceptions'),
            hint: this.t('exceptionsHint'),
            multiline: true,
            value: session.exceptions.join('\n'),
            onInput: (v) => this.edit((d) => void (d.sessions[i]!.exceptions = datesFromText(v))),
          })}
      ${this.#renderNextDates(session)}
    </fieldset>`;
  }

  /** The next dates as the widgets will show them, with the skipped ones marked. */
  #renderNextDates(session: SessionSetting) {
    const zone = this.centerZone;
    if (!zone) return nothing;
    let dates: { date: string; start: Date; skipped: boolean }[];
    try {
      const exceptions = new Set(session.exceptions);
      dates = nextOccurrences({ ...session, timeZone: zone, exceptions: [] }, new Date(), 8).map((occurrence) => ({ date: occurrence.date, start: occurrence.start, skipped: exceptions.has(occurrence.date) }));
    } catch {
      dates = [];
    }
    const format = new Intl.DateTimeFormat(this.locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone });
    return html`<h4>${this.t('nextDates')}</h4>
      ${dates.length
        ? html`<ul class="dates">
            ${dates.map((d) => html`<li>${d.skipped ? html`<s>${format.format(d.start)}</s> ${this.t('skipped')}` : format.format(d.start)}</li>`)}
          </ul>`
        : html`<p>${this.t('noNextDates')}</p>`}`;
  }

  protected renderFields(draft: SessionsSettings) {
    const set = (i: number, change: (session: SessionSetting) => SessionSetting) => this.edit((d) => void (d.sessions[i] = change(d.sessions[i]!)));
    return html`
      ${draft.sessions.length === 0 ? html`<p>${this.t('noSessions')}</p>` : nothing}
      ${draft.sessions.map((session, i) => {
        const path = ['sessions', i];
        return html`<section class="item" aria-labelledby=${fieldId(...path, 'heading')}>
          <h3 id=${fieldId(...path, 'heading')}>${session.title || this.t('newSession')}</h3>
          <div class="grid">
            ${this.input({
              path: [...path, 'title'],
              label: this.t('sessionTitle'),
              value: session.title,
              onInput: (v) => {
                // A session added since the last save keeps its id in step with its title.
                const saved = (this.loaded?.value.sessions ?? []).some((other) => other.id === session.id);
                const others = draft.sessions.map((other) => other.id).filter((id) => id !== session.id);
                set(i, (x) => ({ ...x, title: v, ...(saved ? {} : { id: idFromName(v, others, 'session') }) }));
              },
            })}
            ${this.input({ path: [...path, 'id'], label: this.t('id'), hint: this.t('idHint'), value: session.id, onInput: (v) => set(i, (x) => ({ ...x, id: v.trim() })) })}
            ${this.select({ path: [...path, 'audience'], label: this.t('audience'), value: session.audience, choices: Audience.options.map((a) => ({ value: a, label: this.t(`audience-${a}` as SetupMessage) })), onChange: (v) => set(i, (x) => ({ ...x, audience: v as SessionSetting['audience'] })) })}
            ${this.select({ path: [...path, 'format'], label: this.t('format'), value: session.format, choices: Format.options.map((f) => ({ value: f, label: this.t(`format-${f}` as SetupMessage) })), onChange: (v) => set(i, (x) => ({ ...x, format: v as SessionSetting['format'] })) })}
            ${this.select({ path: [...path, 'language'], label: this.t('heldIn'), value: session.language, choices: [{ value: 'en', label: 'English' }, { value: 'es', label: 'Español' }], onChange: (v) => set(i, (x) => ({ ...x, language: v as SessionSetting['language'] })) })}
            ${this.input({ path: [...path, 'durationMinutes'], label: this.t('durationMinutes'), type: 'number', value: session.durationMinutes, onInput: (v) => set(i, (x) => ({ ...x, durationMinutes: numberFromText(v) ?? Number.NaN })) })}
            ${this.input({ path: [...path, 'capacity'], label: this.t('capacity'), hint: this.t('seatCapacityHint'), type: 'number', value: session.capacity, onInput: (v) => set(i, (x) => ({ ...x, capacity: numberFromText(v) ?? null })) })}
            ${this.input({ path: [...path, 'facilitator', 'firstName'], label: this.t('facilitatorName'), value: session.facilitator.firstName, onInput: (v) => set(i, (x) => ({ ...x, facilitator: { ...x.facilitator, firstName: v } })) })}
            ${this.input({ path: [...path, 'facilitator', 'role'], label: this.t('facilitatorRole'), value: session.facilitator.role, onInput: (v) => set(i, (x) => ({ ...x, facilitator: { ...x.facilitator, role: v } })) })}
          </div>
          ${this.input({ path: [...path, 'topics'], label: this.t('topics'), hint: this.t('topicsHint'), value: session.topics.join(', '), onInput: (v) => set(i, (x) => ({ ...x, topics: listFromText(v) })) })}
          ${this.input({ path: [...path, 'description'], label: `${this.t('description')} ${this.t('optional')}`, multiline: true, value: session.description, onInput: (v) => set(i, (x) => optional(x, 'description', v)) })}
          ${this.input({ path: [...path, 'location'], label: `${this.t('location')} ${this.t('optional')}`, value: session.location, onInput: (v) => set(i, (x) => optional(x, 'location', v)) })}
          ${this.input({ path: [...path, 'joinUrl'], label: `${this.t('joinUrl')} ${this.t('optional')}`, hint: this.t('joinUrlHint'), type: 'url', value: session.joinUrl, onInput: (v) => set(i, (x) => optional(x, 'joinUrl', v.trim())) })}
          ${this.spanish([
            this.input({ path: [...path, 'translations', 'es', 'title'], label: this.t('sessionTitle'), lang: 'es', value: session.translations?.es?.title, onInput: (v) => set(i, (x) => withTranslation(x, 'es', 'title', v)) }),
            this.input({ path: [...path, 'translations', 'es', 'topics'], label: this.t('topics'), lang: 'es', value: session.translations?.es?.topics?.join(', '), onInput: (v) => set(i, (x) => withTranslation(x, 'es', 'topics', listFromText(v))) }),
            this.input({ path: [...path, 'translations', 'es', 'description'], label: this.t('description'), lang: 'es', multiline: true, value: session.translations?.es?.description, onInput: (v) => set(i, (x) => withTranslation(x, 'es', 'description', v)) }),
            this.input({ path: [...path, 'translations', 'es', 'location'], label: this.t('location'), lang: 'es', value: session.translations?.es?.location, onInput: (v) => set(i, (x) => withTranslation(x, 'es', 'location', v)) }),
          ])}
          ${this.#renderRecurrence(i, session)}
          <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.sessions.splice(i, 1), 'add-session')}>${this.t('removeThis', { what: session.title })}</button>
        </section>`;
      })}
      <button
        id="add-session"
        type="button"
        class="secondary"
        @click=${() => {
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: this.centerZone ?? 'UTC' }).format(new Date());
          this.edit((d) =>
            d.sessions.push({
              id: idFromName(this.t('newSession'), d.sessions.map((s) => s.id), 'session'),
              title: '',
              topics: [],
              audience: 'alumni',
              format: 'in-person',
              language: 'en',
              facilitator: { firstName: '', role: '' },
              durationMinutes: 90,
              recurrence: { kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: today },
              exceptions: [],
              capacity: null,
            }),
          );
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${fieldId('sessions', this.draft!.sessions.length - 1, 'title')}`)?.focus());
        }}
      >
        ${this.t('addSession')}
      </button>
    `;
  }
}

function optional<T extends object>(item: T, key: string, value: string): T {
  const copy = { ...item } as Record<string, unknown>;
  if (value.trim()) copy[key] = value;
  else delete copy[key];
  return copy as T;
}

if (!customElements.get('iop-sessions-settings')) customElements.define('iop-sessions-settings', IopSessionsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-sessions-settings': IopSessionsSettings;
  }
}
