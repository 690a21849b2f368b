/** @summary Settings: programs and their tracks (schedule, length, format, seats, price), in English and Spanish. */
import { html, nothing } from 'lit';
import { Audience, Format } from '../../api/schemas.js';
import type { ProgramSetting, ProgramsSettings, TrackSetting } from '../../api/settings-schemas.js';
import { withTranslation } from '../../domain/center-text.js';
import { centsFromDollars, dollarsFromCents, idFromName, numberFromText } from '../../domain/setup-forms.js';
import type { SetupMessage } from '../setup.messages.js';
import { weekdayNames } from './labels.js';
import { fieldId, SettingsPage } from './settings-page.js';

const KINDS = ['iop', 'family', 'alumni'] as const;

export class IopProgramsSettings extends SettingsPage<'programs'> {
  protected readonly section = 'programs' as const;

  /** Ids of what is saved: an item added since keeps its id in step with its name. */
  #savedIds(): Set<string> {
    return new Set((this.loaded?.value.programs ?? []).flatMap((program) => [program.id, ...program.tracks.map((track) => `track:${track.id}`)]));
  }

  #track(p: number, t: number, change: (track: TrackSetting) => TrackSetting): void {
    this.edit((draft) => {
      const program = draft.programs[p]!;
      program.tracks[t] = change(program.tracks[t]!);
    });
  }

  #program(p: number, change: (program: ProgramSetting) => ProgramSetting): void {
    this.edit((draft) => void (draft.programs[p] = change(draft.programs[p]!)));
  }

  #addProgram(): void {
    this.edit((draft) => {
      const id = idFromName(this.t('newProgram'), draft.programs.map((program) => program.id), 'program');
      draft.programs.push({ id, name: this.t('newProgram'), kind: 'iop', tracks: [] });
    });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${fieldId('programs', this.draft!.programs.length - 1, 'name')}`)?.focus());
  }

  #addTrack(p: number): void {
    this.edit((draft) => {
      const taken = draft.programs.flatMap((program) => program.tracks.map((track) => track.id));
      const program = draft.programs[p]!;
      program.tracks.push({
        id: idFromName(`${program.id} ${this.t('newTrack')}`, taken, 'track'),
        name: this.t('newTrack'),
        audience: 'general',
        meetings: [{ day: 1, start: '09:00', end: '12:00' }],
        weeks: 8,
        hoursPerWeek: 9,
        format: 'in-person',
        languages: ['en'],
        startWeekday: 1,
        seatCapacity: null,
      });
    });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${fieldId('programs', p, 'tracks', this.draft!.programs[p]!.tracks.length - 1, 'name')}`)?.focus());
  }

  #renderTrack(p: number, t: number, track: TrackSetting) {
    const path = ['programs', p, 'tracks', t];
    const days = weekdayNames(this.locale);
    const dayChoices = days.map((label, day) => ({ value: String(day), label }));
    const set = (change: (track: TrackSetting) => TrackSetting) => this.#track(p, t, change);
    return html`<section class="item" aria-labelledby=${fieldId(...path, 'heading')}>
      <h4 id=${fieldId(...path, 'heading')}>${this.t('trackHeading', { name: track.name })}</h4>
      <div class="grid">
        ${this.input({
          path: [...path, 'name'],
          label: this.t('nameField'),
          value: track.name,
          onInput: (v) => {
            const others = (this.draft?.programs ?? []).flatMap((program) => program.tracks.map((other) => other.id)).filter((id) => id !== track.id);
            set((x) => ({ ...x, name: v, ...(this.#savedIds().has(`track:${x.id}`) ? {} : { id: idFromName(v, others, 'track') }) }));
          },
        })}
        ${this.input({ path: [...path, 'id'], label: this.t('id'), hint: this.t('idHint'), value: track.id, onInput: (v) => set((x) => ({ ...x, id: v.trim() })) })}
        ${this.select({ path: [...path, 'audience'], label: this.t('audience'), value: track.audience, choices: Audience.options.map((a) => ({ value: a, label: this.t(`audience-${a}` as SetupMessage) })), onChange: (v) => set((x) => ({ ...x, audience: v as TrackSetting['audience'] })) })}
        ${this.select({ path: [...path, 'format'], label: this.t('format'), value: track.format, choices: Format.options.map((f) => ({ value: f, label: this.t(`format-${f}` as SetupMessage) })), onChange: (v) => set((x) => ({ ...x, format: v as TrackSetting['format'] })) })}
        ${this.input({ path: [...path, 'weeks'], label: this.t('weeks'), type: 'number', value: track.weeks, onInput: (v) => set((x) => ({ ...x, weeks: numberFromText(v) ?? Number.NaN })) })}
        ${this.input({ path: [...path, 'hoursPerWeek'], label: this.t('hoursPerWeek'), type: 'number', value: track.hoursPerWeek, onInput: (v) => set((x) => ({ ...x, hoursPerWeek: numberFromText(v) ?? Number.NaN })) })}
        ${this.select({ path: [...path, 'startWeekday'], label: this.t('startWeekday'), value: String(track.startWeekday), choices: dayChoices, onChange: (v) => set((x) => ({ ...x, startWeekday: Number(v) })) })}
        ${this.input({
          path: [...path, 'seatCapacity'],
          label: this.t('seatCapacity'),
          hint: this.t('seatCapacityHint'),
          type: 'number',
          value: track.seatCapacity,
          onInput: (v) => set((x) => ({ ...x, seatCapacity: numberFromText(v) ?? null })),
        })}
        ${this.input({
          path: [...path, 'price', 'perDayCents'],
          label: `${this.t('pricePerDay')} ${this.t('optional')}`,
          hint: this.t('pricePerDayHint'),
          value: dollarsFromCents(track.price?.perDayCents),
          onInput: (v) =>
            set((x) => {
              const { price: _old, ...rest } = x;
              const cents = centsFromDollars(v);
              return cents === undefined ? rest : { ...rest, price: { perDayCents: cents, currency: x.price?.currency ?? 'USD' } };
            }),
        })}
      </div>
      <fieldset>
        <legend>${this.t('languages')}</legend>
        ${(['en', 'es'] as const).map((language) =>
          this.checkbox({
            path: [...path, 'languages', language],
            label: language === 'en' ? 'English' : 'Español',
            checked: track.languages.includes(language),
            onChange: (checked) => set((x) => ({ ...x, languages: (['en', 'es'] as const).filter((l) => (l === language ? checked : x.languages.includes(l))) })),
          }),
        )}
      </fieldset>
      <fieldset id=${fieldId(...path, 'meetings')} tabindex="-1">
        <legend>${this.t('meetings')}</legend>
        ${track.meetings.map(
          (meeting, m) => html`<div class="row">
            ${this.select({ path: [...path, 'meetings', m, 'day'], label: this.t('day'), value: String(meeting.day), choices: dayChoices, onChange: (v) => set((x) => ({ ...x, meetings: x.meetings.map((mm, i) => (i === m ? { ...mm, day: Number(v) } : mm)) })) })}
            ${this.input({ path: [...path, 'meetings', m, 'start'], label: this.t('from'), type: 'time', value: meeting.start, onInput: (v) => set((x) => ({ ...x, meetings: x.meetings.map((mm, i) => (i === m ? { ...mm, start: v } : mm)) })) })}
            ${this.input({ path: [...path, 'meetings', m, 'end'], label: this.t('to'), type: 'time', value: meeting.end, onInput: (v) => set((x) => ({ ...x, meetings: x.meetings.map((mm, i) => (i === m ? { ...mm, end: v } : mm)) })) })}
            <div class="field">
              <button type="button" class="secondary" aria-label=${this.t('removeThis', { what: `${days[meeting.day]} ${meeting.start}` })} @click=${() => this.removeItem((d) => void d.programs[p]!.tracks[t]!.meetings.splice(m, 1), fieldId(...path, 'add-meeting'))}>${this.t('remove')}</button>
            </div>
          </div>`,
        )}
        <button id=${fieldId(...path, 'add-meeting')} type="button" class="secondary" @click=${() => set((x) => ({ ...x, meetings: [...x.meetings, { day: 1, start: '18:00', end: '21:00' }] }))}>${this.t('addMeeting')}</button>
      </fieldset>
      ${this.input({ path: [...path, 'description'], label: `${this.t('description')} ${this.t('optional')}`, multiline: true, value: track.description, onInput: (v) => set((x) => optionalText(x, 'description', v)) })}
      ${this.input({ path: [...path, 'location'], label: `${this.t('location')} ${this.t('optional')}`, value: track.location, onInput: (v) => set((x) => optionalText(x, 'location', v)) })}
      ${this.spanish([
        this.input({ path: [...path, 'translations', 'es', 'name'], label: this.t('nameField'), lang: 'es', value: track.translations?.es?.name, onInput: (v) => set((x) => withTranslation(x, 'es', 'name', v)) }),
        this.input({ path: [...path, 'translations', 'es', 'description'], label: this.t('description'), lang: 'es', multiline: true, value: track.translations?.es?.description, onInput: (v) => set((x) => withTranslation(x, 'es', 'description', v)) }),
        this.input({ path: [...path, 'translations', 'es', 'location'], label: this.t('location'), lang: 'es', value: track.translations?.es?.location, onInput: (v) => set((x) => withTranslation(x, 'es', 'location', v)) }),
      ])}
      <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.programs[p]!.tracks.splice(t, 1), fieldId('programs', p, 'add-track'))}>${this.t('removeThis', { what: track.name })}</button>
    </section>`;
  }

  protected renderFields(draft: ProgramsSettings) {
    return html`
      ${draft.programs.length === 0 ? html`<p>${this.t('noPrograms')}</p>` : nothing}
      ${draft.programs.map((program, p) => {
        const path = ['programs', p];
        const set = (change: (program: ProgramSetting) => ProgramSetting) => this.#program(p, change);
        return html`<section class="item" aria-labelledby=${fieldId(...path, 'heading')}>
          <h3 id=${fieldId(...path, 'heading')}>${this.t('programHeading', { name: program.name })}</h3>
          <div class="grid">
            ${this.input({
              path: [...path, 'name'],
              label: this.t('nameField'),
              value: program.name,
              onInput: (v) => {
                const others = (this.draft?.programs ?? []).map((other) => other.id).filter((id) => id !== program.id);
                set((x) => ({ ...x, name: v, ...(this.#savedIds().has(x.id) ? {} : { id: idFromName(v, others, 'program') }) }));
              },
            })}
            ${this.input({ path: [...path, 'id'], label: this.t('id'), hint: this.t('idHint'), value: program.id, onInput: (v) => set((x) => ({ ...x, id: v.trim() })) })}
            ${this.select({ path: [...path, 'kind'], label: this.t('programKind'), value: program.kind, choices: KINDS.map((k) => ({ value: k, label: this.t(`kind-${k}` as SetupMessage) })), onChange: (v) => set((x) => ({ ...x, kind: v as ProgramSetting['kind'] })) })}
          </div>
          ${this.input({ path: [...path, 'description'], label: `${this.t('description')} ${this.t('optional')}`, multiline: true, value: program.description, onInput: (v) => set((x) => optionalText(x, 'description', v)) })}
          ${this.spanish([
            this.input({ path: [...path, 'translations', 'es', 'name'], label: this.t('nameField'), lang: 'es', value: program.translations?.es?.name, onInput: (v) => set((x) => withTranslation(x, 'es', 'name', v)) }),
            this.input({ path: [...path, 'translations', 'es', 'description'], label: this.t('description'), lang: 'es', multiline: true, value: program.translations?.es?.description, onInput: (v) => set((x) => withTranslation(x, 'es', 'description', v)) }),
          ])}
          ${program.tracks.map((track, t) => this.#renderTrack(p, t, track))}
          <div class="row">
            <button id=${fieldId(...path, 'add-track')} type="button" class="secondary" @click=${() => this.#addTrack(p)}>${this.t('addTrack', { name: program.name })}</button>
            <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.programs.splice(p, 1), 'add-program')}>${this.t('removeThis', { what: program.name })}</button>
          </div>
        </section>`;
      })}
      <button id="add-program" type="button" class="secondary" @click=${() => this.#addProgram()}>${this.t('addProgram')}</button>
    `;
  }
}

/** Sets an optional text field, removing it when blank (the schema refuses empty strings). */
function optionalText<T extends object, K extends string>(item: T, key: K, value: string): T {
  const copy = { ...item } as Record<string, unknown>;
  if (value.trim()) copy[key] = value;
  else delete copy[key];
  return copy as T;
}

if (!customElements.get('iop-programs-settings')) customElements.define('iop-programs-settings', IopProgramsSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-programs-settings': IopProgramsSettings;
  }
}
