import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languagesPending, onLanguageLoaded } from '../../i18n/locale.js';

/**
 * Renders the host again when a language it asked for arrives (catalogs other than English are
 * fetched on first use, see LazyCatalog), and tells `whilePending` whether its last render still
 * waited for one, so the widget can hide English words that are about to become Spanish.
 */
export class LanguageLoadController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly whilePending: (pending: boolean) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe ??= onLanguageLoaded(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdated(): void {
    this.whilePending(languagesPending() !== undefined);
  }
}

/** For `getUpdateComplete`: the host's update, then again after every language it waits for has arrived and been rendered. */
export async function updatedInItsLanguage(updateComplete: () => Promise<boolean>): Promise<boolean> {
  let result = await updateComplete();
  for (let pending = languagesPending(); pending; pending = languagesPending()) {
    await pending;
    result = await updateComplete();
  }
  return result;
}
