import { OriginCheck } from '../api/contract-validators.js';
import type { OriginCheck as OriginCheckValue } from '../api/schemas.js';

/** One question per API per page, however many widgets ask. */
const checks = new Map<string, Promise<OriginCheckValue | undefined>>();

/**
 * Asks the API whether it accepts this page's origin (`GET origin-check`, answered to any origin).
 * Undefined when the API cannot be reached or answers something else: then nothing is known, and
 * the widget's usual offline and error states apply.
 */
export function checkPageOrigin(apiBase: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): Promise<OriginCheckValue | undefined> {
  let url: string;
  try {
    url = new URL('origin-check', new URL(apiBase, location.href)).href;
  } catch {
    return Promise.resolve(undefined);
  }
  let check = checks.get(url);
  if (!check) {
    check = fetchImpl(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' })
      .then(async (response) => (response.ok ? OriginCheck.safeParse(await response.json()) : undefined))
      .then((parsed) => (parsed?.success ? parsed.data : undefined))
      .catch(() => undefined);
    checks.set(url, check);
  }
  return check;
}
