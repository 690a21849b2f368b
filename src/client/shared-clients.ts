import { createClient, type IopClient } from './client.js';

const clients = new Map<string, IopClient>();

function keyOf(apiBase: string): string {
  return new URL(apiBase.endsWith('/') ? apiBase : `${apiBase}/`, typeof location === 'undefined' ? undefined : location.href).href;
}

/**
 * One client per api-base for the whole page, so four tags pointing at one center share
 * configuration instead of each building their own.
 */
export function clientFor(apiBase: string): IopClient {
  const key = keyOf(apiBase);
  let client = clients.get(key);
  if (!client) {
    client = createClient({ apiBase: key });
    clients.set(key, client);
  }
  return client;
}

/**
 * Makes every widget with this api-base use `client`: for a page that needs its own fetch (Storybook's
 * in-browser API, a center that signs requests). Register before the widgets first render.
 */
export function registerClient(apiBase: string, client: IopClient): void {
  clients.set(keyOf(apiBase), client);
}
