/** @summary Settings: the center's name, phone, time zone, calendar title and self-pay text (English and Spanish). */
import { html } from 'lit';
import type { ProfileSettings } from '../../api/settings-schemas.js';
import { withTranslation } from '../../domain/center-text.js';
import { SettingsPage } from './settings-page.js';
import { timeZoneChoices } from './time-zones.js';

const noSelfPay: NonNullable<ProfileSettings['selfPay']> = { summary: '', paymentPlans: false };

export class IopProfileSettings extends SettingsPage<'profile'> {
  protected readonly section = 'profile' as const;

  #selfPay(change: (selfPay: NonNullable<ProfileSettings['selfPay']>) => NonNullable<ProfileSettings['selfPay']>): void {
    this.edit((draft) => {
      draft.selfPay = change(draft.selfPay ?? { ...noSelfPay });
    });
  }

  protected renderFields(draft: ProfileSettings) {
    const selfPay = draft.selfPay ?? noSelfPay;
    return html`
      ${this.input({ path: ['name'], label: this.t('centerName'), value: draft.name, onInput: (v) => this.edit((d) => void (d.name = v)) })}
      ${this.input({ path: ['phone'], label: this.t('centerPhone'), hint: this.t('centerPhoneHint'), type: 'tel', value: draft.phone, onInput: (v) => this.edit((d) => void (d.phone = v)) })}
      ${this.select({ path: ['timeZone'], label: this.t('timeZone'), hint: this.t('timeZoneHint'), value: draft.timeZone, choices: timeZoneChoices(draft.timeZone), onChange: (v) => this.edit((d) => void (d.timeZone = v)) })}
      ${this.input({
        path: ['calendarTitle'],
        label: `${this.t('calendarTitle')} ${this.t('optional')}`,
        hint: this.t('calendarTitleHint'),
        value: draft.calendarTitle,
        onInput: (v) =>
          this.edit((d) => {
            if (v.trim()) d.calendarTitle = v;
            else delete d.calendarTitle;
          }),
      })}
      <fieldset>
        <legend>${this.t('selfPayHeading')}</legend>
        ${this.input({ path: ['selfPay', 'summary'], label: this.t('selfPaySummary'), hint: this.t('selfPaySummaryHint'), multiline: true, value: selfPay.summary, onInput: (v) => this.#selfPay((s) => ({ ...s, summary: v })) })}
        ${this.spanish([
          this.input({
            path: ['selfPay', 'translations', 'es', 'summary'],
            label: this.t('selfPaySummary'),
            multiline: true,
            lang: 'es',
            value: selfPay.translations?.es?.summary,
            onInput: (v) => this.#selfPay((s) => withTranslation(s, 'es', 'summary', v)),
          }),
        ])}
        ${this.input({
          path: ['selfPay', 'discountPercent'],
          label: `${this.t('selfPayDiscount')} ${this.t('optional')}`,
          type: 'number',
          width: 'short',
          value: selfPay.discountPercent,
          onInput: (v) =>
            this.#selfPay((s) => {
              const { discountPercent: _old, ...rest } = s;
              return v.trim() === '' ? rest : { ...rest, discountPercent: Number(v) };
            }),
        })}
        ${this.checkbox({ path: ['selfPay', 'paymentPlans'], label: this.t('selfPayPlans'), checked: selfPay.paymentPlans, onChange: (checked) => this.#selfPay((s) => ({ ...s, paymentPlans: checked })) })}
      </fieldset>
    `;
  }

  protected override async save(overVersion?: number): Promise<void> {
    // No self-pay text at all: the center offers no self-pay information (rather than an empty summary).
    if (this.draft?.selfPay && !this.draft.selfPay.summary.trim() && !this.draft.selfPay.translations) this.edit((d) => void delete d.selfPay);
    return super.save(overVersion);
  }
}

if (!customElements.get('iop-profile-settings')) customElements.define('iop-profile-settings', IopProfileSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-profile-settings': IopProfileSettings;
  }
}
