/**
 * @summary The center's own setup, for administrators: first-run setup while the center is not
 * configured, then the settings pages and the embed builder.
 */
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { checkFirstRun, type FirstRunField, type FirstRunForm } from '../../domain/first-run-form.js';
import { errorSummary, focusErrorSummary } from '../../elements/shared/form-fields.js';
import { formStyles } from '../../elements/shared/form.styles.js';
import { translate, type Locale } from '../../i18n/locale.js';
import { ConsoleApiError, type ConsoleApi } from '../console-api.js';
import { consoleStyles } from '../console.styles.js';
import { setupMessages, type SetupMessage } from '../setup.messages.js';
import '../embed-builder/embed-builder.js';
import './availability-settings.js';
import './embedding-settings.js';
import './payers-settings.js';
import './profile-settings.js';
import './programs-settings.js';
import './screener-settings.js';
import './sessions-settings.js';
import './settings-history.js';
import './setup-transfer.js';
import { settingsPageStyles } from './settings-page.styles.js';
import { timeZoneChoices } from './time-zones.js';

export const SETUP_SECTIONS = ['profile', 'programs', 'availability', 'payers', 'sessions', 'screener', 'embedding', 'embed', 'history', 'import'] as const;
export type SetupSection = (typeof SETUP_SECTIONS)[number];

const FIELD_IDS: Record<FirstRunField, string> = { name: 'first-name', phone: 'first-phone', timeZone: 'first-timeZone', origins: 'first-origins' };
const FIELD_ERRORS: Record<FirstRunField, SetupMessage> = { name: 'error-name', phone: 'error-phone', timeZone: 'error-timeZone', origins: 'error-origins' };

export class IopCenterSetup extends LitElement {
  static override styles = [consoleStyles, formStyles, settingsPageStyles];

  /** @internal */
  @state() section: SetupSection = 'profile';
  /** @internal Undefined until known. */
  @state() configured?: boolean;
  /** @internal */
  @state() loadFailed = false;
  /** @internal */
  @state() form: FirstRunForm = { name: '', phone: '', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, calendarTitle: '', origins: '' };
  /** @internal */
  @state() errors: FirstRunField[] = [];
  /** @internal Fields that were changed after being left (their errors show before a submit). */
  @state() touched = new Set<FirstRunField>();
  /** @internal */
  @state() submitted = false;
  /** @internal */
  @state() busy = false;
  /** @internal */
  @state() problem = '';
  /** @internal */
  @state() justConfigured = false;

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  #t = (key: SetupMessage, params: Record<string, string | number> = {}) => translate(setupMessages, this.locale, key, params);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.api) return;
    this.loadFailed = false;
    try {
      this.configured = (await this.api.settings()).configured;
    } catch {
      this.loadFailed = true;
    }
  }

  #edit(field: keyof FirstRunForm, value: string): void {
    this.form = { ...this.form, [field]: value };
    this.errors = checkFirstRun(this.form).errors;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    this.submitted = true;
    this.problem = '';
    const checked = checkFirstRun(this.form);
    this.errors = checked.errors;
    if (!checked.request || !this.api) {
      await this.updateComplete;
      focusErrorSummary(this.shadowRoot);
      return;
    }
    this.busy = true;
    try {
      await this.api.firstRun(checked.request);
      this.configured = true;
      this.justConfigured = true;
      this.section = 'profile';
    } catch (error) {
      if (error instanceof ConsoleApiError && error.code === 'center-already-configured') {
        this.configured = true;
      } else this.problem = error instanceof ConsoleApiError && error.detail ? error.detail : this.#t('saveError');
    } finally {
      this.busy = false;
    }
  }

  #shownErrors(): FirstRunField[] {
    return this.errors.filter((field) => this.submitted || this.touched.has(field));
  }

  #field(field: FirstRunField, label: string, control: (describedBy: string, invalid: boolean) => unknown, hint?: string) {
    const id = FIELD_IDS[field];
    const error = this.#shownErrors().includes(field);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      ${hint ? html`<div class="hint" id=${`${id}-hint`}>${hint}</div>` : nothing}
      ${error ? html`<p class="error-message" id=${`${id}-error`}><span class="visually-hidden">${this.#t('errorPrefix')}</span> ${this.#t(FIELD_ERRORS[field])}</p>` : nothing}
      ${control(describedBy, error)}
    </div>`;
  }

  #renderFirstRun() {
    const summary = this.submitted ? this.errors.map((field) => ({ id: FIELD_IDS[field], message: this.#t(FIELD_ERRORS[field]) })) : [];
    const leave = (field: FirstRunField) => () => (this.touched = new Set([...this.touched, field]));
    const text = (field: 'name' | 'phone' | 'calendarTitle', type = 'text', autocomplete = 'off') => (describedBy: string, invalid: boolean) =>
      html`<input
        id=${`first-${field}`}
        type=${type}
        autocomplete=${autocomplete}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        .value=${live(this.form[field])}
        @input=${(event: Event) => this.#edit(field, (event.target as HTMLInputElement).value)}
        @change=${field === 'calendarTitle' ? nothing : leave(field)}
      />`;
    return html`<form novalidate aria-labelledby="first-run-heading" @submit=${(event: Event) => void this.#submit(event)}>
      <h2 id="first-run-heading">${this.#t('firstRunHeading')}</h2>
      <p>${this.#t('firstRunIntro')}</p>
      ${errorSummary(this.#t('errorSummaryTitle'), summary)}
      ${this.problem ? html`<div class="alert" role="alert">${this.problem}</div>` : nothing}
      ${this.#field('name', this.#t('centerName'), text('name', 'text', 'organization'))}
      ${this.#field('phone', this.#t('centerPhone'), text('phone', 'tel', 'tel'), this.#t('centerPhoneHint'))}
      ${this.#field(
        'timeZone',
        this.#t('timeZone'),
        (describedBy, invalid) =>
          html`<select id="first-timeZone" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || nothing} @change=${(event: Event) => this.#edit('timeZone', (event.target as HTMLSelectElement).value)}>
            ${timeZoneChoices(this.form.timeZone).map((zone) => html`<option value=${zone.value} ?selected=${zone.value === this.form.timeZone}>${zone.label}</option>`)}
          </select>`,
        this.#t('timeZoneHint'),
      )}
      <div class="field">
        <label for="first-calendarTitle">${this.#t('calendarTitle')} ${this.#t('optional')}</label>
        <div class="hint" id="first-calendarTitle-hint">${this.#t('calendarTitleHint')}</div>
        ${text('calendarTitle')('first-calendarTitle-hint', false)}
      </div>
      ${this.#field(
        'origins',
        this.#t('allowedOrigins'),
        (describedBy, invalid) =>
          html`<textarea
            id="first-origins"
            spellcheck="false"
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${live(this.form.origins)}
            @input=${(event: Event) => this.#edit('origins', (event.target as HTMLTextAreaElement).value)}
            @change=${leave('origins')}
          ></textarea>`,
        this.#t('allowedOriginsHint'),
      )}
      <button type="submit" ?disabled=${this.busy}>${this.#t('firstRunButton')}</button>
    </form>`;
  }

  #renderSection() {
    switch (this.section) {
      case 'embed':
        return html`<iop-embed-builder .api=${this.api} .locale=${this.locale}></iop-embed-builder>`;
      case 'profile':
        return html`<iop-profile-settings .api=${this.api} .locale=${this.locale}></iop-profile-settings>`;
      case 'programs':
        return html`<iop-programs-settings .api=${this.api} .locale=${this.locale}></iop-programs-settings>`;
      case 'availability':
        return html`<iop-availability-settings .api=${this.api} .locale=${this.locale}></iop-availability-settings>`;
      case 'payers':
        return html`<iop-payers-settings .api=${this.api} .locale=${this.locale}></iop-payers-settings>`;
      case 'sessions':
        return html`<iop-sessions-settings .api=${this.api} .locale=${this.locale}></iop-sessions-settings>`;
      case 'screener':
        return html`<iop-screener-settings .api=${this.api} .locale=${this.locale}></iop-screener-settings>`;
      case 'embedding':
        return html`<iop-embedding-settings .api=${this.api} .locale=${this.locale}></iop-embedding-settings>`;
      case 'history':
        return html`<iop-settings-history .api=${this.api} .locale=${this.locale}></iop-settings-history>`;
      case 'import':
        return html`<iop-setup-transfer .api=${this.api} .locale=${this.locale}></iop-setup-transfer>`;
    }
  }

  override render() {
    if (this.loadFailed)
      return html`<div class="alert" role="alert">${this.#t('loadError')}</div>
        <button type="button" @click=${() => void this.#load()}>${this.#t('tryAgain')}</button>`;
    if (this.configured === undefined) return html`<p role="status">${this.#t('loading')}</p>`;
    if (!this.configured) return this.#renderFirstRun();
    return html`
      <div role="status">${this.justConfigured ? html`<p class="notice">${this.#t('firstRunDone')}</p>` : nothing}</div>
      <nav aria-label=${this.#t('setupSections')}>
        <ul class="row section-nav">
          ${SETUP_SECTIONS.map(
            (section) =>
              html`<li>
                <button type="button" class="secondary" aria-current=${this.section === section ? 'page' : 'false'} @click=${() => (this.section = section)}>${this.#t(`section-${section}`)}</button>
              </li>`,
          )}
        </ul>
      </nav>
      ${this.#renderSection()}
    `;
  }
}

if (!customElements.get('iop-center-setup')) customElements.define('iop-center-setup', IopCenterSetup);

declare global {
  interface HTMLElementTagNameMap {
    'iop-center-setup': IopCenterSetup;
  }
}
