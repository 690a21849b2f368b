/**
 * Where benefits come from: a clearinghouse (X12 270/271 as JSON or EDI), or staff by phone.
 * Providers never decide network status: the center's contract list does (see DOMAIN.md).
 */
import type { Coverage, EligibilityCheck, EligibilityRequest } from '../../src/api/schemas.js';

export interface PayerRecord {
  readonly id: string;
  readonly name: string;
  readonly inNetwork: boolean | null;
}

export interface EligibilityInquiry {
  readonly request: EligibilityRequest;
  /** The listed payer chosen, or null for free text. */
  readonly payer: PayerRecord | null;
  /** 1 on the first try; polls of a pending check count up. */
  readonly attempt: number;
}

/** Coverage as a payer reports it: without the center's network status. */
export type PayerCoverage = Omit<Coverage, 'inNetwork'>;

export type EligibilityAnswer =
  | {
      readonly status: 'complete';
      readonly outcome: 'active' | 'inactive' | 'not-found' | 'details-missing' | 'correction-needed';
      readonly coverage?: PayerCoverage;
      /** For `correction-needed` and `not-found`: the detail the payer could not match. */
      readonly correction?: EligibilityCheck['correction'];
      /** Why, in the payer's words (AAA codes): sealed with the result for staff, never sent to the widget. */
      readonly staffNote?: string;
    }
  | { readonly status: 'callback'; readonly outcome: 'manual' | 'payer-unavailable'; readonly staffNote?: string }
  | { readonly status: 'pending'; readonly retryAfterSeconds: number };

export interface EligibilityProvider {
  readonly name: string;
  inquire(inquiry: EligibilityInquiry): Promise<EligibilityAnswer>;
}
