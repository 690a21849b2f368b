// The screener's steps, validation and the FHIR QuestionnaireResponse it sends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, itemAnswers, stepErrors, stepsFor, withoutHiddenAnswers } from '../../src/domain/intake-flow.js';
import { parseInstrumentSet } from '../../src/domain/instruments.js';
import { questionnaireResponse } from '../../src/domain/questionnaire-response.js';

const set = parseInstrumentSet(undefined);

describe('intake steps', () => {
  it('shows the healthcare-professional module only to healthcare workers', () => {
    assert.equal(stepsFor(set, { profession: 'none' }).includes('hcp'), false);
    assert.equal(stepsFor(set, { profession: 'nurse' }).includes('hcp'), true);
  });

  it('adds the rest of the AUDIT right after a positive AUDIT-C', () => {
    const negative = stepsFor(set, { sex: 'male', 'audit-1': 1, 'audit-2': 1, 'audit-3': 1 });
    const positive = stepsFor(set, { sex: 'female', 'audit-1': 1, 'audit-2': 1, 'audit-3': 1 });
    assert.equal(negative.includes('audit-rest'), false);
    assert.equal(positive[positive.indexOf('audit-c') + 1], 'audit-rest');
  });

  it('runs welcome, about, profession, instruments in the configured order, then withdrawal, practical, contact, review', () => {
    assert.deepEqual(stepsFor(['phq-9', 'asq'], {}), ['welcome', 'about', 'profession', 'phq-9', 'asq', 'withdrawal', 'practical', 'contact', 'review']);
  });

  it('drops answers nobody is asked any more', () => {
    const answers = { profession: 'none', 'hcp-fmla': 'yes', sex: 'male', 'audit-1': 0, 'audit-2': 0, 'audit-3': 0, 'audit-5': 4, 'asq-1': 0, 'asq-5': 1 };
    assert.deepEqual(withoutHiddenAnswers(set, answers), { profession: 'none', sex: 'male', 'audit-1': 0, 'audit-2': 0, 'audit-3': 0, 'asq-1': 0 });
  });
});

describe('step validation', () => {
  it('asks for every unanswered item of an instrument step', () => {
    assert.deepEqual(
      stepErrors('phq-9', { 'phq-9-1': 0, 'phq-9-2': 0, 'phq-9-3': 0, 'phq-9-4': 0, 'phq-9-5': 0, 'phq-9-6': 0, 'phq-9-7': 0 }).map((e) => e.field),
      ['phq-9-8', 'phq-9-9'],
    );
  });

  it('needs ASQ item 5 only after a "yes"', () => {
    const no = { 'asq-1': 0, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0 };
    assert.deepEqual(stepErrors('asq', no), []);
    assert.deepEqual(stepErrors('asq', { ...no, 'asq-2': 1 }), [{ field: 'asq-5', code: 'required' }]);
  });

  it('checks contact details against the way the person wants to be reached', () => {
    const base = { 'contact-name': 'Sam', 'contact-voicemail': 'no' };
    assert.deepEqual(stepErrors('contact', { ...base, 'contact-preferred': 'text' }), [{ field: 'contact-phone', code: 'phone-required' }]);
    assert.deepEqual(stepErrors('contact', { ...base, 'contact-preferred': 'email', 'contact-email': 'sam@' }), [{ field: 'contact-email', code: 'email-format' }]);
    assert.deepEqual(stepErrors('contact', { ...base, 'contact-preferred': 'phone', 'contact-phone': '303 555 0142' }), []);
    assert.deepEqual(stepErrors('welcome', { consent: [] }), [{ field: 'consent', code: 'required' }]);
  });
});

describe('FHIR R4 QuestionnaireResponse', () => {
  const answers = { sex: 'female', 'audit-1': 2, 'audit-2': 1, 'audit-3': 1, 'audit-4': 0, 'phq-9-1': 1, 'phq-9-9': 2, 'asq-1': 1, 'asq-2': 0, 'asq-3': 0, 'asq-4': 0, 'asq-5': 0 };
  const { scores } = evaluate(['audit-c', 'phq-9', 'asq'], answers);
  const response = questionnaireResponse({ set: ['audit-c', 'phq-9', 'asq'], answers: itemAnswers(answers), scores, locale: 'es', authored: new Date('2026-03-01T12:00:00Z') });

  it('is a completed R4 QuestionnaireResponse with one group per instrument', () => {
    assert.equal(response.resourceType, 'QuestionnaireResponse');
    assert.equal(response.status, 'completed');
    assert.equal(response.authored, '2026-03-01T12:00:00.000Z');
    assert.deepEqual(response.item.map((group) => group.linkId), ['/72109-2', '/72110-0', '/44249-1', 'asq']);
  });

  it('uses LOINC paths for items and totals, and LOINC answer codes where LOINC has them', () => {
    const phq = response.item.find((group) => group.linkId === '/44249-1')!;
    const item9 = phq.item!.find((item) => item.linkId === '/44249-1/44260-8')!;
    // Answered in Spanish: the response's language, item text and answer display are Spanish.
    assert.equal(response.language, 'es');
    assert.equal(item9.text, 'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera');
    assert.deepEqual(item9.answer, [{ valueCoding: { system: 'http://loinc.org', code: 'LA6570-1', display: 'Más de la mitad de los días' } }]);
    assert.deepEqual(phq.item!.at(-1), { linkId: '/44249-1/44261-6', text: 'Cómo se ha sentido (PHQ-9): puntuación total', answer: [{ valueInteger: 3 }] });
    const auditC = response.item[0]!;
    assert.deepEqual(auditC.item!.at(-1)!.answer, [{ valueInteger: 4 }]);
    assert.equal(auditC.item!.at(-1)!.linkId, '/72109-2/75626-2');
  });
});
