import { openStore, type IopStore, type StorageMode } from './store.js';

const stores = new Map<StorageMode, Promise<IopStore>>();

/** One store per storage mode for the whole page, so every widget shares one IndexedDB connection. */
export function storeFor(storage: StorageMode): Promise<IopStore> {
  let store = stores.get(storage);
  if (!store) {
    store = openStore({ storage });
    stores.set(storage, store);
  }
  return store;
}
