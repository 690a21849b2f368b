import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assumptionSource, daysPerWeek, estimateCoveredCost, estimateSelfPayCost, type CoverageTerms, type ProgramPrice } from '../../src/domain/cost-estimate.js';

// The demo center's Day IOP: $325 a day, 3 days a week, 8 weeks = 24 days, $7,800 billed.
const dayIop: ProgramPrice = { perDayCents: 32_500, daysPerWeek: 3, weeks: 8 };
// The simulated payer's active plan: $900 of deductible left, $4,200 of out-of-pocket left, 20% or $40.
const simulatedPlan: CoverageTerms = {
  deductibleRemainingCents: 90_000,
  outOfPocketRemainingCents: 420_000,
  coinsurancePercent: 20,
  copayCents: 4_000,
  inNetwork: true,
};

const kinds = (estimate: { assumptions: Array<{ kind: string }> }) => estimate.assumptions.map((a) => a.kind);

describe('cost estimate: table', () => {
  const rows: Array<[string, ProgramPrice, CoverageTerms, number, number]> = [
    // $900 deductible + 20% of the remaining $6,900 = $2,280; copay: $900 + $40 on the 22 days not all deductible = $1,780.
    ['deductible then 20% or $40 a day', dayIop, simulatedPlan, 178_000, 228_000],
    ['coinsurance only', dayIop, { ...simulatedPlan, copayCents: undefined }, 228_000, 228_000],
    ['copay only', dayIop, { ...simulatedPlan, coinsurancePercent: undefined }, 178_000, 178_000],
    ['deductible met, 20%', dayIop, { ...simulatedPlan, deductibleRemainingCents: 0, copayCents: undefined }, 156_000, 156_000],
    ['capped by out-of-pocket left', dayIop, { ...simulatedPlan, outOfPocketRemainingCents: 150_000 }, 150_000, 150_000],
    ['out-of-pocket already met', dayIop, { ...simulatedPlan, outOfPocketRemainingCents: 0 }, 0, 0],
    ['deductible larger than the program', dayIop, { deductibleRemainingCents: 1_000_000, coinsurancePercent: 20, inNetwork: true }, 780_000, 780_000],
    ['cost share unknown: deductible to everything, capped', dayIop, { deductibleRemainingCents: 90_000, outOfPocketRemainingCents: 420_000, inNetwork: true }, 90_000, 420_000],
    ['deductible unknown: met to not met', dayIop, { coinsurancePercent: 20, outOfPocketRemainingCents: 420_000, inNetwork: true }, 156_000, 420_000],
    ['out of network: up to the whole bill', dayIop, { ...simulatedPlan, inNetwork: false }, 178_000, 780_000],
    ['copay larger than a day', { perDayCents: 3_000, daysPerWeek: 3, weeks: 2 }, { deductibleRemainingCents: 0, copayCents: 4_000, inNetwork: true }, 18_000, 18_000],
    // Embedded deductible: the family's $200 left ends the individual's too. $200 + 20% of $7,600 = $1,720.
    ['family deductible met first', dayIop, { ...simulatedPlan, copayCents: undefined, familyDeductibleRemainingCents: 20_000 }, 172_000, 172_000],
    ['family deductible larger than the individual one changes nothing', dayIop, { ...simulatedPlan, familyDeductibleRemainingCents: 500_000 }, 178_000, 228_000],
    ['family out-of-pocket left is the cap', dayIop, { ...simulatedPlan, familyOutOfPocketRemainingCents: 100_000 }, 100_000, 100_000],
    // 20 visits left of 24 days: $900 + 20% of ($6,500 - $900) = $2,020, plus 4 days at $325 ($1,300).
    ['visit limit: days beyond it at the full price, outside the cap', dayIop, { ...simulatedPlan, copayCents: undefined, visitsRemaining: 20 }, 332_000, 332_000],
    ['no visits left: the whole bill', dayIop, { ...simulatedPlan, visitsRemaining: 0 }, 780_000, 780_000],
  ];
  for (const [name, price, coverage, low, high] of rows) {
    it(name, () => {
      const estimate = estimateCoveredCost(price, coverage);
      assert.equal(estimate.lowCents, low);
      assert.equal(estimate.highCents, high);
    });
  }

  it('lists every assumption it rests on', () => {
    assert.deepEqual(kinds(estimateCoveredCost(dayIop, simulatedPlan)), [
      'program',
      'deductible',
      'coinsurance',
      'copay',
      'cost-share-either',
      'out-of-pocket-cap',
      'not-a-bill',
    ]);
    assert.deepEqual(kinds(estimateCoveredCost(dayIop, { inNetwork: null })), [
      'program',
      'deductible-unknown',
      'cost-share-unknown',
      'out-of-pocket-unknown',
      'network-unknown',
      'not-a-bill',
    ]);
  });

  it('states the program it priced', () => {
    assert.deepEqual(estimateCoveredCost(dayIop, simulatedPlan).assumptions[0], {
      kind: 'program',
      days: 24,
      daysPerWeek: 3,
      weeks: 8,
      perDayCents: 32_500,
      billedCents: 780_000,
    });
  });

  it('self-pay: the bill, less the discount for paying ahead', () => {
    const estimate = estimateSelfPayCost(dayIop, 15);
    assert.equal(estimate.highCents, 780_000);
    assert.equal(estimate.lowCents, 663_000);
    assert.deepEqual(kinds(estimate), ['program', 'self-pay', 'not-a-bill']);
  });

  it('counts distinct meeting days', () => {
    assert.equal(daysPerWeek([{ day: 1 }, { day: 3 }, { day: 5 }, { day: 3 }]), 3);
  });
});

describe('cost estimate: properties', () => {
  const price = fc.record({
    perDayCents: fc.integer({ min: 0, max: 500_000 }),
    daysPerWeek: fc.integer({ min: 0, max: 7 }),
    weeks: fc.integer({ min: 0, max: 52 }),
  });
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const coverage: fc.Arbitrary<CoverageTerms> = fc.record({
    deductibleRemainingCents: maybe(fc.integer({ min: 0, max: 2_000_000 })),
    coinsurancePercent: maybe(fc.integer({ min: 0, max: 100 })),
    copayCents: maybe(fc.integer({ min: 0, max: 100_000 })),
    outOfPocketRemainingCents: maybe(fc.integer({ min: 0, max: 2_000_000 })),
    inNetwork: fc.constantFrom(true, false, null),
  });

  it('is never negative and low never exceeds high', () => {
    fc.assert(
      fc.property(price, coverage, (p, c) => {
        const e = estimateCoveredCost(p, c);
        return e.lowCents >= 0 && e.lowCents <= e.highCents && Number.isInteger(e.lowCents) && Number.isInteger(e.highCents);
      }),
    );
  });

  it('never exceeds the out-of-pocket left plus what is not covered, nor the bill', () => {
    fc.assert(
      fc.property(price, coverage, (p, c) => {
        const e = estimateCoveredCost(p, c);
        const ceiling = c.outOfPocketRemainingCents === undefined ? e.billedCents : c.outOfPocketRemainingCents + e.notCoveredCents;
        return e.highCents <= ceiling && e.highCents <= e.billedCents;
      }),
    );
  });

  it('is monotonic in price: a dearer day never lowers either end', () => {
    fc.assert(
      fc.property(price, coverage, fc.integer({ min: 0, max: 100_000 }), (p, c, more) => {
        const cheaper = estimateCoveredCost(p, c);
        const dearer = estimateCoveredCost({ ...p, perDayCents: p.perDayCents + more }, c);
        return dearer.lowCents >= cheaper.lowCents && dearer.highCents >= cheaper.highCents;
      }),
    );
  });

  it('self-pay is monotonic in price and never above the bill', () => {
    fc.assert(
      fc.property(price, fc.integer({ min: 0, max: 100_000 }), maybe(fc.integer({ min: 0, max: 100 })), (p, more, discount) => {
        const cheaper = estimateSelfPayCost(p, discount);
        const dearer = estimateSelfPayCost({ ...p, perDayCents: p.perDayCents + more }, discount);
        return cheaper.lowCents >= 0 && cheaper.highCents === cheaper.billedCents && dearer.lowCents >= cheaper.lowCents;
      }),
    );
  });
});

describe('cost estimate: where each figure came from', () => {
  it('lists the payer’s figures apart from the center’s and our assumptions', () => {
    const bySource = (coverage: CoverageTerms) => {
      const estimate = estimateCoveredCost(dayIop, coverage);
      return Object.fromEntries(
        (['payer', 'center', 'assumed'] as const).map((source) => [source, estimate.assumptions.filter((a) => assumptionSource(a) === source).map((a) => a.kind)]),
      );
    };
    assert.deepEqual(bySource({ ...simulatedPlan, visitsRemaining: 20 }), {
      payer: ['deductible', 'coinsurance', 'copay', 'visit-limit', 'out-of-pocket-cap'],
      center: ['program'],
      assumed: ['cost-share-either', 'not-a-bill'],
    });
    assert.deepEqual(bySource({ inNetwork: null }), {
      payer: [],
      center: ['program'],
      assumed: ['deductible-unknown', 'cost-share-unknown', 'out-of-pocket-unknown', 'network-unknown', 'not-a-bill'],
    });
    assert.deepEqual(bySource({ ...simulatedPlan, inNetwork: false }).center, ['program', 'out-of-network']);
  });

  it('marks a family figure that binds', () => {
    const estimate = estimateCoveredCost(dayIop, { ...simulatedPlan, familyDeductibleRemainingCents: 10_000, familyOutOfPocketRemainingCents: 50_000 });
    assert.deepEqual(estimate.assumptions.find((a) => a.kind === 'deductible'), { kind: 'deductible', remainingCents: 10_000, family: true });
    assert.deepEqual(estimate.assumptions.find((a) => a.kind === 'out-of-pocket-cap'), { kind: 'out-of-pocket-cap', remainingCents: 50_000, family: true });
  });
});
