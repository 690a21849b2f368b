import { createClient, type IopClient } from './client.js';

const clients = new Map<string, IopClient>();

/**
 * One client per api-base for the whole page, so four tags pointing at one center share
 * configuration instead of each building their own.
 */
export function clientFor(apiBase: string): IopClient {
  const key = new URL(apiBase.endsWith('/') ? apiBase : `${apiBase}/`, typeof location === 'undefined' ? undefined : location.href).href;
  let client = clients.get(key);
  if (!client) {
    client = createClient({ apiBase: key });
    clients.set(key, client);
  }
  return client;
}
