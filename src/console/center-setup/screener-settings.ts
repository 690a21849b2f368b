/**
 * @summary Settings: which questionnaires the screener asks, its result thresholds (only the
 * validated cut-offs), the center's crisis lines (English and Spanish names) and the quick-exit address.
 */
import { html, nothing } from 'lit';
import { ScreenerInstrument } from '../../api/schemas.js';
import type { ScreenerSettings } from '../../api/settings-schemas.js';
import { withTranslation } from '../../domain/center-text.js';
import type { SetupMessage } from '../setup.messages.js';
import { fieldId, SettingsPage } from './settings-page.js';

type Thresholds = ScreenerSettings['thresholds'];
type CrisisLine = ScreenerSettings['crisisLines'][number];

/** Each numeric threshold and the published cut-offs it may take (null: the rule is off). */
const CUT_OFFS = {
  getHelpNowPhq9Item9: [1],
  withdrawalAuditMorningDrink: [1, 2, 3, 4],
  higherLevelAudit: [8, 16, 20],
  higherLevelDast10: [3, 6, 9],
  higherLevelPhq9: [5, 10, 15, 20],
  higherLevelGad7: [5, 10, 15],
} as const satisfies Partial<Record<keyof Thresholds, readonly number[]>>;
const SWITCHES = ['withdrawalOnSeizuresOrDts', 'withdrawalOnRecentSymptoms', 'withdrawalOnDailyUse', 'higherLevelOnSafetyConcern'] as const;

export class IopScreenerSettings extends SettingsPage<'screener'> {
  protected readonly section = 'screener' as const;

  #line(i: number, change: (line: CrisisLine) => CrisisLine): void {
    this.edit((d) => void (d.crisisLines[i] = change(d.crisisLines[i]!)));
  }

  protected renderFields(draft: ScreenerSettings) {
    const optional = (line: CrisisLine, key: 'phone' | 'text' | 'url', value: string): CrisisLine => {
      const copy = { ...line };
      if (value.trim()) copy[key] = value.trim();
      else delete copy[key];
      return copy;
    };
    return html`
      <fieldset id=${fieldId('instruments')} tabindex="-1">
        <legend>${this.t('instruments')}</legend>
        <p class="hint">${this.t('instrumentsHint')}</p>
        ${ScreenerInstrument.options.map((instrument) =>
          this.checkbox({
            path: ['instruments', instrument],
            label: this.t(`instrument-${instrument}` as SetupMessage),
            checked: draft.instruments.includes(instrument),
            onChange: (checked) => this.edit((d) => void (d.instruments = ScreenerInstrument.options.filter((i) => (i === instrument ? checked : d.instruments.includes(i))))),
          }),
        )}
      </fieldset>
      <fieldset>
        <legend>${this.t('thresholds')}</legend>
        <p class="hint">${this.t('thresholdsHint')}</p>
        ${(Object.keys(CUT_OFFS) as (keyof typeof CUT_OFFS)[]).map((key) =>
          this.select({
            path: ['thresholds', key],
            label: this.t(`threshold-${key}` as SetupMessage),
            value: String(draft.thresholds[key] ?? ''),
            choices: [{ value: '', label: this.t('ruleOff') }, ...CUT_OFFS[key].map((cut) => ({ value: String(cut), label: this.t('atLeast', { value: cut }) }))],
            onChange: (v) => this.edit((d) => void ((d.thresholds as unknown as Record<string, number | null>)[key] = v === '' ? null : Number(v))),
          }),
        )}
        ${SWITCHES.map((key) =>
          this.checkbox({ path: ['thresholds', key], label: this.t(`threshold-${key}` as SetupMessage), checked: draft.thresholds[key], onChange: (checked) => this.edit((d) => void (d.thresholds[key] = checked)) }),
        )}
      </fieldset>
      <fieldset id=${fieldId('crisisLines')} tabindex="-1">
        <legend>${this.t('crisisLines')}</legend>
        <p class="hint">${this.t('crisisLinesHint')}</p>
        ${draft.crisisLines.length === 0 ? html`<p>${this.t('noCrisisLines')}</p>` : nothing}
        ${draft.crisisLines.map(
          (line, i) => html`<div class="item">
            <div class="grid">
              ${this.input({ path: ['crisisLines', i, 'name'], label: this.t('nameField'), value: line.name, onInput: (v) => this.#line(i, (x) => ({ ...x, name: v })) })}
              ${this.input({ path: ['crisisLines', i, 'phone'], label: `${this.t('linePhone')} ${this.t('optional')}`, type: 'tel', value: line.phone, onInput: (v) => this.#line(i, (x) => optional(x, 'phone', v)) })}
              ${this.input({ path: ['crisisLines', i, 'text'], label: `${this.t('lineText')} ${this.t('optional')}`, value: line.text, onInput: (v) => this.#line(i, (x) => optional(x, 'text', v)) })}
              ${this.input({ path: ['crisisLines', i, 'url'], label: `${this.t('lineUrl')} ${this.t('optional')}`, type: 'url', value: line.url, onInput: (v) => this.#line(i, (x) => optional(x, 'url', v)) })}
            </div>
            ${this.spanish([
              this.input({ path: ['crisisLines', i, 'translations', 'es', 'name'], label: this.t('nameField'), lang: 'es', value: line.translations?.es?.name, onInput: (v) => this.#line(i, (x) => withTranslation(x, 'es', 'name', v)) }),
            ])}
            <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.crisisLines.splice(i, 1), 'add-crisis-line')}>${this.t('removeThis', { what: line.name })}</button>
          </div>`,
        )}
        <button id="add-crisis-line" type="button" class="secondary" @click=${() => this.edit((d) => void d.crisisLines.push({ name: '' }))}>${this.t('addCrisisLine')}</button>
      </fieldset>
      ${this.input({ path: ['quickExitUrl'], label: this.t('quickExitUrl'), hint: this.t('quickExitUrlHint'), type: 'url', value: draft.quickExitUrl, onInput: (v) => this.edit((d) => void (d.quickExitUrl = v.trim())) })}
    `;
  }
}

if (!customElements.get('iop-screener-settings')) customElements.define('iop-screener-settings', IopScreenerSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-screener-settings': IopScreenerSettings;
  }
}
