/** What every service needs, injected so tests control the clock and the browser backend can reuse it all. */
import type { Database } from '../db/database.js';
import type { EligibilityProvider } from '../eligibility/eligibility-provider.js';
import type { DataCipher } from '../security/data-cipher.js';
import type { RecordNotifier } from './record-webhook.js';

export interface BookingRules {
  /** How long a hold keeps a slot for one visitor. */
  readonly holdMinutes: number;
  /** Slots starting sooner than this are not offered. */
  readonly minimumNoticeMinutes: number;
}

/** A count-only event for the server's log: names and numbers, never what a person sent. */
export type ServiceEvent = { readonly event: 'intake-recomputed'; readonly disagreements: number };

export interface ServiceDeps {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly now: () => Date;
  readonly notifier: RecordNotifier;
  readonly eligibility: EligibilityProvider;
  readonly rules: BookingRules;
  readonly report: (event: ServiceEvent) => void;
  /** Runs one due job now, on this request (an eligibility poll); 'none' if not due or another worker holds it. */
  readonly jobs: { runDue(uniqueKey: string): Promise<'ran' | 'none'> };
}
