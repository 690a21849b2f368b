import type { ReactiveController } from 'lit';
import { checkPageOrigin } from '../../client/origin-check.js';
import { isCrossOrigin } from '../../domain/host-page.js';
import type { ConfigController, ConfigurableHost } from './config-controller.js';

/**
 * A widget on a page whose origin the API does not accept (the console's Embedding settings, or
 * IOP_ALLOWED_ORIGINS) fails in both modes:
 * CORS refuses its requests inline, `frame-ancestors` refuses its frame. The browser reports both
 * like a lost connection. When the API is on another origin, this asks the API once per page
 * whether this page's origin is allowed, so the widget can say what is wrong and who can fix it.
 */
export class OriginCheckController implements ReactiveController {
  /** The page origin the API refused, once known. */
  refusedOrigin?: string;
  private readonly host: ConfigurableHost;
  private readonly settings: ConfigController;
  private checkedFor?: string;

  constructor(host: ConfigurableHost, settings: ConfigController) {
    this.host = host;
    this.settings = settings;
    host.addController(this);
  }

  hostUpdate(): void {
    const apiBase = this.settings.config?.apiBase;
    if (!apiBase || apiBase === this.checkedFor || typeof location === 'undefined') return;
    this.checkedFor = apiBase;
    this.refusedOrigin = undefined;
    if (!isCrossOrigin(apiBase, location.href)) return;
    void checkPageOrigin(apiBase).then((check) => {
      if (this.checkedFor !== apiBase || !check || check.allowed) return;
      this.refusedOrigin = check.origin ?? location.origin;
      // For the web admin, in the console too; an origin and an address are not personal data.
      console.warn(
        `${this.host.localName}: the API at ${new URL(apiBase, location.href).origin} does not accept this page's origin ${this.refusedOrigin}. ` +
          `Add it in the center console (Settings, Embedding), or to IOP_ALLOWED_ORIGINS if the API server is started with it.`,
      );
      this.host.requestUpdate();
    });
  }
}
