import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callbackProblems, dateOfBirthProblem, memberProblems, nextPollDelayMs, splitName, type MemberAnswers } from '../../src/domain/eligibility-form.js';

const person = { firstName: 'Alex', lastName: 'Rivera', dateOfBirth: '1988-04-02' };
const complete: MemberAnswers = { memberId: 'IOPACTIVE01', groupNumber: '', patient: person, relationship: 'self', subscriber: { firstName: '', lastName: '', dateOfBirth: '' } };
const today = '2026-03-08';

describe('insurance form rules', () => {
  it('accepts a complete form for oneself', () => assert.deepEqual(memberProblems(complete, 'generic', today), {}));

  it('asks for the policy holder only when it is someone else', () => {
    assert.deepEqual(memberProblems({ ...complete, relationship: 'spouse' }, 'generic', today), {
      subscriberFirstName: 'required',
      subscriberLastName: 'required',
      subscriberDateOfBirth: 'required',
    });
  });

  it('checks the member ID by the payer rule', () => {
    assert.deepEqual(memberProblems(complete, 'medicare-mbi', today), { memberId: 'mbi-format' });
    assert.deepEqual(memberProblems({ ...complete, memberId: '' }, 'generic', today), { memberId: 'required' });
  });

  it('checks dates of birth', () => {
    assert.equal(dateOfBirthProblem('2026-02-30', today), 'date-invalid');
    assert.equal(dateOfBirthProblem('2026-03-09', today), 'date-future');
    assert.equal(dateOfBirthProblem('1890-01-01', today), 'date-too-old');
    assert.equal(dateOfBirthProblem('2026-03-08', today), undefined);
  });

  it('needs a phone, a voicemail answer and consent for a call back', () => {
    assert.deepEqual(callbackProblems({ phone: '', bestTimes: '', voicemailOk: '', consent: false }), {
      phone: 'required',
      voicemailOk: 'required',
      consent: 'required',
    });
    assert.deepEqual(callbackProblems({ phone: '(303) 555-0142', bestTimes: '', voicemailOk: 'no', consent: true }), {});
    assert.deepEqual(callbackProblems({ phone: 'call me', bestTimes: '', voicemailOk: 'no', consent: true }), { phone: 'characters' });
  });

  it('splits a single name field at the last word', () => {
    assert.deepEqual(splitName('Ana María  López'), { firstName: 'Ana María', lastName: 'López' });
    assert.deepEqual(splitName('Sam'), { firstName: 'Sam', lastName: '' });
  });

  it('polls no sooner than asked, growing to 30 s', () => {
    assert.equal(nextPollDelayMs(0, 2), 2_000);
    assert.equal(nextPollDelayMs(0, 10), 10_000);
    assert.equal(nextPollDelayMs(2, 1), 4_500);
    assert.equal(nextPollDelayMs(20, 1), 30_000);
  });
});
