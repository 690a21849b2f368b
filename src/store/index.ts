export { openStore, IopStore, OutboxDeliveredEvent } from './store.js';
export type {
  CachedEntry,
  FallbackReason,
  FlushResult,
  IopStoreEventMap,
  OutboxEntry,
  OutboxOperation,
  OutboxState,
  OutboxWrite,
  Send,
  StorageMode,
  StoreOptions,
} from './store.js';
export { cachedResource } from './cached-resource.js';
export type { CachedResourceOptions, CachedSnapshot } from './cached-resource.js';
