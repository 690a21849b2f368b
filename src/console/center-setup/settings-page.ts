/**
 * What every settings page shares: read a section, edit a copy, save it over the version it was read
 * at. A stale save (409) keeps everything the admin typed and says who saved meanwhile; a refused
 * save (422) shows the server's message next to each field and in an error summary.
 *
 * Field ids follow the JSON Pointer of the value they edit (`/value/selfPay/summary` ->
 * `f-selfPay-summary`), so the server's pointers land on the right field without a lookup table.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { errorSummary, focusErrorSummary, type FieldError } from '../../elements/shared/form-fields.js';
import { formStyles } from '../../elements/shared/form.styles.js';
import { translate, type Locale } from '../../i18n/locale.js';
import { ConsoleApiError, type ConsoleApi, type SectionStates, type SectionValues } from '../console-api.js';
import { consoleStyles } from '../console.styles.js';
import { setupMessages, type SetupMessage } from '../setup.messages.js';
import { settingsPageStyles } from './settings-page.styles.js';

/** The field id for a path into the section's value. */
export const fieldId = (...path: (string | number)[]) => `f-${path.join('-')}`;

type Conflict = { who: string; when: string };

export abstract class SettingsPage<K extends keyof SectionStates> extends LitElement {
  static override styles = [consoleStyles, formStyles, settingsPageStyles];

  /** @internal */
  @state() protected loaded?: SectionStates[K];
  /** @internal The admin's copy, edited in place by the fields and saved whole. */
  @state() protected draft?: SectionValues[K];
  /** @internal */
  @state() protected status: 'loading' | 'ready' | 'load-failed' | 'saving' = 'loading';
  /** @internal Server messages by field id. */
  @state() protected errors: FieldError[] = [];
  /** @internal */
  @state() protected conflict?: Conflict;
  /** @internal */
  @state() protected notice: 'saved' | 'save-failed' | undefined;

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  protected abstract readonly section: K;

  protected t = (key: SetupMessage, params: Record<string, string | number> = {}) => translate(setupMessages, this.locale, key, params);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected async load(): Promise<void> {
    if (!this.api) return;
    this.status = 'loading';
    try {
      this.loaded = await this.api.section(this.section);
      this.draft = structuredClone(this.loaded.value) as SectionValues[K];
      this.conflict = undefined;
      this.errors = [];
      this.status = 'ready';
      this.loadedHook();
    } catch {
      this.status = 'load-failed';
    }
  }

  /** Runs after a (re)load; pages that derive state from the value override it. */
  protected loadedHook(): void {}

  /** Replaces the draft (the fields call this with an edited copy). */
  protected edit(change: (draft: SectionValues[K]) => void): void {
    if (!this.draft) return;
    const next = structuredClone(this.draft) as SectionValues[K];
    change(next);
    this.draft = next;
    this.notice = undefined;
  }

  /**
   * Removes an item, then puts focus on the list's "Add" button (`focusId`): the removed item's
   * own button is gone, and focus must not fall back to the top of the page.
   */
  protected removeItem(change: (draft: SectionValues[K]) => void, focusId: string): void {
    this.edit(change);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(focusId)}`)?.focus());
  }

  protected errorFor(id: string): string | undefined {
    return this.errors.find((error) => error.id === id)?.message;
  }

  /** The id of the field a server pointer names, or of its nearest ancestor on the page. */
  #idForPointer(pointer: string): string {
    const segments = pointer.replace(/^\/value/, '').split('/').filter(Boolean);
    while (segments.length) {
      const id = fieldId(...segments);
      if (this.renderRoot.querySelector(`#${CSS.escape(id)}`)) return id;
      segments.pop();
    }
    return 'save-button';
  }

  protected async save(overVersion?: number): Promise<void> {
    if (!this.api || !this.loaded || !this.draft) return;
    this.status = 'saving';
    this.notice = undefined;
    try {
      this.loaded = await this.api.saveSection(this.section, overVersion ?? this.loaded.version, this.draft);
      this.draft = structuredClone(this.loaded.value) as SectionValues[K];
      this.errors = [];
      this.conflict = undefined;
      this.notice = 'saved';
      this.loadedHook();
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 409) {
        // Someone saved meanwhile: keep the draft, say who, and let the admin choose.
        const current = await this.api.section(this.section).catch(() => undefined);
        this.conflict = {
          who: current?.changedBy?.label ?? this.t('nobody'),
          when: current?.changedAt ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(current.changedAt)) : '',
        };
        this.theirs = current;
      } else if (error instanceof ConsoleApiError && error.status === 422 && error.errors.length) {
        this.errors = error.errors.map((problem) => ({ id: this.#idForPointer(problem.pointer), message: problem.detail }));
      } else this.notice = 'save-failed';
    }
    this.status = 'ready';
    await this.updateComplete;
    if (this.errors.length) focusErrorSummary(this.shadowRoot);
    else if (this.conflict) this.renderRoot.querySelector<HTMLElement>('.conflict')?.focus();
  }

  /** @internal The version someone else saved, read after a 409. */
  protected theirs?: SectionStates[K] | undefined;

  #loadTheirs(): void {
    if (!this.theirs) return void this.load();
    this.loaded = this.theirs;
    this.draft = structuredClone(this.theirs.value) as SectionValues[K];
    this.conflict = undefined;
    this.theirs = undefined;
    this.loadedHook();
  }

  // ---- field templates (label, hint, input and error in this shadow root) -------------------------

  protected input(options: {
    path: (string | number)[];
    label: string;
    value: string | number | undefined | null;
    onInput: (value: string) => void;
    hint?: string;
    type?: string;
    lang?: Locale;
    width?: 'short';
    multiline?: boolean;
    required?: boolean;
  }): TemplateResult {
    const id = fieldId(...options.path);
    const error = this.errorFor(id);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const value = options.value === undefined || options.value === null ? '' : String(options.value);
    const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement).value);
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${options.label}</label>
      ${options.hint ? html`<div class="hint" id=${`${id}-hint`}>${options.hint}</div>` : nothing}
      ${error ? html`<p class="error-message" id=${`${id}-error`}><span class="visually-hidden">${this.t('errorPrefix')}</span> ${error}</p>` : nothing}
      ${options.multiline
        ? html`<textarea id=${id} lang=${options.lang ?? nothing} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} .value=${live(value)} @input=${onInput}></textarea>`
        : html`<input
            id=${id}
            class=${options.width === 'short' ? 'input--short' : ''}
            type=${options.type ?? 'text'}
            lang=${options.lang ?? nothing}
            spellcheck="false"
            autocomplete="off"
            ?required=${options.required ?? false}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            .value=${live(value)}
            @input=${onInput}
          />`}
    </div>`;
  }

  protected select(options: { path: (string | number)[]; label: string; value: string; choices: readonly { value: string; label: string }[]; onChange: (value: string) => void; hint?: string }): TemplateResult {
    const id = fieldId(...options.path);
    const error = this.errorFor(id);
    const describedBy = [options.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${options.label}</label>
      ${options.hint ? html`<div class="hint" id=${`${id}-hint`}>${options.hint}</div>` : nothing}
      ${error ? html`<p class="error-message" id=${`${id}-error`}><span class="visually-hidden">${this.t('errorPrefix')}</span> ${error}</p>` : nothing}
      <select id=${id} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}>
        ${options.choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === options.value}>${choice.label}</option>`)}
      </select>
    </div>`;
  }

  protected checkbox(options: { path: (string | number)[]; label: string; checked: boolean; onChange: (checked: boolean) => void }): TemplateResult {
    const id = fieldId(...options.path);
    return html`<div class="field checkbox">
      <input id=${id} type="checkbox" .checked=${live(options.checked)} @change=${(event: Event) => options.onChange((event.target as HTMLInputElement).checked)} />
      <label for=${id}>${options.label}</label>
    </div>`;
  }

  /** The Spanish version of a patient-facing text: a fieldset under the English one. */
  protected spanish(fields: TemplateResult[]): TemplateResult {
    return html`<fieldset class="spanish" lang="es">
      <legend lang=${this.locale}>${this.t('inSpanish')}</legend>
      <p class="hint" lang=${this.locale}>${this.t('inSpanishHint')}</p>
      ${fields}
    </fieldset>`;
  }

  protected abstract renderFields(draft: SectionValues[K]): TemplateResult;

  /** Extra content below the save button (a preview). */
  protected renderAfter(): TemplateResult | typeof nothing {
    return nothing;
  }

  override render() {
    const heading = this.t(`section-${this.section}` as SetupMessage);
    if (this.status === 'loading' && !this.draft) return html`<h2>${heading}</h2><p role="status">${this.t('loading')}</p>`;
    if (this.status === 'load-failed' || !this.draft || !this.loaded)
      return html`<h2>${heading}</h2>
        <div class="alert" role="alert">${this.t('loadError')}</div>
        <button type="button" @click=${() => void this.load()}>${this.t('tryAgain')}</button>`;
    const loaded = this.loaded;
    return html`<form
      novalidate
      aria-labelledby="page-heading"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.save();
      }}
    >
      <h2 id="page-heading">${heading}</h2>
      <p class="hint">
        ${loaded.version === 0
          ? this.t('neverSaved')
          : this.t('versionLine', {
              version: loaded.version,
              when: loaded.changedAt ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(loaded.changedAt)) : '',
              who: loaded.changedBy?.label ?? this.t('nobody'),
            })}
      </p>
      ${this.conflict
        ? html`<div class="alert conflict" role="alert" tabindex="-1">
            <p>${this.t('conflict', { ...this.conflict })}</p>
            <div class="row">
              <button type="button" class="secondary" @click=${() => this.#loadTheirs()}>${this.t('conflictReload')}</button>
              <button type="button" @click=${() => void this.save(this.theirs?.version)}>${this.t('conflictKeep')}</button>
            </div>
          </div>`
        : nothing}
      ${errorSummary(this.t('errorSummaryTitle'), this.errors)} ${this.renderFields(this.draft)}
      <div class="row">
        <button id="save-button" type="submit" ?disabled=${this.status === 'saving'}>${this.status === 'saving' ? this.t('saving') : this.t('saveButton')}</button>
      </div>
      <div role="status">
        ${this.notice === 'saved' ? html`<p class="notice">${this.t('saved')}</p>` : nothing}
        ${this.notice === 'save-failed' ? html`<p class="alert">${this.t('saveError')}</p>` : nothing}
      </div>
    </form>
    ${this.renderAfter()}`;
  }
}
