import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFirstRun } from '../../src/domain/first-run-form.js';

const form = { name: ' Juniper Ridge ', phone: '+1 303-555-0142', timeZone: 'America/Denver', calendarTitle: '', origins: 'www.center.org\nhttps://www.center.org/\n' };

describe('checkFirstRun', () => {
  it('turns a complete form into the first-run request', () => {
    assert.deepEqual(checkFirstRun(form), {
      errors: [],
      request: { name: 'Juniper Ridge', phone: '+1 303-555-0142', timeZone: 'America/Denver', allowedOrigins: ['https://www.center.org'] },
    });
    assert.equal(checkFirstRun({ ...form, calendarTitle: ' Appointment ' }).request?.calendarTitle, 'Appointment');
    assert.deepEqual(checkFirstRun({ ...form, origins: '' }).request?.allowedOrigins, []);
  });

  it('names every field to fix, and sends nothing', () => {
    assert.deepEqual(checkFirstRun({ name: ' ', phone: 'call us', timeZone: '', calendarTitle: '', origins: 'https://www.center.org/contact' }), {
      errors: ['name', 'phone', 'timeZone', 'origins'],
    });
  });
});
