/**
 * The frame half of `isolation="frame"` (isolation-controller.ts loads it the first time a widget
 * renders framed): the iframe of the widget served from the API origin, and the allowlisted messages
 * of `domain/frame-messages.ts` it exchanges with it, checking origin and source. Outcome events are
 * fired on the host as they would be inline. Pages whose widgets stay inline never download it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { FRAME_PROTOCOL, frameUrl, readChildMessage, safeThemeProperties, type FrameableTag, type ParentMessage } from '../../domain/frame-messages.js';
import type { ConfigController } from './config-controller.js';
import type { IsolatedHost, IsolationOptions } from './isolation-options.js';
import { themeTokens } from './theme.js';

const frameTitles = { en: 'Confidential form', es: 'Formulario confidencial' } as const;

export class IsolationFrame {
  private readonly host: IsolatedHost;
  private readonly settings: ConfigController;
  private readonly options: IsolationOptions;
  private frame?: HTMLIFrameElement;
  private src?: string;
  private srcFor?: string;
  /** Unset until the frame says how tall it is: the static style keeps room meanwhile, not 150px or 0. */
  private height?: number;
  private ready = false;
  private sentLocale?: string;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  constructor(host: IsolatedHost, settings: ConfigController, options: IsolationOptions) {
    this.host = host;
    this.settings = settings;
    this.options = options;
  }

  connect(): void {
    window.addEventListener('message', this.onMessage);
  }

  disconnect(): void {
    window.removeEventListener('message', this.onMessage);
    this.frame = undefined;
    this.ready = false;
    this.sentLocale = undefined;
  }

  updated(): void {
    if (this.ready && this.sentLocale !== this.settings.locale) this.sendSettings();
  }

  private receive(event: MessageEvent): void {
    const frame = this.frame;
    // Both checks: the origin says who wrote it, the source says it is our frame and not another one of that origin.
    if (!frame || !this.src || event.source !== frame.contentWindow || event.origin !== new URL(this.src).origin) return;
    const message = readChildMessage(event.data);
    if (!message) return;
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        this.sendSettings();
        break;
      case 'height':
        if (message.px !== this.height) {
          this.height = message.px;
          frame.height = String(message.px);
        }
        break;
      case 'outcome':
        if (message.event === this.options.outcome.name) this.host.dispatchEvent(this.options.outcome.create(message.id, message.status));
        break;
      case 'error':
        console.warn(`${this.host.localName}: the isolation frame reported "${message.code}".`);
        break;
    }
  }

  private post(message: ParentMessage): void {
    if (this.src) this.frame?.contentWindow?.postMessage(message, new URL(this.src).origin);
  }

  /** Locale and theme: the host page's own values, which it can read anyway. */
  private sendSettings(): void {
    this.sentLocale = this.settings.locale;
    this.post({ protocol: FRAME_PROTOCOL, kind: 'locale', locale: this.settings.locale });
    const style = getComputedStyle(this.host);
    const properties: Record<string, string> = {};
    for (const [name] of themeTokens) {
      const value = style.getPropertyValue(name).trim();
      if (value) properties[name] = value;
    }
    // The frame cannot inherit the page's font: pass the computed one unless the center chose another.
    properties['--iop-font-family'] ??= style.fontFamily;
    properties['--iop-font-size'] ??= style.fontSize;
    properties['--iop-color-text'] ??= style.color;
    this.post({ protocol: FRAME_PROTOCOL, kind: 'theme', properties: safeThemeProperties(properties) });
  }

  /** The iframe, for the widget's `render()` in frame mode. */
  render(): TemplateResult {
    const config = this.settings.config!;
    // The address is fixed once per api-base: a new one would reload the frame and lose what is on screen.
    // Later changes reach the frame as messages (locale, theme).
    if (!this.src || this.srcFor !== config.apiBase) {
      const attributes = [...this.host.attributes].map((attribute) => [attribute.name, attribute.value] as const);
      this.src = frameUrl({ apiBase: config.apiBase, pageHref: location.href, tag: this.host.localName as FrameableTag, locale: this.settings.locale, attributes }).href;
      this.srcFor = config.apiBase;
      this.ready = false;
    }
    const src = this.src;
    return html`<iframe
      class="iop-isolation-frame"
      part="frame"
      src=${src}
      title=${frameTitles[this.settings.locale]}
      height=${this.height ?? nothing}
      scrolling="no"
      referrerpolicy="no-referrer"
      ${ref((element) => (this.frame = element as HTMLIFrameElement | undefined))}
    ></iframe>`;
  }
}
