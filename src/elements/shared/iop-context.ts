import { createContext } from '@lit/context';
import type { IopClient } from '../../client/client.js';
import type { Locale } from '../../i18n/locale.js';
import type { IopStore, StorageMode } from '../../store/store.js';

/** What `<iop-provider>` hands to every widget inside it. */
export interface IopConfig {
  apiBase: string;
  /** Unset when the provider has no `locale`: the page's `lang` and the browser decide. */
  locale?: Locale;
  storage: StorageMode;
  client: IopClient;
  store: Promise<IopStore>;
}

export const iopContext = createContext<IopConfig | undefined>(Symbol.for('iop-widgets/config'));
