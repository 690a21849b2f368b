// Every result rule of src/domain/screening-result.ts, with the default thresholds and a center's own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { InstrumentScore } from '../../src/domain/instruments.js';
import { defaultResultThresholds, parseResultThresholds, screeningResult, type ResultInput } from '../../src/domain/screening-result.js';

const score = (instrument: InstrumentScore['instrument'], total: number): InstrumentScore => ({ instrument, total, band: 'x', positive: total > 0 });
const calm: ResultInput = { scores: [score('audit-c', 2), score('phq-9', 6), score('gad-7', 4), score('dast-10', 1)], safety: 'none', answers: {}, withdrawal: { seizuresOrDts: 'no', recentSymptoms: 'no', dailyUse: 'no' } };

describe('screening result (defaults)', () => {
  it('IOP may be a fit when nothing else applies, not urgent', () => {
    assert.deepEqual(screeningResult(calm), { result: 'iop-fit', urgent: false, reasons: [] });
  });

  it('get help now on an acute ASQ, urgent', () => {
    const outcome = screeningResult({ ...calm, safety: 'acute', withdrawal: { seizuresOrDts: 'yes' } });
    assert.deepEqual(outcome, { result: 'get-help-now', urgent: true, reasons: ['asq-acute'] });
  });

  it('PHQ-9 item 9 alone is urgent but does not mean "get help now" unless the center says so', () => {
    const input = { ...calm, safety: 'concern' as const, answers: { 'phq-9-9': 3 } };
    assert.equal(screeningResult(input).result, 'higher-level');
    assert.equal(screeningResult(input).urgent, true);
    assert.equal(screeningResult(input, { ...defaultResultThresholds, getHelpNowPhq9Item9: 2 }).result, 'get-help-now');
  });

  for (const [field, answer] of [
    ['seizuresOrDts', 'yes'],
    ['seizuresOrDts', 'unsure'],
    ['recentSymptoms', 'yes'],
  ] as const) {
    it(`withdrawal evaluation on ${field} = ${answer}`, () => {
      assert.equal(screeningResult({ ...calm, withdrawal: { [field]: answer } }).result, 'withdrawal-evaluation');
    });
  }

  it('withdrawal evaluation on weekly morning drinking (AUDIT item 6 >= 3), not on less', () => {
    assert.equal(screeningResult({ ...calm, answers: { 'audit-6': 3 } }).result, 'withdrawal-evaluation');
    assert.equal(screeningResult({ ...calm, answers: { 'audit-6': 2 } }).result, 'iop-fit');
  });

  it('daily use alone does not call for a withdrawal evaluation by default', () => {
    assert.equal(screeningResult({ ...calm, withdrawal: { dailyUse: 'yes' } }).result, 'iop-fit');
    assert.equal(screeningResult({ ...calm, withdrawal: { dailyUse: 'yes' } }, { ...defaultResultThresholds, withdrawalOnDailyUse: true }).result, 'withdrawal-evaluation');
  });

  it('withdrawal outranks a higher level of care', () => {
    assert.equal(screeningResult({ ...calm, scores: [score('phq-9', 24)], withdrawal: { recentSymptoms: 'yes' } }).result, 'withdrawal-evaluation');
  });

  for (const [instrument, total, below] of [
    ['audit', 20, 19],
    ['dast-10', 9, 8],
    ['phq-9', 20, 19],
  ] as const) {
    it(`a more intensive level may be worth discussing at ${instrument} >= ${total}`, () => {
      assert.equal(screeningResult({ ...calm, scores: [score(instrument, total)] }).result, 'higher-level');
      assert.equal(screeningResult({ ...calm, scores: [score(instrument, below)] }).result, 'iop-fit');
    });
  }

  it('GAD-7 alone does not change the level by default; a center may make it', () => {
    assert.equal(screeningResult({ ...calm, scores: [score('gad-7', 21)] }).result, 'iop-fit');
    assert.equal(screeningResult({ ...calm, scores: [score('gad-7', 15)] }, { ...defaultResultThresholds, higherLevelGad7: 15 }).result, 'higher-level');
  });

  it('a non-acute safety concern suggests a higher level and is urgent', () => {
    assert.deepEqual(screeningResult({ ...calm, safety: 'concern' }), { result: 'higher-level', urgent: true, reasons: ['safety-concern'] });
    assert.equal(screeningResult({ ...calm, safety: 'concern' }, { ...defaultResultThresholds, higherLevelOnSafetyConcern: false }).result, 'iop-fit');
  });

  it('urgent exactly when there is a safety signal (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('none', 'concern', 'acute' as const), fc.nat(40), fc.constantFrom('yes', 'no', 'unsure' as const), (safety, total, answer) => {
        const outcome = screeningResult({ ...calm, safety: safety as ResultInput['safety'], scores: [score('audit', total)], withdrawal: { recentSymptoms: answer } });
        return outcome.urgent === (safety !== 'none') && (safety !== 'acute' || outcome.result === 'get-help-now');
      }),
    );
  });
});

describe('center thresholds', () => {
  it('falls back to the defaults for missing, malformed or wrongly typed values', () => {
    assert.deepEqual(parseResultThresholds(undefined), defaultResultThresholds);
    assert.deepEqual(parseResultThresholds('{not json'), defaultResultThresholds);
    const parsed = parseResultThresholds('{"higherLevelPhq9": 15, "higherLevelAudit": "20", "withdrawalOnDailyUse": true, "higherLevelDast10": null, "extra": 1}');
    assert.equal(parsed.higherLevelPhq9, 15);
    assert.equal(parsed.higherLevelAudit, 20);
    assert.equal(parsed.withdrawalOnDailyUse, true);
    assert.equal(parsed.higherLevelDast10, null);
    assert.equal('extra' in parsed, false);
  });
});
