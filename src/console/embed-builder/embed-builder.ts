/**
 * @summary The embed builder, for a center's web admin: pick a widget, its options, colours and
 * isolation mode; try the real widget against the center's API; copy the script tag, markup,
 * colours and the Content-Security-Policy sources; check the website's origin is allowed, and
 * allow it with one button. Administrators only.
 */
import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Audience } from '../../api/schemas.js';
import { embedSnippet, EMBEDDABLE_WIDGETS, siteOrigin, THEME_COLOURS, WIDGET_ATTRIBUTES, type EmbedChoice, type EmbeddableWidget, type ThemeColour } from '../../domain/embed-snippet.js';
import { themeTokens } from '../../elements/shared/theme.js';
import { translate, type Locale } from '../../i18n/locale.js';
import { ConsoleApiError, type ConsoleApi } from '../console-api.js';
import { consoleStyles } from '../console.styles.js';
import { setupMessages, type SetupMessage } from '../setup.messages.js';
import { embedBuilderStyles } from './embed-builder.styles.js';

/**
 * The widgets are loaded when the builder first previews one, not with the console: they are most of
 * the console's bytes, and only the embed builder shows them.
 */
const PREVIEW_WIDGETS: Record<EmbeddableWidget, () => Promise<unknown>> = {
  'iop-schedule-picker': () => import('../../elements/schedule-picker/schedule-picker.js'),
  'iop-intake-screener': () => import('../../elements/intake-screener/intake-screener.js'),
  'iop-insurance-verification': () => import('../../elements/insurance-verification/insurance-verification.js'),
  'iop-alumni-browser': () => import('../../elements/alumni-browser/alumni-browser.js'),
};

const defaultColour = (name: ThemeColour) => themeTokens.find(([token]) => token === name)?.[1] ?? '#000000';

export class IopEmbedBuilder extends LitElement {
  static override styles = [consoleStyles, embedBuilderStyles];

  /** @internal */
  @state() choice: EmbedChoice = {
    widget: 'iop-schedule-picker',
    apiBase: new URL('/api/iop/', location.href).href,
    scriptUrl: new URL('/dist/cdn/iop-widgets.js', location.href).href,
    isolation: 'default',
    locale: '',
    attributes: {},
    theme: {},
  };
  /** @internal What the admin typed as their website's address. */
  @state() site = '';
  /** @internal */
  @state() siteTouched = false;
  /** @internal */
  @state() copyStatus = '';
  /** @internal */
  @state() allowStatus: 'idle' | 'busy' | 'done' | 'failed' = 'idle';
  /** @internal The preview's widget module failed to load (the code still works without it). */
  @state() previewUnavailable = false;

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  /** @internal */
  @query('.preview') private previewHost?: HTMLElement;

  /** @internal The center's tracks (for the track options) and the embedding origins in force. */
  readonly data = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return undefined;
      const [programs, embedding] = await Promise.all([api.section('programs', signal), api.section('embedding', signal)]);
      return { tracks: programs.value.programs.filter((program) => program.kind === 'iop').flatMap((program) => program.tracks), embedding };
    },
    args: () => [this.api] as const,
  });

  #t = (key: SetupMessage, params: Record<string, string | number> = {}) => translate(setupMessages, this.locale, key, params);

  /** The preview's widget is rebuilt only when what it is made of changes (not on every keystroke elsewhere). */
  #previewKey = '';

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#updatePreview();
  }

  #set(patch: Partial<EmbedChoice>): void {
    this.choice = { ...this.choice, ...patch };
    this.copyStatus = '';
  }

  #setAttribute(name: string, value: string): void {
    this.#set({ attributes: { ...this.choice.attributes, [name]: value } });
  }

  #setColour(name: ThemeColour, value: string): void {
    this.#set({ theme: { ...this.choice.theme, [name]: value } });
  }

  async #copy(text: string, source: HTMLTextAreaElement | null): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copyStatus = this.#t('copied');
      return;
    } catch {
      // No clipboard permission (an http page, an old browser): select the text and try the old way.
    }
    source?.focus();
    source?.select();
    let copied: boolean;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    this.copyStatus = this.#t(copied ? 'copied' : 'copyFailed');
  }

  async #allow(origin: string): Promise<void> {
    const state = this.data.value?.embedding;
    if (!state || !this.api) return;
    this.allowStatus = 'busy';
    try {
      await this.api.saveSection('embedding', state.version, { ...state.value, allowedOrigins: [...state.value.allowedOrigins, origin] });
      this.allowStatus = 'done';
    } catch (error) {
      // A stale version: someone saved the origins meanwhile. Reloading shows theirs; the button stays.
      this.allowStatus = error instanceof ConsoleApiError && error.status === 409 ? 'idle' : 'failed';
    }
    await this.data.run();
  }

  /**
   * The preview runs the real widget in this page (same origin as the API), in memory-only storage,
   * with the chosen options and colours. Built with the DOM rather than a template: the tag name varies.
   */
  #updatePreview(): void {
    const host = this.previewHost;
    if (!host) return;
    const { widget, locale, attributes, theme } = this.choice;
    const key = JSON.stringify([widget, locale, attributes]);
    if (key !== this.#previewKey || !host.firstElementChild) {
      this.#previewKey = key;
      // The element upgrades when its module arrives.
      PREVIEW_WIDGETS[widget]().then(
        () => (this.previewUnavailable = false),
        () => (this.previewUnavailable = true),
      );
      const element = document.createElement(widget);
      element.setAttribute('api-base', new URL('../', new URL(this.api?.base ?? '/api/iop/staff/', location.href)).pathname);
      element.setAttribute('storage', 'memory');
      element.setAttribute('isolation', 'inline');
      if (locale) element.setAttribute('locale', locale);
      for (const name of WIDGET_ATTRIBUTES[widget]) {
        const value = attributes[name]?.trim();
        if (!value || (name === 'sync-url' && value === 'false')) continue;
        element.setAttribute(name, name === 'sync-url' ? '' : value);
      }
      host.replaceChildren(element);
    }
    // CSSOM, not a style attribute: the console's policy allows no inline styles.
    for (const name of THEME_COLOURS) {
      const value = theme[name];
      if (value) host.style.setProperty(name, value);
      else host.style.removeProperty(name);
    }
  }

  #field(id: string, label: string, control: unknown, hint?: string) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${control}
    </div>`;
  }

  #trackSelect(id: string, name: string) {
    const tracks = this.data.value?.tracks ?? [];
    return this.#field(
      id,
      this.#t(`attr-${name}` as SetupMessage),
      html`<select id=${id} @change=${(event: Event) => this.#setAttribute(name, (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.choice.attributes[name]}>${this.#t('anyChoice')}</option>
        ${tracks.map((track) => html`<option value=${track.id} ?selected=${this.choice.attributes[name] === track.id}>${track.name}</option>`)}
      </select>`,
    );
  }

  #textAttribute(name: string, options: { hint?: boolean; type?: string } = {}) {
    const id = `attr-${name}`;
    return this.#field(
      id,
      this.#t(`attr-${name}` as SetupMessage),
      html`<input
        id=${id}
        type=${options.type ?? 'text'}
        autocomplete="off"
        aria-describedby=${options.hint ? `${id}-hint` : nothing}
        .value=${this.choice.attributes[name] ?? ''}
        @input=${(event: Event) => this.#setAttribute(name, (event.target as HTMLInputElement).value)}
      />`,
      options.hint ? this.#t(`attr-${name}-hint` as SetupMessage) : undefined,
    );
  }

  #renderAttributes() {
    const { widget, attributes } = this.choice;
    switch (widget) {
      case 'iop-schedule-picker':
        return html`${this.#field(
            'attr-audience',
            this.#t('attr-audience'),
            html`<select id="attr-audience" @change=${(event: Event) => this.#setAttribute('audience', (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!attributes['audience']}>${this.#t('anyChoice')}</option>
              ${Audience.options.map((audience) => html`<option value=${audience} ?selected=${attributes['audience'] === audience}>${this.#t(`audience-${audience}`)}</option>`)}
            </select>`,
          )}
          ${this.#trackSelect('attr-track', 'track')}`;
      case 'iop-insurance-verification':
        return this.#trackSelect('attr-track-id', 'track-id');
      case 'iop-intake-screener':
        return html`${this.#textAttribute('instruments', { hint: true })} ${this.#textAttribute('quick-exit-url', { hint: true, type: 'url' })}`;
      case 'iop-alumni-browser':
        return html`${this.#field(
            'attr-view',
            this.#t('attr-view'),
            html`<select id="attr-view" @change=${(event: Event) => this.#setAttribute('view', (event.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!attributes['view']}>${this.#t('view-list')}</option>
              <option value="week" ?selected=${attributes['view'] === 'week'}>${this.#t('view-week')}</option>
            </select>`,
          )}
          ${this.#textAttribute('range-days', { type: 'number' })} ${this.#textAttribute('calendar-title')}
          <div class="field checkbox">
            <input id="attr-sync-url" type="checkbox" .checked=${attributes['sync-url'] === 'true'} @change=${(event: Event) => this.#setAttribute('sync-url', String((event.target as HTMLInputElement).checked))} />
            <label for="attr-sync-url">${this.#t('attr-sync-url')}</label>
          </div>`;
    }
  }

  #renderSite() {
    const checked = siteOrigin(this.site);
    const embedding = this.data.value?.embedding;
    let message: unknown = nothing;
    if ('problem' in checked) {
      if (this.siteTouched && checked.problem !== 'empty') {
        message = html`<p class="error-message" id="site-error"><span class="visually-hidden">${this.#t('errorPrefix')}</span> ${this.#t(`site-${checked.problem}`, { origin: checked.origin ?? '' })}</p>`;
      }
    } else if (embedding) {
      const origin = checked.origin;
      if (embedding.effectiveOrigins.includes(origin))
        message = html`<p class="notice" data-site="allowed">${this.allowStatus === 'done' ? this.#t('siteAllowedNow', { origin }) : this.#t('siteAllowed', { origin })}</p>`;
      else
        message = html`<div class="alert" data-site="not-allowed">
          <p>${this.#t('siteNotAllowed', { origin })}</p>
          ${embedding.originsFromEnvironment
            ? html`<p>${this.#t('siteFromEnvironment', { origin })}</p>`
            : html`<button type="button" ?disabled=${this.allowStatus === 'busy'} @click=${() => void this.#allow(origin)}>${this.#t('allowSite', { origin })}</button>`}
          ${this.allowStatus === 'failed' ? html`<p>${this.#t('saveError')}</p>` : nothing}
        </div>`;
    }
    const invalid = 'problem' in checked && this.siteTouched && checked.problem !== 'empty';
    return html`<section aria-labelledby="site-heading">
      <h3 id="site-heading">${this.#t('siteHeading')}</h3>
      <div class="field">
        <label for="site-origin">${this.#t('siteOrigin')}</label>
        <p class="hint" id="site-origin-hint">${this.#t('siteOriginHint')}</p>
        <input
          id="site-origin"
          type="url"
          inputmode="url"
          autocomplete="url"
          spellcheck="false"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'site-origin-hint site-error' : 'site-origin-hint'}
          .value=${this.site}
          @input=${(event: Event) => {
            this.site = (event.target as HTMLInputElement).value;
            this.allowStatus = 'idle';
          }}
          @change=${() => (this.siteTouched = true)}
        />
      </div>
      <div role="status">${message}</div>
    </section>`;
  }

  override render() {
    const snippet = embedSnippet(this.choice);
    const code = `${snippet.scriptTag}\n\n${snippet.markup}`;
    const csp = snippet.cspLines.join('\n');
    const textarea = (id: string) => this.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}`);
    return html`<section aria-labelledby="embed-heading">
      <h2 id="embed-heading">${this.#t('embedHeading')}</h2>
      <p>${this.#t('embedIntro')}</p>
      <div class="builder">
        <form class="choices" @submit=${(event: Event) => event.preventDefault()}>
          <fieldset>
            <legend>${this.#t('widget')}</legend>
            ${EMBEDDABLE_WIDGETS.map(
              (widget) => html`<div class="radio">
                <input type="radio" name="widget" id=${`widget-${widget}`} value=${widget} .checked=${this.choice.widget === widget} @change=${() => this.#set({ widget: widget as EmbeddableWidget, attributes: {} })} />
                <label for=${`widget-${widget}`}>${this.#t(`widget-${widget}`)}</label>
              </div>`,
            )}
          </fieldset>
          <fieldset>
            <legend>${this.#t('attributesHeading')}</legend>
            ${this.#renderAttributes()}
            ${this.#field(
              'embed-locale',
              this.#t('language'),
              html`<select id="embed-locale" @change=${(event: Event) => this.#set({ locale: (event.target as HTMLSelectElement).value as EmbedChoice['locale'] })}>
                <option value="" ?selected=${this.choice.locale === ''}>${this.#t('languagePage')}</option>
                <option value="en" lang="en" ?selected=${this.choice.locale === 'en'}>English</option>
                <option value="es" lang="es" ?selected=${this.choice.locale === 'es'}>Español</option>
              </select>`,
            )}
          </fieldset>
          <fieldset>
            <legend>${this.#t('isolation')}</legend>
            ${(['default', 'frame', 'inline'] as const).map(
              (mode) => html`<div class="radio">
                <input type="radio" name="isolation" id=${`isolation-${mode}`} value=${mode} .checked=${this.choice.isolation === mode} @change=${() => this.#set({ isolation: mode })} />
                <label for=${`isolation-${mode}`}
                  >${mode === 'default'
                    ? this.#t('isolation-default', { mode: this.#t(`mode-${embedSnippet({ ...this.choice, isolation: 'default' }).effectiveIsolation}`) })
                    : this.#t(`isolation-${mode}`)}</label
                >
              </div>`,
            )}
          </fieldset>
          <fieldset>
            <legend>${this.#t('colours')}</legend>
            <p class="hint">${this.#t('coloursHint')}</p>
            <div class="colours">
              ${THEME_COLOURS.map(
                (name) => html`<div class="field colour">
                  <input id=${`colour${name}`} type="color" .value=${this.choice.theme[name] ?? defaultColour(name)} @input=${(event: Event) => this.#setColour(name, (event.target as HTMLInputElement).value)} />
                  <label for=${`colour${name}`}>${this.#t(name)}</label>
                </div>`,
              )}
            </div>
            <button type="button" class="secondary" @click=${() => this.#set({ theme: {} })}>${this.#t('resetColours')}</button>
          </fieldset>
          <details>
            <summary>${this.#t('addresses')}</summary>
            ${this.#field(
              'script-url',
              this.#t('scriptUrl'),
              html`<input id="script-url" type="url" spellcheck="false" .value=${this.choice.scriptUrl} @input=${(event: Event) => this.#set({ scriptUrl: (event.target as HTMLInputElement).value })} />`,
            )}
            ${this.#field(
              'api-base',
              this.#t('apiBase'),
              html`<input id="api-base" type="url" spellcheck="false" .value=${this.choice.apiBase} @input=${(event: Event) => this.#set({ apiBase: (event.target as HTMLInputElement).value })} />`,
            )}
          </details>
        </form>
        <div class="results">
          ${this.#renderSite()}
          <section aria-labelledby="code-heading">
            <h3 id="code-heading">${this.#t('codeHeading')}</h3>
            <p class="hint" id="code-hint">${this.#t('codeHint')}</p>
            <textarea id="embed-code" readonly rows="5" aria-labelledby="code-heading" aria-describedby="code-hint" .value=${code}></textarea>
            <button type="button" @click=${() => void this.#copy(code, textarea('embed-code'))}>${this.#t('copyCode')}</button>
          </section>
          ${snippet.css
            ? html`<section aria-labelledby="css-heading">
                <h3 id="css-heading">${this.#t('cssHeading')}</h3>
                <textarea id="embed-css" readonly rows="5" aria-labelledby="css-heading" .value=${snippet.css}></textarea>
                <button type="button" @click=${() => void this.#copy(snippet.css, textarea('embed-css'))}>${this.#t('copyCss')}</button>
              </section>`
            : nothing}
          <section aria-labelledby="csp-heading">
            <h3 id="csp-heading">${this.#t('cspHeading')}</h3>
            <p class="hint" id="csp-hint">${this.#t('cspHint')}</p>
            <textarea id="embed-csp" readonly rows="3" aria-labelledby="csp-heading" aria-describedby="csp-hint" .value=${csp}></textarea>
            <button type="button" @click=${() => void this.#copy(csp, textarea('embed-csp'))}>${this.#t('copyCsp')}</button>
          </section>
          <p role="status" class="copy-status">${this.copyStatus}</p>
        </div>
      </div>
      <section aria-labelledby="preview-heading">
        <h3 id="preview-heading">${this.#t('previewHeading')}</h3>
        <p class="hint">${this.#t('previewHint')}</p>
        ${this.previewUnavailable ? html`<p role="alert">${this.#t('previewUnavailable')}</p>` : nothing}
        <div class="preview"></div>
      </section>
    </section>`;
  }
}

if (!customElements.get('iop-embed-builder')) customElements.define('iop-embed-builder', IopEmbedBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'iop-embed-builder': IopEmbedBuilder;
  }
}
