import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * open-wc's `waitUntil`, with a ten-second default instead of one: the states these tests wait for
 * come from a real server writing to a real database and from IndexedDB, which on a busy machine can
 * take more than a second. It still resolves as soon as the state is there.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 10_000, ...options });
}
