/** The honest default: keep the request (sealed, by the caller) and let staff call the person back. */
import type { EligibilityProvider } from './eligibility-provider.js';

export const manualEligibility: EligibilityProvider = {
  name: 'manual',
  async inquire() {
    return { status: 'callback', outcome: 'manual' };
  },
};
