/**
 * What a whole IOP program may cost a person: the program's billed price per day × days a week ×
 * weeks, run day by day through the deductible still to meet, then coinsurance or a copay, capped
 * by the out-of-pocket maximum still to meet. Every figure the estimate rests on comes back as an
 * assumption to show beside it, saying where it came from (the payer's 271, the center, or our own
 * assumption): it is an estimate, never a bill.
 */

export interface ProgramPrice {
  perDayCents: number;
  daysPerWeek: number;
  weeks: number;
}

/** Coverage as the payer reported it. Absent numbers are unknown, not zero. */
export interface CoverageTerms {
  deductibleRemainingCents?: number;
  coinsurancePercent?: number;
  copayCents?: number;
  outOfPocketRemainingCents?: number;
  /** A family deductible or out-of-pocket met first also ends the individual's (embedded amounts). */
  familyDeductibleRemainingCents?: number;
  familyOutOfPocketRemainingCents?: number;
  /** Behavioural-health visits the plan still allows this year; days beyond them are not covered. */
  visitsRemaining?: number;
  /** The center's own contract status; null when unknown. */
  inNetwork: boolean | null;
}

export type Assumption =
  | { kind: 'program'; days: number; daysPerWeek: number; weeks: number; perDayCents: number; billedCents: number }
  | { kind: 'deductible'; remainingCents: number; family?: true }
  | { kind: 'deductible-unknown' }
  | { kind: 'coinsurance'; percent: number }
  | { kind: 'copay'; perDayCents: number }
  /** Both are on file and the plan did not say which applies to IOP: the range spans both. */
  | { kind: 'cost-share-either' }
  | { kind: 'cost-share-unknown' }
  | { kind: 'out-of-pocket-cap'; remainingCents: number; family?: true }
  | { kind: 'visit-limit'; coveredDays: number; uncoveredDays: number }
  | { kind: 'out-of-pocket-unknown' }
  | { kind: 'out-of-network' }
  | { kind: 'network-unknown' }
  | { kind: 'self-pay'; discountPercent?: number }
  | { kind: 'not-a-bill' };

/** Where a figure behind the estimate came from. */
export type AssumptionSource = 'payer' | 'center' | 'assumed';

export function assumptionSource(assumption: Assumption): AssumptionSource {
  switch (assumption.kind) {
    case 'deductible':
    case 'coinsurance':
    case 'copay':
    case 'out-of-pocket-cap':
    case 'visit-limit':
      return 'payer';
    case 'program':
    case 'out-of-network':
    case 'self-pay':
      return 'center';
    default:
      return 'assumed';
  }
}

export interface CostEstimate {
  lowCents: number;
  highCents: number;
  /** What the center bills for the whole program before insurance. */
  billedCents: number;
  /** Part of the high end the plan may not cover at all (out of network, or no coverage). */
  notCoveredCents: number;
  assumptions: Assumption[];
}

const whole = (cents: number) => Math.max(0, Math.round(Number.isFinite(cents) ? cents : 0));

export function programDays(price: ProgramPrice): number {
  return Math.max(0, Math.floor(price.daysPerWeek)) * Math.max(0, Math.floor(price.weeks));
}

type CostShare = { kind: 'coinsurance'; percent: number } | { kind: 'copay'; cents: number } | { kind: 'none' } | { kind: 'all' };

/** Day by day: the deductible takes each day's charge first; what is left of the day is cost-shared. */
function memberCost(days: number, perDay: number, deductibleRemaining: number, share: CostShare): number {
  let deductibleLeft = deductibleRemaining;
  let total = 0;
  let afterDeductible = 0;
  for (let day = 0; day < days; day += 1) {
    const toDeductible = Math.min(deductibleLeft, perDay);
    deductibleLeft -= toDeductible;
    total += toDeductible;
    const left = perDay - toDeductible;
    afterDeductible += left;
    if (share.kind === 'copay' && left > 0) total += Math.min(share.cents, left);
    if (share.kind === 'all') total += left;
  }
  // One rounding for the whole program, so rounding cannot break monotonicity day by day.
  if (share.kind === 'coinsurance') total += Math.round((afterDeductible * share.percent) / 100);
  return total;
}

/** The estimate for someone whose plan covers IOP, from what the payer shared. */
export function estimateCoveredCost(price: ProgramPrice, coverage: CoverageTerms): CostEstimate {
  const days = programDays(price);
  const perDay = whole(price.perDayCents);
  const billed = days * perDay;
  const assumptions: Assumption[] = [
    { kind: 'program', days, daysPerWeek: Math.floor(price.daysPerWeek), weeks: Math.floor(price.weeks), perDayCents: perDay, billedCents: billed },
  ];

  const deductibleKnown = coverage.deductibleRemainingCents !== undefined;
  const familyDeductibleFirst = deductibleKnown && coverage.familyDeductibleRemainingCents !== undefined && coverage.familyDeductibleRemainingCents < coverage.deductibleRemainingCents!;
  const deductible = whole((familyDeductibleFirst ? coverage.familyDeductibleRemainingCents : coverage.deductibleRemainingCents) ?? 0);
  assumptions.push(
    deductibleKnown ? { kind: 'deductible', remainingCents: deductible, ...(familyDeductibleFirst ? { family: true as const } : {}) } : { kind: 'deductible-unknown' },
  );

  const shares: CostShare[] = [];
  if (coverage.coinsurancePercent !== undefined) {
    const percent = Math.min(100, Math.max(0, coverage.coinsurancePercent));
    shares.push({ kind: 'coinsurance', percent });
    assumptions.push({ kind: 'coinsurance', percent });
  }
  if (coverage.copayCents !== undefined) {
    const cents = whole(coverage.copayCents);
    shares.push({ kind: 'copay', cents });
    assumptions.push({ kind: 'copay', perDayCents: cents });
  }
  if (shares.length === 2) assumptions.push({ kind: 'cost-share-either' });
  if (shares.length === 0) {
    // Unknown cost share: from "nothing after the deductible" to "everything".
    shares.push({ kind: 'none' }, { kind: 'all' });
    assumptions.push({ kind: 'cost-share-unknown' });
  }

  // Unknown deductible: the low end assumes it is met, the high end that it covers the whole program.
  // Days beyond the plan's visit limit are not covered: they cost the whole day, outside the cap.
  const coveredDays = coverage.visitsRemaining === undefined ? days : Math.min(days, Math.max(0, Math.floor(coverage.visitsRemaining)));
  const uncovered = (days - coveredDays) * perDay;
  if (coveredDays < days) assumptions.push({ kind: 'visit-limit', coveredDays, uncoveredDays: days - coveredDays });
  const coveredBill = coveredDays * perDay;
  const costs = shares.flatMap((share) =>
    deductibleKnown
      ? [memberCost(coveredDays, perDay, deductible, share)]
      : [memberCost(coveredDays, perDay, 0, share), memberCost(coveredDays, perDay, coveredBill, share)],
  );

  let low = Math.min(...costs);
  let high = Math.max(...costs);
  if (coverage.outOfPocketRemainingCents !== undefined) {
    const familyFirst = coverage.familyOutOfPocketRemainingCents !== undefined && coverage.familyOutOfPocketRemainingCents < coverage.outOfPocketRemainingCents;
    const cap = whole(familyFirst ? coverage.familyOutOfPocketRemainingCents! : coverage.outOfPocketRemainingCents);
    low = Math.min(low, cap);
    high = Math.min(high, cap);
    assumptions.push({ kind: 'out-of-pocket-cap', remainingCents: cap, ...(familyFirst ? { family: true as const } : {}) });
  } else {
    assumptions.push({ kind: 'out-of-pocket-unknown' });
  }

  low += uncovered;
  high += uncovered;
  // Out of network the plan may pay nothing: the high end is the whole bill, outside the cap.
  let notCovered = uncovered;
  if (coverage.inNetwork === false) {
    notCovered = billed;
    high = billed;
    assumptions.push({ kind: 'out-of-network' });
  } else if (coverage.inNetwork === null) {
    assumptions.push({ kind: 'network-unknown' });
  }
  assumptions.push({ kind: 'not-a-bill' });
  return { lowCents: low, highCents: Math.max(low, high), billedCents: billed, notCoveredCents: notCovered, assumptions };
}

/** Paying without insurance: the whole bill, less the center's discount for paying in advance. */
export function estimateSelfPayCost(price: ProgramPrice, discountPercent?: number): CostEstimate {
  const days = programDays(price);
  const perDay = whole(price.perDayCents);
  const billed = days * perDay;
  const discount = discountPercent === undefined ? 0 : Math.min(100, Math.max(0, discountPercent));
  const low = billed - Math.round((billed * discount) / 100);
  return {
    lowCents: low,
    highCents: billed,
    billedCents: billed,
    notCoveredCents: billed,
    assumptions: [
      { kind: 'program', days, daysPerWeek: Math.floor(price.daysPerWeek), weeks: Math.floor(price.weeks), perDayCents: perDay, billedCents: billed },
      { kind: 'self-pay', ...(discountPercent === undefined ? {} : { discountPercent: discount }) },
      { kind: 'not-a-bill' },
    ],
  };
}

/** Days a week a track meets: its distinct meeting days. */
export function daysPerWeek(meetings: ReadonlyArray<{ day: number }>): number {
  return new Set(meetings.map((meeting) => meeting.day)).size;
}
