// Scoring and bands from the published sources cited in src/domain/instruments.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  asq,
  audit,
  auditC,
  dast10,
  gad7,
  instruments,
  isComplete,
  askedItems,
  parseInstrumentSet,
  phq9,
  safetyLevel,
  scoreAll,
  scoreAsq,
  scoreAudit,
  scoreAuditC,
  scoreDast10,
  scoreGad7,
  scorePhq2,
  scorePhq9,
  type Answers,
  type Instrument,
  type InstrumentScore,
} from '../../src/domain/instruments.js';

/** Answers with the same score for every item of an instrument. */
const all = (instrument: Instrument, score: number): Answers => Object.fromEntries(instrument.items.map((item) => [item.id, score]));
/** Answers from a list of scores in item order. */
const answers = (instrument: Instrument, scores: readonly number[]): Answers =>
  Object.fromEntries(scores.map((score, index) => [instrument.items[index]!.id, score]));

describe('AUDIT-C (Bradley 2003/2007: >= 4 men, >= 3 women)', () => {
  const table: [number[], 'female' | 'male' | 'not-said' | undefined, number, boolean][] = [
    [[0, 0, 0], 'male', 0, false],
    [[1, 1, 1], 'male', 3, false],
    [[1, 1, 1], 'female', 3, true],
    [[2, 1, 1], 'male', 4, true],
    [[1, 0, 1], 'female', 2, false],
    [[1, 1, 1], 'not-said', 3, true],
    [[1, 1, 1], undefined, 3, true],
    [[4, 4, 4], 'male', 12, true],
  ];
  for (const [scores, sex, total, positive] of table) {
    it(`${scores.join('+')} for ${sex ?? 'unknown sex'} is ${total}, ${positive ? 'positive' : 'negative'}`, () => {
      const score = scoreAuditC(answers(auditC, scores), sex);
      assert.equal(score.total, total);
      assert.equal(score.positive, positive);
      assert.equal(score.band, positive ? 'positive' : 'negative');
    });
  }
});

describe('AUDIT (WHO 2001: zones I-IV at 0, 8, 16, 20)', () => {
  const table: [number[], number, string, boolean][] = [
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'zone-1', false],
    [[2, 2, 1, 1, 1, 0, 0, 0, 0, 0], 7, 'zone-1', false],
    [[2, 2, 1, 1, 1, 1, 0, 0, 0, 0], 8, 'zone-2', true],
    [[3, 3, 3, 2, 2, 2, 0, 0, 0, 0], 15, 'zone-2', true],
    [[3, 3, 3, 2, 2, 2, 1, 0, 0, 0], 16, 'zone-3', true],
    [[3, 3, 3, 2, 2, 2, 1, 1, 2, 0], 19, 'zone-3', true],
    [[3, 3, 3, 2, 2, 2, 1, 0, 0, 4], 20, 'zone-4', true],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 40, 'zone-4', true],
  ];
  for (const [scores, total, band, positive] of table) {
    it(`total ${total} is ${band}`, () => {
      assert.deepEqual(scoreAudit(answers(audit, scores)), { instrument: 'audit', total, band, positive });
    });
  }

  it('scores items 9 and 10 as 0, 2 or 4 only', () => {
    for (const item of audit.items.slice(8)) assert.deepEqual(item.options.map((option) => option.score), [0, 2, 4]);
    for (const item of audit.items.slice(0, 8)) assert.deepEqual(item.options.map((option) => option.score), [0, 1, 2, 3, 4]);
  });
});

describe('DAST-10 (Skinner 1982; item 3 reverse-scored)', () => {
  const yes = (item: number) => dast10.items[item - 1]!.options.find((option) => option.label.en === 'Yes')!.score;
  const no = (item: number) => dast10.items[item - 1]!.options.find((option) => option.label.en === 'No')!.score;

  it('scores item 3 one point for "no" and every other item one point for "yes"', () => {
    assert.equal(no(3), 1);
    assert.equal(yes(3), 0);
    for (const item of [1, 2, 4, 5, 6, 7, 8, 9, 10]) assert.deepEqual([yes(item), no(item)], [1, 0]);
  });

  const table: [string, number[], number, string, boolean][] = [
    ['all "no" (item 3 "no" scores 1)', [0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 1, 'low', false],
    ['no drug use at all ("yes" to item 3)', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'none', false],
    ['two', [1, 0, 1, 0, 0, 0, 0, 0, 0, 0], 2, 'low', false],
    ['three', [1, 1, 1, 0, 0, 0, 0, 0, 0, 0], 3, 'moderate', true],
    ['five', [1, 1, 1, 1, 1, 0, 0, 0, 0, 0], 5, 'moderate', true],
    ['six', [1, 1, 1, 1, 1, 1, 0, 0, 0, 0], 6, 'substantial', true],
    ['eight', [1, 1, 1, 1, 1, 1, 1, 1, 0, 0], 8, 'substantial', true],
    ['nine', [1, 1, 1, 1, 1, 1, 1, 1, 1, 0], 9, 'severe', true],
    ['all "yes" except item 3 ("no")', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10, 'severe', true],
  ];
  for (const [name, scores, total, band, positive] of table) {
    it(`${name}: ${total}, ${band}`, () => {
      assert.deepEqual(scoreDast10(answers(dast10, scores)), { instrument: 'dast-10', total, band, positive });
    });
  }
});

describe('PHQ-9 (Kroenke 2001) and PHQ-2 (Kroenke 2003)', () => {
  const table: [number, string, boolean][] = [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately-severe', true],
    [19, 'moderately-severe', true],
    [20, 'severe', true],
    [27, 'severe', true],
  ];
  for (const [total, band, positive] of table) {
    it(`total ${total} is ${band}`, () => {
      // Fill items from the first, 3 points each, to reach the total.
      const scores = phq9.items.map((_, index) => Math.max(0, Math.min(3, total - 3 * index)));
      assert.deepEqual(scorePhq9(answers(phq9, scores)), { instrument: 'phq-9', total, band, positive });
    });
  }

  it('"several days" on every item is 9, mild', () => {
    assert.equal(scorePhq9(all(phq9, 1)).band, 'mild');
  });

  it('PHQ-2 is positive at 3 or more from items 1 and 2 only', () => {
    assert.equal(scorePhq2(answers(phq9, [1, 1, 3, 3, 3, 3, 3, 3, 3])).positive, false);
    assert.deepEqual(scorePhq2(answers(phq9, [2, 1])), { instrument: 'phq-2', total: 3, band: 'positive', positive: true });
  });

  it('codes item 9 as LOINC 44260-8 and the total as 44261-6', () => {
    assert.equal(phq9.items[8]!.loinc, '44260-8');
    assert.equal(phq9.totalLoinc, '44261-6');
    assert.equal(phq9.panelLoinc, '44249-1');
  });
});

describe('GAD-7 (Spitzer 2006)', () => {
  const table: [number, string, boolean][] = [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
    [21, 'severe', true],
  ];
  for (const [total, band, positive] of table) {
    it(`total ${total} is ${band}`, () => {
      const scores = gad7.items.map((_, index) => Math.max(0, Math.min(3, total - 3 * index)));
      assert.deepEqual(scoreGad7(answers(gad7, scores)), { instrument: 'gad-7', total, band, positive });
    });
  }
});

describe('ASQ (NIMH)', () => {
  it('is negative with every answer "no"', () => {
    assert.deepEqual(scoreAsq(all(asq, 0)), { instrument: 'asq', total: 0, band: 'negative', positive: false });
  });
  it('is positive with any "yes" to items 1-4, acute with a "yes" to item 5', () => {
    assert.equal(scoreAsq({ 'asq-4': 1, 'asq-5': 0 }).band, 'non-acute-positive');
    assert.equal(scoreAsq({ 'asq-2': 1, 'asq-5': 1 }).band, 'acute-positive');
  });
  it('asks item 5 only after a "yes"', () => {
    assert.equal(askedItems(asq, all(asq, 0)).length, 4);
    assert.equal(askedItems(asq, { 'asq-3': 1 }).length, 5);
    assert.equal(isComplete(asq, { 'asq-1': 0, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0 }), true);
    assert.equal(isComplete(asq, { 'asq-1': 1, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0 }), false);
  });
});

describe('safety level', () => {
  it('raises a concern on PHQ-9 item 9 above 0 or any ASQ "yes", acute on ASQ acuity "yes"', () => {
    assert.equal(safetyLevel({}), 'none');
    assert.equal(safetyLevel({ 'phq-9-9': 0, 'asq-1': 0 }), 'none');
    assert.equal(safetyLevel({ 'phq-9-9': 1 }), 'concern');
    assert.equal(safetyLevel({ 'asq-3': 1 }), 'concern');
    assert.equal(safetyLevel({ 'asq-3': 1, 'asq-5': 1 }), 'acute');
  });
  it('ignores a stale acuity answer once no screening item is "yes"', () => {
    assert.equal(safetyLevel({ 'asq-1': 0, 'asq-5': 1 }), 'none');
  });
});

describe('instrument set', () => {
  it('defaults to audit-c, dast-10, phq-9, gad-7, asq', () => {
    assert.deepEqual(parseInstrumentSet(undefined), ['audit-c', 'dast-10', 'phq-9', 'gad-7', 'asq']);
    assert.deepEqual(parseInstrumentSet('nonsense'), ['audit-c', 'dast-10', 'phq-9', 'gad-7', 'asq']);
  });
  it('keeps known ids in order, drops duplicates and AUDIT-C when the full AUDIT is asked', () => {
    assert.deepEqual(parseInstrumentSet(' PHQ-9, asq,phq-9 , bogus'), ['phq-9', 'asq']);
    assert.deepEqual(parseInstrumentSet('audit-c,audit,gad-7'), ['audit', 'gad-7']);
  });
  it('adds the full AUDIT to the scores only when AUDIT-C is positive, and PHQ-2 beside PHQ-9', () => {
    const ids = (scores: InstrumentScore[]) => scores.map((score) => score.instrument);
    assert.deepEqual(ids(scoreAll(['audit-c', 'phq-9'], answers(auditC, [0, 0, 1]), 'male')), ['audit-c', 'phq-9', 'phq-2']);
    assert.deepEqual(ids(scoreAll(['audit-c'], answers(auditC, [2, 1, 1]), 'male')), ['audit-c', 'audit']);
  });
  it('has English and Spanish text for every item and option', () => {
    for (const instrument of Object.values(instruments)) {
      for (const item of instrument.items) {
        assert.ok(item.text.en && item.text.es, item.id);
        for (const option of item.options) assert.ok(option.label.en && option.label.es, item.id);
      }
    }
  });
});

describe('properties', () => {
  const scorers: [Instrument, (answers: Answers) => InstrumentScore][] = [
    [auditC, (a) => scoreAuditC(a, 'male')],
    [audit, scoreAudit],
    [dast10, scoreDast10],
    [phq9, scorePhq9],
    [gad7, scoreGad7],
    [asq, scoreAsq],
  ];
  const answersFor = (instrument: Instrument) =>
    fc.tuple(...instrument.items.map((item) => fc.constantFrom(...item.options.map((option) => option.score)))).map((scores) => answers(instrument, scores));
  const bounds = (instrument: Instrument) => {
    const items = instrument === asq ? instrument.items.slice(0, 4) : instrument.items;
    return [0, items.reduce((max, item) => max + Math.max(...item.options.map((option) => option.score)), 0)] as const;
  };

  for (const [instrument, score] of scorers) {
    it(`${instrument.id}: the total stays within its published range`, () => {
      const [min, max] = bounds(instrument);
      fc.assert(fc.property(answersFor(instrument), (a) => score(a).total >= min && score(a).total <= max));
    });

    it(`${instrument.id}: choosing a higher-scoring option never lowers the total or turns a positive negative`, () => {
      fc.assert(
        fc.property(answersFor(instrument), fc.nat(instrument.items.length - 1), (a, index) => {
          const item = instrument.items[index]!;
          const higher = Math.max(...item.options.map((option) => option.score));
          const before = score(a);
          const after = score({ ...a, [item.id]: higher });
          return after.total >= before.total && (!before.positive || after.positive);
        }),
      );
    });
  }

  it('dast-10: answering item 3 "no" instead of "yes" adds exactly one point', () => {
    fc.assert(
      fc.property(answersFor(dast10), (a) => {
        const yes = scoreDast10({ ...a, 'dast-10-3': 0 }).total;
        const no = scoreDast10({ ...a, 'dast-10-3': 1 }).total;
        return no === yes + 1;
      }),
    );
  });
});
