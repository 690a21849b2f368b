/**
 * @summary Settings: assessment hours (weekly windows per mode and track), date overrides
 * (holidays, extra hours), minimum notice and booking horizon, with a preview of the next two
 * weeks of slots in the center's zone and the viewer's.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AssessmentMode } from '../../api/schemas.js';
import type { AvailabilityPreview, AvailabilitySettings, AvailabilityWindowSetting, DateOverride } from '../../api/settings-schemas.js';
import { numberFromText } from '../../domain/setup-forms.js';
import type { SetupMessage } from '../setup.messages.js';
import { weekdayNames } from './labels.js';
import { fieldId, SettingsPage } from './settings-page.js';

type Hours = Omit<AvailabilityWindowSetting, 'day'>;

export class IopAvailabilitySettings extends SettingsPage<'availability'> {
  protected readonly section = 'availability' as const;

  /** @internal */
  @state() preview?: AvailabilityPreview;
  /** @internal */
  @state() previewStatus: 'idle' | 'loading' | 'failed' = 'idle';
  /** @internal The center's tracks, for windows that lead to some tracks only. */
  @state() tracks: { id: string; name: string }[] = [];
  /** @internal The viewer's own zone, for the second column of the preview. */
  readonly viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api
      ?.section('programs')
      .then((programs) => (this.tracks = programs.value.programs.flatMap((program) => program.tracks.map((track) => ({ id: track.id, name: track.name })))))
      .catch(() => undefined);
  }

  #nextId(prefix: string): string {
    const taken = new Set([...(this.draft?.windows ?? []).map((w) => w.id), ...(this.draft?.overrides ?? []).flatMap((o) => o.extraHours.map((h) => h.id))]);
    let n = 1;
    while (taken.has(`${prefix}-${n}`)) n += 1;
    return `${prefix}-${n}`;
  }

  async #runPreview(): Promise<void> {
    if (!this.api || !this.draft) return;
    this.previewStatus = 'loading';
    try {
      this.preview = await this.api.previewAvailability(this.draft);
      this.previewStatus = 'idle';
    } catch {
      this.previewStatus = 'failed';
    }
  }

  #hoursFields(path: (string | number)[], hours: Hours, set: (change: (h: Hours) => Hours) => void) {
    return html`
      ${this.input({ path: [...path, 'start'], label: this.t('from'), type: 'time', value: hours.start, onInput: (v) => set((h) => ({ ...h, start: v })) })}
      ${this.input({ path: [...path, 'end'], label: this.t('to'), type: 'time', value: hours.end, onInput: (v) => set((h) => ({ ...h, end: v })) })}
      ${this.select({ path: [...path, 'mode'], label: this.t('mode'), value: hours.mode, choices: AssessmentMode.options.map((m) => ({ value: m, label: this.t(`mode-${m}` as SetupMessage) })), onChange: (v) => set((h) => ({ ...h, mode: v as Hours['mode'] })) })}
      ${this.input({ path: [...path, 'slotMinutes'], label: this.t('slotMinutes'), type: 'number', width: 'short', value: hours.slotMinutes, onInput: (v) => set((h) => ({ ...h, slotMinutes: numberFromText(v) ?? Number.NaN })) })}
      ${this.tracks.length > 1
        ? html`<fieldset id=${fieldId(...path, 'trackIds')} tabindex="-1">
            <legend>${this.t('forTracks')}</legend>
            ${this.tracks.map((track) =>
              this.checkbox({
                path: [...path, 'trackIds', track.id],
                label: track.name,
                checked: hours.trackIds.includes(track.id),
                onChange: (checked) => set((h) => ({ ...h, trackIds: this.tracks.map((t) => t.id).filter((id) => (id === track.id ? checked : h.trackIds.includes(id))) })),
              }),
            )}
          </fieldset>`
        : nothing}
    `;
  }

  protected renderFields(draft: AvailabilitySettings) {
    const days = weekdayNames(this.locale);
    const setWindow = (w: number) => (change: (h: Hours) => Hours) =>
      this.edit((d) => {
        const current = d.windows[w]!;
        d.windows[w] = { ...change(current), day: current.day };
      });
    const setOverride = (o: number, change: (override: DateOverride) => DateOverride) => this.edit((d) => void (d.overrides[o] = change(d.overrides[o]!)));
    return html`
      <fieldset id=${fieldId('windows')} tabindex="-1">
        <legend>${this.t('weeklyHours')}</legend>
        <p class="hint">${this.t('weeklyHoursHint')}</p>
        ${draft.windows.map(
          (window, w) => html`<div class="row item">
            ${this.select({ path: ['windows', w, 'day'], label: this.t('day'), value: String(window.day), choices: days.map((label, day) => ({ value: String(day), label })), onChange: (v) => this.edit((d) => void (d.windows[w]!.day = Number(v))) })}
            ${this.#hoursFields(['windows', w], window, setWindow(w))}
            <div class="field">
              <button type="button" class="secondary" aria-label=${this.t('removeThis', { what: `${days[window.day]} ${window.start}–${window.end}` })} @click=${() => this.removeItem((d) => void d.windows.splice(w, 1), 'add-window')}>${this.t('remove')}</button>
            </div>
          </div>`,
        )}
        <button
          id="add-window"
          type="button"
          class="secondary"
          @click=${() => this.edit((d) => void d.windows.push({ id: this.#nextId('window'), day: 1, start: '09:00', end: '17:00', mode: 'phone', slotMinutes: 60, trackIds: [] }))}
        >
          ${this.t('addWindow')}
        </button>
      </fieldset>
      <fieldset id=${fieldId('overrides')} tabindex="-1">
        <legend>${this.t('overrides')}</legend>
        <p class="hint">${this.t('overridesHint')}</p>
        ${draft.overrides.map(
          (override, o) => html`<div class="item">
            <div class="row">
              ${this.input({ path: ['overrides', o, 'date'], label: this.t('date'), type: 'date', value: override.date, onInput: (v) => setOverride(o, (x) => ({ ...x, date: v })) })}
              ${this.input({
                path: ['overrides', o, 'note'],
                label: `${this.t('staffNote')} ${this.t('optional')}`,
                value: override.note,
                onInput: (v) =>
                  setOverride(o, (x) => {
                    const { note: _old, ...rest } = x;
                    return v.trim() ? { ...rest, note: v } : rest;
                  }),
              })}
            </div>
            ${this.checkbox({ path: ['overrides', o, 'closed'], label: this.t('closedAllDay'), checked: override.closed, onChange: (checked) => setOverride(o, (x) => ({ ...x, closed: checked })) })}
            ${override.extraHours.map(
              (hours, h) => html`<div class="row">
                ${this.#hoursFields(['overrides', o, 'extraHours', h], hours, (change) => setOverride(o, (x) => ({ ...x, extraHours: x.extraHours.map((hh, i) => (i === h ? change(hh) : hh)) })))}
                <div class="field">
                  <button type="button" class="secondary" aria-label=${this.t('removeThis', { what: `${override.date} ${hours.start}–${hours.end}` })} @click=${() => this.removeItem((d) => void d.overrides[o]!.extraHours.splice(h, 1), fieldId('overrides', o, 'add-extra'))}>
                    ${this.t('remove')}
                  </button>
                </div>
              </div>`,
            )}
            <div class="row">
              <button id=${fieldId('overrides', o, 'add-extra')} type="button" class="secondary" @click=${() => setOverride(o, (x) => ({ ...x, extraHours: [...x.extraHours, { id: this.#nextId('extra'), start: '09:00', end: '12:00', mode: 'phone', slotMinutes: 60, trackIds: [] }] }))}>
                ${this.t('addExtraHours')}
              </button>
              <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.overrides.splice(o, 1), 'add-override')}>${this.t('removeThis', { what: override.date || this.t('date') })}</button>
            </div>
          </div>`,
        )}
        <button id="add-override" type="button" class="secondary" @click=${() => this.edit((d) => void d.overrides.push({ date: '', closed: true, extraHours: [] }))}>${this.t('addOverride')}</button>
      </fieldset>
      <div class="grid">
        ${this.input({ path: ['minimumNoticeHours'], label: this.t('minimumNotice'), hint: this.t('minimumNoticeHint'), type: 'number', value: draft.minimumNoticeHours, onInput: (v) => this.edit((d) => void (d.minimumNoticeHours = numberFromText(v) ?? 0)) })}
        ${this.input({ path: ['bookingHorizonDays'], label: this.t('horizon'), hint: this.t('horizonHint'), type: 'number', value: draft.bookingHorizonDays, onInput: (v) => this.edit((d) => void (d.bookingHorizonDays = numberFromText(v) ?? null)) })}
      </div>
    `;
  }

  protected override renderAfter() {
    const preview = this.preview;
    const format = (iso: string, timeZone: string) => new Intl.DateTimeFormat(this.locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso));
    const sameZone = preview?.timeZone === this.viewerZone;
    return html`<section aria-labelledby="preview-heading">
      <h3 id="preview-heading">${this.t('slotPreview')}</h3>
      <p class="hint">${this.t('slotPreviewHint')}</p>
      <button type="button" class="secondary" ?disabled=${this.previewStatus === 'loading'} @click=${() => void this.#runPreview()}>${this.t('showPreview')}</button>
      <div role="status">
        ${this.previewStatus === 'loading' ? html`<p>${this.t('loading')}</p>` : nothing} ${this.previewStatus === 'failed' ? html`<p class="alert">${this.t('previewFailed')}</p>` : nothing}
        ${preview && this.previewStatus === 'idle' ? html`<p>${this.t('previewCount', { count: preview.slots.length, from: preview.from, to: preview.to })}</p>` : nothing}
      </div>
      ${preview && preview.slots.length
        ? html`<table>
            <caption>
              ${this.t('slotPreview')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.t('centerTime', { zone: preview.timeZone })}</th>
                ${sameZone ? nothing : html`<th scope="col">${this.t('yourTime', { zone: this.viewerZone })}</th>`}
                <th scope="col">${this.t('mode')}</th>
              </tr>
            </thead>
            <tbody>
              ${preview.slots.map(
                (slot) => html`<tr>
                  <td>${format(slot.start, preview.timeZone)}</td>
                  ${sameZone ? nothing : html`<td>${format(slot.start, this.viewerZone)}</td>`}
                  <td>${this.t(`mode-${slot.mode}` as SetupMessage)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    </section>`;
  }
}

if (!customElements.get('iop-availability-settings')) customElements.define('iop-availability-settings', IopAvailabilitySettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-availability-settings': IopAvailabilitySettings;
  }
}
