import { css, html, unsafeCSS, type CSSResult, type ReactiveController, type TemplateResult } from 'lit';
import { isCrossOrigin, trackersPresent } from '../../domain/host-page.js';
import type { ConfigController } from './config-controller.js';
import type { IsolationFrame } from './isolation-frame.js';
import type { IsolatedHost, IsolationOptions } from './isolation-options.js';

export type { Isolation, IsolatedHost, IsolationOptions } from './isolation-options.js';

/**
 * The iframe fills the host's width; its height follows the content, so there is no inner scrollbar.
 * Until the frame reports its height (the `height` attribute, set from the frame's first message),
 * it keeps room for a first step (each widget says how much; 30rem otherwise), so the page below
 * moves once rather than at every stage of loading.
 */
const frameStyles = (initialHeight: string) => css`
  .iop-isolation-frame {
    display: block;
    width: 100%;
    border: 0;
    overflow: hidden;
    color-scheme: normal;
  }
  .iop-isolation-frame:not([height]) {
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
 * served from the API origin (isolation-frame.ts, loaded the first time it is needed, so that pages
 * whose widgets stay inline never download it; the room the frame will take is kept meanwhile).
 * In inline mode it warns once when a known tracker is on the page.
 *
 * A widget adds this controller, an `isolation` property, and as the first line of `render()`:
 * `if (this.isolationMode.framed) return this.isolationMode.render();`
 */
export class IsolationController implements ReactiveController {
  private readonly host: IsolatedHost;
  private readonly settings: ConfigController;
  private readonly options: IsolationOptions;
  private frame?: IsolationFrame;
  private loadingFrame?: Promise<void>;
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
    this.frame?.connect();
    this.host.addEventListener('focusin', this.onFocusIn);
    this.warnAboutTrackers();
  }

  hostDisconnected(): void {
    this.frame?.disconnect();
    this.host.removeEventListener('focusin', this.onFocusIn);
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const sheet = this.styles.styleSheet;
    if (this.framed && root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    this.frame?.updated();
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

  /** The iframe, for `render()` in frame mode; until its module is here, the room it will take. */
  render(): TemplateResult {
    if (this.frame) return this.frame.render();
    this.loadingFrame ??= import('./isolation-frame.js').then(
      ({ IsolationFrame }) => {
        this.frame = new IsolationFrame(this.host, this.settings, this.options);
        if (this.host.isConnected) this.frame.connect();
        this.host.requestUpdate();
      },
      // Asked again at the next render (a dropped connection is not the end of it).
      () => (this.loadingFrame = undefined),
    );
    return html`<div class="iop-isolation-frame" part="frame"></div>`;
  }
}
