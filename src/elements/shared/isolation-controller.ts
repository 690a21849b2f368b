import { css, html, nothing, unsafeCSS, type CSSResult, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import {
  FRAME_PROTOCOL,
  frameUrl,
  isCrossOrigin,
  readChildMessage,
  safeThemeProperties,
  trackersPresent,
  type FrameableTag,
  type OutcomeEventName,
  type ParentMessage,
} from '../../domain/frame-messages.js';
import type { ConfigController } from './config-controller.js';
import { themeTokens } from './theme.js';

export type Isolation = 'frame' | 'inline';

export interface IsolatedHost extends ReactiveElement {
  isolation?: Isolation;
}

export interface IsolationOptions {
  /** The widget's outcome event, rebuilt on the host from the id and status the frame relays. */
  readonly outcome: { readonly name: OutcomeEventName; readonly create: (id: string, status: string) => Event };
  /** Frame by default when the API is on another origin (the intake screener and the insurance form). */
  readonly frameWhenCrossOrigin?: boolean;
  /** The widget asks for personal data, so trackers on the page are worth a warning in inline mode. */
  readonly collectsPersonalData?: boolean;
  /** Room kept for the frame until it reports its height, e.g. `42rem`; `--iop-frame-initial-height` overrides it. */
  readonly initialHeight?: `${number}rem`;
}

const frameTitles = { en: 'Confidential form', es: 'Formulario confidencial' } as const;

/**
 * The iframe fills the host's width; its height follows the content, so there is no inner scrollbar.
 * Until the frame reports its height (the `height` attribute, set from the frame's first message),
 * it keeps room for a first step (each widget says how much; 30rem otherwise), so the page below
 * moves once rather than at every stage of loading.
 */
const frameStyles = (initialHeight: string) => css`
  iframe.iop-isolation-frame {
    display: block;
    width: 100%;
    border: 0;
    overflow: hidden;
    color-scheme: normal;
  }
  iframe.iop-isolation-frame:not([height]) {
    block-size: var(--iop-frame-initial-height, ${unsafeCSS(initialHeight)});
  }
`;

/** One warning per page, whatever the number of widgets. */
let trackerWarningGiven = false;

/** @internal Lets tests see the warning again. */
export function resetTrackerWarning(): void {
  trackerWarningGiven = false;
}

/**
 * `isolation="frame" | "inline"` for a widget. In frame mode the widget renders an iframe of itself
 * served from the API origin and talks to it only through the allowlisted messages of
 * `domain/frame-messages.ts`, checking origin and source; outcome events are fired on the host as
 * they would be inline. In inline mode it warns once when a known tracker is on the page.
 *
 * A widget adds this controller, an `isolation` property, and as the first line of `render()`:
 * `if (this.isolationMode.framed) return this.isolationMode.render();`
 */
export class IsolationController implements ReactiveController {
  private readonly host: IsolatedHost;
  private readonly settings: ConfigController;
  private readonly options: IsolationOptions;
  private frame?: HTMLIFrameElement;
  private src?: string;
  private srcFor?: string;
  /** Unset until the frame says how tall it is: the static style above keeps room meanwhile, not 150px or 0. */
  private height?: number;
  private ready = false;
  private sentLocale?: string;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);
  private readonly onFocusIn = () => this.warnAboutTrackers();
  // A constant of the widget's own (a length in rem), never data: safe as static CSS.
  private readonly styles: CSSResult;

  constructor(host: IsolatedHost, settings: ConfigController, options: IsolationOptions) {
    this.host = host;
    this.settings = settings;
    this.options = options;
    this.styles = frameStyles(options.initialHeight ?? '30rem');
    host.addController(this);
  }

  /** True when the widget should render only the frame. */
  get framed(): boolean {
    const config = this.settings.config;
    if (!config || typeof location === 'undefined') return false;
    if (this.host.isolation === 'frame') return true;
    if (this.host.isolation === 'inline') return false;
    return this.options.frameWhenCrossOrigin === true && isCrossOrigin(config.apiBase, location.href);
  }

  hostConnected(): void {
    window.addEventListener('message', this.onMessage);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.warnAboutTrackers();
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.onMessage);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.frame = undefined;
    this.ready = false;
    this.sentLocale = undefined;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const sheet = this.styles.styleSheet;
    if (this.framed && root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
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

  private warnAboutTrackers(): void {
    if (trackerWarningGiven || this.options.collectsPersonalData === false || this.framed || typeof window === 'undefined') return;
    const found = trackersPresent(window);
    if (!found.length) return;
    trackerWarningGiven = true;
    console.warn(
      `${this.host.localName}: this page runs ${found.join(', ')}. In inline mode such scripts can read every key a person types into this widget, ` +
        'shadow DOM or not. Use isolation="frame" with an api-base on another origin to keep answers out of their reach.',
    );
  }

  /** The iframe, for `render()` in frame mode. */
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
