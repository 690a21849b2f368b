// Reading 271 benefits into coverage. Codes from the ASC X12 005010X279A1 guide: EB01 eligibility or
// benefit codes (1 active, 6 inactive, A coinsurance, B copay, C deductible, G out of pocket, F
// limitations, U contact other entity), EB06 time periods (23 calendar year, 29 remaining, 24 year to
// date), EB11/EB12 Y/N/U/W, and AAA03 reject reasons (code list 901).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_SERVICE_TYPE_CODES,
  readBenefits,
  readRejections,
  type BenefitEntry,
  type EligibilityResponseDocument,
} from '../../src/domain/eligibility-benefits.js';

const options = { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, centerInNetwork: true } as const;
const active: BenefitEntry = { code: '1', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], planCoverage: 'GOLD PPO' };
const read = (benefits: BenefitEntry[], extra: Partial<EligibilityResponseDocument> = {}, centerInNetwork: boolean | null = true) =>
  readBenefits({ benefitsInformation: benefits, ...extra }, { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, centerInNetwork });
const coverageOf = (reading: ReturnType<typeof readBenefits>) => {
  assert.equal(reading.kind, 'coverage');
  return (reading as Extract<typeof reading, { kind: 'coverage' }>).coverage;
};
const amount = (code: string, level: string, stc: string[], period: string, dollars: string): BenefitEntry => ({
  code,
  coverageLevelCode: level,
  serviceTypeCodes: stc,
  timeQualifierCode: period,
  benefitAmount: dollars,
});

describe('271 benefits: coverage status and plan dates', () => {
  const rows: Array<[string, BenefitEntry[], 'active' | 'inactive' | 'details-missing']> = [
    ['EB01 1 with no figures: nothing to estimate', [active], 'details-missing'],
    ['EB01 6: inactive', [{ code: '6', serviceTypeCodes: ['30'] }], 'inactive'],
    ['EB01 8 (inactive, pending investigation): inactive', [{ code: '8', serviceTypeCodes: ['30'] }], 'inactive'],
    ['EB01 5 (active, pending investigation) with a deductible: active', [{ ...active, code: '5' }, amount('C', 'IND', ['30'], '23', '500'), amount('C', 'IND', ['30'], '29', '100')], 'active'],
  ];
  for (const [name, benefits, outcome] of rows) {
    it(name, () => {
      const reading = read(benefits);
      assert.equal(reading.kind === 'coverage' && reading.outcome, outcome);
    });
  }

  it('reads plan dates as DTP 346/347 or a 291 range, as calendar dates', () => {
    assert.deepEqual(
      pick(coverageOf(read([active], { planDateInformation: { planBegin: '20260101', planEnd: '20261231' } })), ['planBegin', 'planEnd']),
      { planBegin: '2026-01-01', planEnd: '2026-12-31' },
    );
    assert.deepEqual(pick(coverageOf(read([active], { planDateInformation: { plan: '20260701-20270630' } })), ['planBegin', 'planEnd']), {
      planBegin: '2026-07-01',
      planEnd: '2027-06-30',
    });
    assert.deepEqual(pick(coverageOf(read([active], { planDateInformation: { plan: '2026' } })), ['planBegin', 'planEnd']), {});
  });
});

function pick<T extends object>(value: T, keys: Array<keyof T>): Partial<T> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<T>;
}

describe('271 benefits: amounts', () => {
  const bh = ['MH', 'AI', 'CJ'];
  it('individual and family deductible and out-of-pocket with remaining amounts (23 and 29)', () => {
    const coverage = coverageOf(
      read([
        active,
        amount('C', 'IND', ['30'], '23', '1500'),
        amount('C', 'IND', ['30'], '29', '900.50'),
        amount('C', 'FAM', ['30'], '23', '3000'),
        amount('C', 'FAM', ['30'], '29', '2100'),
        amount('G', 'IND', ['30'], '23', '6000'),
        amount('G', 'IND', ['30'], '24', '1800'),
      ]),
    );
    assert.deepEqual(coverage.deductible, { totalCents: 150_000, remainingCents: 90_050 });
    assert.deepEqual(coverage.familyDeductible, { totalCents: 300_000, remainingCents: 210_000 });
    // 24 is year to date: what is left is the total less what was met.
    assert.deepEqual(coverage.outOfPocket, { totalCents: 600_000, remainingCents: 420_000 });
  });

  it('a behavioural-health deductible wins over the plan-wide one', () => {
    const coverage = coverageOf(
      read([active, amount('C', 'IND', ['30'], '23', '1500'), amount('C', 'IND', ['30'], '29', '900'), amount('C', 'IND', ['MH'], '23', '500'), amount('C', 'IND', ['MH'], '29', '0')]),
    );
    assert.deepEqual(coverage.deductible, { totalCents: 50_000, remainingCents: 0 });
  });

  it('a total without what is left is not guessed: confirmed by phone', () => {
    const coverage = coverageOf(read([active, amount('C', 'IND', ['30'], '23', '1500'), { code: 'A', serviceTypeCodes: bh, benefitPercent: '0.2' }]));
    assert.equal(coverage.deductible, undefined);
    assert.ok(coverage.confirmByPhone?.includes('deductible'));
  });

  const shares: Array<[string, BenefitEntry, { coinsurancePercent?: number; copayCents?: number }]> = [
    ['EB08 0.2 is 20%', { code: 'A', serviceTypeCodes: bh, benefitPercent: '0.2' }, { coinsurancePercent: 20 }],
    ['EB08 sent as 20 (non-compliant) is still 20%', { code: 'A', serviceTypeCodes: bh, benefitPercent: '20' }, { coinsurancePercent: 20 }],
    ['EB08 0 is a real 0%', { code: 'A', serviceTypeCodes: bh, benefitPercent: '0' }, { coinsurancePercent: 0 }],
    ['EB07 40 is $40', { code: 'B', serviceTypeCodes: bh, timeQualifierCode: '27', benefitAmount: '40' }, { copayCents: 4_000 }],
    ['a plan-wide (30) copay describes office visits, not IOP: not used', { code: 'B', serviceTypeCodes: ['30'], benefitAmount: '25' }, {}],
    ['an unparseable amount is dropped, never zero', { code: 'B', serviceTypeCodes: bh, benefitAmount: 'N/A' }, {}],
  ];
  for (const [name, entry, expected] of shares) {
    it(name, () => {
      const coverage = coverageOf(read([active, amount('C', 'IND', ['30'], '23', '100'), amount('C', 'IND', ['30'], '29', '0'), entry]));
      assert.deepEqual(pick(coverage, ['coinsurancePercent', 'copayCents']), expected);
      assert.equal(coverage.confirmByPhone?.includes('cost-share') ?? false, Object.keys(expected).length === 0);
    });
  }
});

describe('271 benefits: network tier, prior authorisation, visits', () => {
  const bh = ['CJ'];
  const tiers: BenefitEntry[] = [
    active,
    { code: 'A', serviceTypeCodes: bh, benefitPercent: '0.2', inPlanNetworkIndicatorCode: 'Y', authOrCertIndicator: 'N' },
    { code: 'A', serviceTypeCodes: bh, benefitPercent: '0.5', inPlanNetworkIndicatorCode: 'N', authOrCertIndicator: 'Y' },
  ];
  const rows: Array<[string, boolean | null, number, 'yes' | 'no' | 'unknown']> = [
    ['center in network: the in-network (EB12 Y) benefits', true, 20, 'no'],
    ['center out of network: the out-of-network (EB12 N) benefits', false, 50, 'yes'],
    ['contract unknown: in-network benefits, the common case', null, 20, 'no'],
  ];
  for (const [name, centerInNetwork, percent, auth] of rows) {
    it(name, () => {
      const coverage = coverageOf(read(tiers, {}, centerInNetwork));
      assert.equal(coverage.coinsurancePercent, percent);
      assert.equal(coverage.priorAuthorization, auth);
    });
  }

  it('EB12 is kept only as the payer’s statement', () => {
    assert.equal(coverageOf(read(tiers)).payerNetworkStatement, 'in-network');
    assert.equal(coverageOf(read([active, { code: 'B', serviceTypeCodes: bh, benefitAmount: '30', inPlanNetworkIndicatorCode: 'W' }])).payerNetworkStatement, 'not-applicable');
  });

  it('EB11 U or missing is unknown, confirmed by phone', () => {
    const coverage = coverageOf(read([active, { code: 'B', serviceTypeCodes: bh, benefitAmount: '30', authOrCertIndicator: 'U' }]));
    assert.equal(coverage.priorAuthorization, 'unknown');
    assert.ok(coverage.confirmByPhone?.includes('prior-authorization'));
  });

  it('visit limits: F with VS, total (23) and remaining (29)', () => {
    const coverage = coverageOf(
      read([
        active,
        { code: 'F', serviceTypeCodes: bh, timeQualifierCode: '23', quantityQualifierCode: 'VS', benefitQuantity: '30' },
        { code: 'F', serviceTypeCodes: bh, timeQualifierCode: '29', quantityQualifierCode: 'VS', benefitQuantity: '24' },
        { code: 'F', serviceTypeCodes: bh, timeQualifierCode: '23', quantityQualifierCode: 'DY', benefitQuantity: '5' },
      ]),
    );
    assert.deepEqual(coverage.visitLimit, { visits: 30, remaining: 24 });
  });
});

describe('271 benefits: carve-outs', () => {
  const entity = (entityIdentifier: string) => ({
    entityIdentifier,
    entityName: 'EVERGREEN BEHAVIORAL HEALTH',
    contactInformation: { contacts: [{ communicationMode: 'TE', communicationNumber: '8005550134' }] },
  });
  const rows: Array<[string, BenefitEntry]> = [
    ['EB01 U on a behavioural-health service type', { code: 'U', serviceTypeCodes: ['MH'], benefitsRelatedEntities: [entity('Payer')] }],
    ['a vendor (NM101 VN) named on a behavioural-health benefit', { code: '1', serviceTypeCodes: ['AI'], benefitsRelatedEntities: [entity('VN')] }],
    ['Stedi’s name for a managed care organization (Y2)', { code: '1', serviceTypeCodes: ['CJ'], benefitsRelatedEntities: [entity('Managed Care Organization')] }],
  ];
  for (const [name, entry] of rows) {
    it(name, () => {
      const coverage = coverageOf(read([active, amount('C', 'IND', ['30'], '23', '1500'), amount('C', 'IND', ['30'], '29', '900'), entry]));
      assert.deepEqual(coverage.behavioralHealthAdministrator, { name: 'EVERGREEN BEHAVIORAL HEALTH', phone: '8005550134' });
      // The medical plan's figures need not apply to the carved-out benefit: every one is confirmed by phone.
      assert.equal(coverage.deductible, undefined);
      assert.deepEqual(coverage.confirmByPhone, ['deductible', 'out-of-pocket', 'cost-share', 'prior-authorization']);
    });
  }

  it('a primary care provider on a plan-wide benefit is not a carve-out', () => {
    const pcp = { code: '1', serviceTypeCodes: ['30'], benefitsRelatedEntities: [{ entityIdentifier: 'P3', entityName: 'DR EXAMPLE' }] };
    assert.equal(coverageOf(read([active, pcp])).behavioralHealthAdministrator, undefined);
  });
});

describe('AAA rejections (AAA03, code list 901)', () => {
  const rows: Array<[string, string, { kind: string; outcome: string; field?: string }]> = [
    ['72 invalid/missing subscriber id', '72', { kind: 'correction', outcome: 'correction-needed', field: 'member-id' }],
    ['64 invalid/missing patient id', '64', { kind: 'correction', outcome: 'correction-needed', field: 'member-id' }],
    ['75 subscriber not found', '75', { kind: 'correction', outcome: 'not-found', field: 'member-id' }],
    ['71 birth date does not match', '71', { kind: 'correction', outcome: 'correction-needed', field: 'date-of-birth' }],
    ['58 invalid/missing date of birth', '58', { kind: 'correction', outcome: 'correction-needed', field: 'date-of-birth' }],
    ['73 invalid/missing subscriber name', '73', { kind: 'correction', outcome: 'correction-needed', field: 'name' }],
    ['65 invalid/missing patient name', '65', { kind: 'correction', outcome: 'correction-needed', field: 'name' }],
    ['42 unable to respond now', '42', { kind: 'callback', outcome: 'payer-unavailable' }],
    ['80 no response received', '80', { kind: 'callback', outcome: 'payer-unavailable' }],
    ['43 invalid provider id: the center’s problem, not the person’s', '43', { kind: 'callback', outcome: 'manual' }],
    ['41 authorization/access restrictions', '41', { kind: 'callback', outcome: 'manual' }],
  ];
  for (const [name, code, expected] of rows) {
    it(name, () => {
      const reading = readBenefits({ errors: [{ code, description: 'from the payer', followupAction: 'Please Correct and Resubmit' }] }, options);
      assert.deepEqual(pick(reading as Record<string, unknown>, ['kind', 'outcome', 'field']), expected);
      assert.match((reading as { staffNote: string }).staffNote, new RegExp(`AAA ${code}; from the payer; follow-up: Please Correct and Resubmit`));
    });
  }

  it('reads AAA errors on the subscriber and payer too, a fixable one first', () => {
    const reading = readBenefits({ payer: { aaaErrors: [{ code: '42' }] }, subscriber: { aaaErrors: [{ code: '72' }] } }, options);
    assert.deepEqual(pick(reading as Record<string, unknown>, ['kind', 'field']), { kind: 'correction', field: 'member-id' });
  });

  it('a stray AAA beside a coverage status does not hide the coverage', () => {
    assert.equal(read([{ code: '6', serviceTypeCodes: ['30'] }], { errors: [{ code: '57' }] }).kind, 'coverage');
  });

  it('no status and no AAA is a call back, never a guess', () => {
    assert.deepEqual(pick(readBenefits({}, options) as Record<string, unknown>, ['kind', 'outcome']), { kind: 'callback', outcome: 'manual' });
    assert.equal(readRejections([]), undefined);
  });
});

describe('271 benefits: properties', () => {
  const entry = fc.record({
    code: fc.constantFrom('1', '6', 'A', 'B', 'C', 'G', 'F', 'U', 'Y'),
    coverageLevelCode: fc.constantFrom('IND', 'FAM', 'EMP', undefined),
    serviceTypeCodes: fc.subarray(['30', 'MH', 'AI', 'CJ', 'CH', '98']),
    timeQualifierCode: fc.constantFrom('23', '29', '24', '27', undefined),
    benefitAmount: fc.option(fc.oneof(fc.integer({ min: -10, max: 20_000 }).map(String), fc.constant('abc')), { nil: undefined }),
    benefitPercent: fc.option(fc.oneof(fc.double({ min: -1, max: 150, noNaN: true }).map(String), fc.constant('')), { nil: undefined }),
    authOrCertIndicator: fc.constantFrom('Y', 'N', 'U', undefined),
    inPlanNetworkIndicatorCode: fc.constantFrom('Y', 'N', 'U', 'W', undefined),
  });

  it('never invents a negative or out-of-range figure, and remaining never exceeds the total', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), fc.constantFrom(true, false, null), (benefits, centerInNetwork) => {
        const reading = readBenefits({ benefitsInformation: benefits as BenefitEntry[] }, { serviceTypeCodes: DEFAULT_SERVICE_TYPE_CODES, centerInNetwork });
        if (reading.kind !== 'coverage') return;
        const { coverage } = reading;
        for (const amountLeft of [coverage.deductible, coverage.outOfPocket, coverage.familyDeductible, coverage.familyOutOfPocket]) {
          if (!amountLeft) continue;
          assert.ok(amountLeft.totalCents >= 0 && amountLeft.remainingCents >= 0 && amountLeft.remainingCents <= amountLeft.totalCents);
        }
        if (coverage.coinsurancePercent !== undefined) assert.ok(coverage.coinsurancePercent >= 0 && coverage.coinsurancePercent <= 100);
        if (coverage.copayCents !== undefined) assert.ok(coverage.copayCents >= 0);
        // Whatever is missing is listed to confirm by phone.
        if (!coverage.deductible) assert.ok(!coverage.active || coverage.confirmByPhone?.includes('deductible'));
      }),
    );
  });
});
