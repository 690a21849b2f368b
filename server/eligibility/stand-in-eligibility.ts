/**
 * The clearinghouse provider wired straight to the STAND-IN clearinghouse's `fetch`, without a
 * network: for Storybook's in-page backend and server tests. The demo server talks to the stand-in
 * over HTTP instead (main.ts). No Node imports.
 */
import type { EligibilityResponseDocument } from '../../src/domain/eligibility-benefits.js';
import { createClearinghouseEligibility } from './clearinghouse-eligibility.js';
import type { EligibilityProvider } from './eligibility-provider.js';
import { createStandInClearinghouse } from './stand-in-clearinghouse.js';

const STAND_IN_ORIGIN = 'http://stand-in-clearinghouse.invalid';

export interface StandInEligibilityOptions {
  readonly documents: Readonly<Record<string, string>>;
  readonly readX12?: (edi: string) => EligibilityResponseDocument;
  readonly timeoutMs?: number;
  readonly retryAfterSeconds?: number;
}

export function standInEligibility(options: StandInEligibilityOptions): EligibilityProvider {
  const apiKey = 'stand-in-key';
  const standIn = createStandInClearinghouse({ documents: options.documents, apiKey, retryAfterSeconds: options.retryAfterSeconds ?? 2 });
  const inProcess = (input: RequestInfo | URL, init?: RequestInit) => standIn.fetch(new Request(input, init));
  return createClearinghouseEligibility(
    { baseUrl: STAND_IN_ORIGIN, apiKey, providerNpi: '1999999984', providerName: 'Juniper Ridge Recovery', timeoutMs: options.timeoutMs ?? 2_000, maxAttempts: 2 },
    { fetch: inProcess as typeof fetch, ...(options.readX12 ? { readX12: options.readX12 } : {}) },
  );
}
