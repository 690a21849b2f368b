import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localeNames, locales, translate, type Locale } from '../../i18n/locale.js';
import { sharedMessages } from '../../i18n/messages.js';
import type { StorageMode } from '../../store/store.js';
import { ConfigController } from './config-controller.js';
import { FirstScreenReservation } from './first-screen-reservation.js';
import { LanguageLoadController, updatedInItsLanguage } from './language-load-controller.js';
import { nextTask } from './next-task.js';
import { OriginCheckController } from './origin-check-controller.js';
import type { Isolation } from './isolation-controller.js';

/**
 * What the four widgets share: the attributes they take from `<iop-provider>` or themselves, the
 * controller that resolves them, and the language switch. Each widget adds its own controllers and
 * state; this base stays free of any one widget's behaviour.
 */
export abstract class IopWidgetElement extends LitElement {
  /** @internal */
  protected readonly settings = new ConfigController(this);
  /** @internal */
  protected readonly originCheck = new OriginCheckController(this, this.settings);
  /** @internal */
  protected readonly firstScreen = new FirstScreenReservation(this);
  /** @internal */
  protected readonly languageLoad = new LanguageLoadController(this, (pending) => this.firstScreen.setCustomState('translating', pending));

  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  @property() locale?: string;
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  @property() storage?: StorageMode;
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  @property() isolation?: Isolation;

  /**
   * The first render waits for the next task: the module that defined the element was evaluated in
   * this one, and the two together were one long task on a phone. Later renders are not delayed.
   */
  protected override async scheduleUpdate(): Promise<void> {
    if (!this.hasUpdated) await nextTask();
    super.scheduleUpdate();
  }

  /** Resolves once the widget has rendered in its language (Spanish words are fetched on first use). */
  protected override getUpdateComplete(): Promise<boolean> {
    return updatedInItsLanguage(() => super.getUpdateComplete());
  }

  /**
   * When the API refuses this page's origin: what is wrong and who can fix it, in place of the
   * widget (which could neither load nor send anything). Each widget's `render()` starts with it.
   */
  protected renderOriginRefused(): TemplateResult | undefined {
    const origin = this.originCheck.refusedOrigin;
    const apiBase = this.settings.config?.apiBase;
    if (!origin || !apiBase) return undefined;
    const locale = this.settings.locale;
    const api = new URL(apiBase, location.href).origin;
    return html`<div class="notice" role="alert" part="setup-problem" lang=${locale}>
      <p>${translate(sharedMessages, locale, 'originRefused', { origin, api })}</p>
      <p>${translate(sharedMessages, locale, 'originRefusedFix', { origin, console: `${api}/console/` })}</p>
      <p>${translate(sharedMessages, locale, 'originRefusedVisitor')}</p>
    </div>`;
  }

  /** English / Español, each in its own language; the current one is pressed. */
  protected renderLanguageSwitch(): TemplateResult {
    const current = this.settings.locale;
    const choose = (locale: Locale) => {
      if (locale !== current) this.locale = locale;
    };
    return html`<div class="language-switch" role="group" aria-label=${translate(sharedMessages, current, 'language')}>
      ${locales.map(
        (locale) =>
          html`<button type="button" class="language-option" lang=${locale} aria-pressed=${locale === current ? 'true' : 'false'} @click=${() => choose(locale)}>
            ${localeNames[locale]}
          </button>`,
      )}
    </div>`;
  }
}
