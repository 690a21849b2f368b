/**
 * A FAKE payer, for the demo and tests only: it answers from a fixed table of test member ids and
 * never contacts anyone. Every outcome the insurance widget must handle has one member id, in a
 * generic form and in Medicare MBI form (CMS's published example MBI with the last digit varied),
 * so each passes the payer's member-id rule in the widget.
 *
 * | member id                     | answer                                                         |
 * |-------------------------------|----------------------------------------------------------------|
 * | IOPACTIVE01   / 1EG4TE5MK70   | active, deductible $1,500 with $900 left, OOP $6,000 ($4,200 left), 20% coinsurance, $40 copay, no prior auth |
 * | IOPNODETAIL01 / 1EG4TE5MK71   | active, but no behavioural-health details (call back)          |
 * | IOPINACTIVE01 / 1EG4TE5MK72   | coverage inactive                                              |
 * | IOPTIMEOUT01  / 1EG4TE5MK73   | payer times out: 202, then active (as IOPACTIVE01) on a poll   |
 * | IOPDOWN01     / 1EG4TE5MK74   | payer times out: 202, then payer unavailable (call back)       |
 * | anything else                 | member not found                                               |
 */
import type { EligibilityAnswer, EligibilityProvider, PayerCoverage } from './eligibility-provider.js';

export type SimulatedMember = 'active' | 'details-missing' | 'inactive' | 'timeout-then-active' | 'timeout-then-unavailable';

export const SIMULATED_MEMBERS: Readonly<Record<string, SimulatedMember>> = {
  IOPACTIVE01: 'active',
  '1EG4TE5MK70': 'active',
  IOPNODETAIL01: 'details-missing',
  '1EG4TE5MK71': 'details-missing',
  IOPINACTIVE01: 'inactive',
  '1EG4TE5MK72': 'inactive',
  IOPTIMEOUT01: 'timeout-then-active',
  '1EG4TE5MK73': 'timeout-then-active',
  IOPDOWN01: 'timeout-then-unavailable',
  '1EG4TE5MK74': 'timeout-then-unavailable',
};

const ACTIVE_COVERAGE: PayerCoverage = {
  active: true,
  planName: 'Simulated PPO Gold',
  deductible: { totalCents: 150_000, remainingCents: 90_000 },
  outOfPocket: { totalCents: 600_000, remainingCents: 420_000 },
  coinsurancePercent: 20,
  copayCents: 4_000,
  priorAuthorization: 'no',
  behavioralHealthDetails: true,
};

/** How long the simulated payer "takes" before a poll gets an answer. */
export const SIMULATED_RETRY_AFTER_SECONDS = 2;

export const simulatedEligibility: EligibilityProvider = {
  name: 'simulated',
  async inquire({ request, attempt }): Promise<EligibilityAnswer> {
    const member = SIMULATED_MEMBERS[request.memberId.toUpperCase()];
    switch (member) {
      case 'active':
        return { status: 'complete', outcome: 'active', coverage: ACTIVE_COVERAGE };
      case 'details-missing':
        return {
          status: 'complete',
          outcome: 'details-missing',
          coverage: { active: true, planName: 'Simulated HMO Silver', priorAuthorization: 'unknown', behavioralHealthDetails: false },
        };
      case 'inactive':
        return { status: 'complete', outcome: 'inactive', coverage: { active: false, priorAuthorization: 'unknown', behavioralHealthDetails: false } };
      case 'timeout-then-active':
        return attempt === 1
          ? { status: 'pending', retryAfterSeconds: SIMULATED_RETRY_AFTER_SECONDS }
          : { status: 'complete', outcome: 'active', coverage: ACTIVE_COVERAGE };
      case 'timeout-then-unavailable':
        return attempt === 1
          ? { status: 'pending', retryAfterSeconds: SIMULATED_RETRY_AFTER_SECONDS }
          : { status: 'callback', outcome: 'payer-unavailable' };
      default:
        return { status: 'complete', outcome: 'not-found' };
    }
  },
};
