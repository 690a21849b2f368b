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

export interface ServiceDeps {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly now: () => Date;
  readonly notifier: RecordNotifier;
  readonly eligibility: EligibilityProvider;
  readonly rules: BookingRules;
  /** Runs one due job now, on this request (an eligibility poll); 'none' if not due or another worker holds it. */
  readonly jobs: { runDue(uniqueKey: string): Promise<'ran' | 'none'> };
}
