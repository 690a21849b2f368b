import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAge, formatDateFieldExample, formatList, formatMoney, formatTime, formatWarmups } from '../../src/i18n/format.js';
import { languagesPending, preferredLocale, toLocale, translate } from '../../src/i18n/locale.js';
import { alumniBrowserMessages } from '../../src/elements/alumni-browser/alumni-browser.messages.js';
import { insuranceMessages } from '../../src/elements/insurance-verification/insurance-verification.messages.js';
import { intakeMessages } from '../../src/elements/intake-screener/intake-screener.messages.js';
import { myAttendanceMessages } from '../../src/elements/alumni-browser/my-attendance.messages.js';
import { scheduleMessages } from '../../src/elements/schedule-picker/schedule-picker.messages.js';
import { sharedMessages } from '../../src/i18n/messages.js';

describe('locale', () => {
  it('reads page and attribute languages', () => {
    assert.equal(toLocale('es-MX'), 'es');
    assert.equal(toLocale('EN_us'), 'en');
    assert.equal(toLocale('fr'), undefined);
    assert.equal(toLocale(null), undefined);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    assert.equal(translate(sharedMessages, 'es', 'offlineCached', { age: 'hace 5 minutos' }), 'No tiene conexión. Mostramos la información guardada hace 5 minutos.');
    assert.match(translate(sharedMessages, 'en', 'offlineCached'), /\{age\}/);
  });

  it('takes the first of the browser languages the widgets speak', () => {
    assert.equal(preferredLocale(['fr-CA', 'es-MX', 'en-US']), 'es');
    assert.equal(preferredLocale(['de']), undefined);
    assert.equal(preferredLocale(undefined), undefined);
  });

  it('answers in English until a lazy catalog\'s Spanish has arrived, then in Spanish', async () => {
    assert.equal(scheduleMessages.es, undefined, 'not fetched before anyone asks');
    assert.equal(translate(scheduleMessages, 'en', 'changeCall', { phone: '1' }), 'To change it, call 1.');
    assert.equal(scheduleMessages.es, undefined, 'English asks for nothing');
    assert.equal(translate(scheduleMessages, 'es', 'changeCall', { phone: '1' }), 'To change it, call 1.');
    await languagesPending();
    assert.equal(translate(scheduleMessages, 'es', 'changeCall', { phone: '1' }), 'Para cambiarla, llame al 1.');
    assert.equal(languagesPending(), undefined);
  });

  it('has every key of each widget catalog in Spanish, filled in', async () => {
    for (const catalog of [alumniBrowserMessages, insuranceMessages, intakeMessages, myAttendanceMessages, scheduleMessages]) {
      const es = await catalog.load.es();
      assert.deepEqual(Object.keys(es).sort(), Object.keys(catalog.en).sort());
      for (const [key, value] of Object.entries(es)) assert.ok(value.trim(), key);
    }
  });

  it('chooses singular or plural by Intl.PluralRules, in both languages', async () => {
    translate(insuranceMessages, 'es', 'payerCount', { count: 1 });
    translate(alumniBrowserMessages, 'es', 'found', { count: 0 });
    await languagesPending();
    assert.equal(translate(insuranceMessages, 'en', 'payerCount', { count: 1 }), '1 insurance company matches. Use the up and down arrows to choose.');
    assert.equal(translate(insuranceMessages, 'en', 'payerCount', { count: 3 }), '3 insurance companies match. Use the up and down arrows to choose.');
    assert.equal(translate(insuranceMessages, 'es', 'payerCount', { count: 1 }).split('.')[0], '1 compañía coincide');
    assert.match(translate(insuranceMessages, 'en', 'checkingWaiting', { count: 1 }), /\(asked once\)/);
    assert.match(translate(insuranceMessages, 'es', 'checkingWaiting', { count: 1 }), /\(consultada 1 vez\)/);
    assert.equal(translate(alumniBrowserMessages, 'en', 'seatsLeft', { count: 1 }), '1 place left');
    assert.equal(translate(alumniBrowserMessages, 'es', 'found', { count: 0 }), 'Se encontraron 0 sesiones');
    assert.equal(translate(alumniBrowserMessages, 'en', 'found', { count: 1200 }), '1,200 sessions found');
  });

  it('writes the date-field example in the order the browser’s own date field uses', () => {
    assert.equal(formatDateFieldExample('1988-04-27', 'en-US'), '04/27/1988');
    assert.equal(formatDateFieldExample('1988-04-27', 'es-MX'), '27/04/1988');
    assert.equal(formatDateFieldExample('1988-04-27', 'not a language tag'), '04/27/1988');
    // Built once per browser language and kept: the same answers the second time.
    assert.equal(formatDateFieldExample('2001-12-31', 'es-MX'), '31/12/2001');
    assert.equal(formatDateFieldExample('2001-12-31', 'not a language tag'), '12/31/2001');
  });

  it('joins lists in the widget\'s language', () => {
    assert.equal(formatList(['Monday', 'Wednesday', 'Thursday'], 'en'), 'Monday, Wednesday, and Thursday');
    assert.equal(formatList(['lunes', 'miércoles', 'jueves'], 'es'), 'lunes, miércoles y jueves');
  });

  it('builds a first screen\'s formatters ahead of need, one step per Intl kind and zone', () => {
    const steps = formatWarmups({ locale: 'es', timeZones: ['America/Denver', 'America/New_York'], lists: true, money: true });
    // Dates, two zones, plurals and numbers, lists, money: each step may be run in its own task.
    assert.equal(steps.length, 6);
    for (const step of steps) step();
    assert.equal(formatWarmups({ locale: 'en' }).length, 2);
    assert.throws(() => formatWarmups({ locale: 'en', timeZones: ['Not/AZone'] })[1]!(), RangeError);
  });

  it('has every Spanish message filled in', () => {
    for (const [key, value] of Object.entries(sharedMessages.es)) assert.ok(value.trim(), key);
    assert.deepEqual(Object.keys(sharedMessages.es).sort(), Object.keys(sharedMessages.en).sort());
  });
});

describe('formatting in the center zone', () => {
  it('shows a Denver time in Denver across the DST change', () => {
    // 2026-03-08 is the US spring-forward day: 16:00Z is 09:00 MST before, 17:00 MDT after.
    assert.equal(formatTime('2026-03-07T16:00:00Z', 'en', 'America/Denver'), '9:00 AM');
    assert.equal(formatTime('2026-03-09T16:00:00Z', 'en', 'America/Denver'), '10:00 AM');
  });

  it('formats money without cents when whole', () => {
    assert.equal(formatMoney(120000, 'en'), '$1,200');
    assert.equal(formatMoney(3750, 'en'), '$37.50');
  });

  it('says how old cached data is', () => {
    assert.equal(formatAge(5 * 60000, 'en'), '5 minutes ago');
    assert.equal(formatAge(3 * 3600000, 'es'), 'hace 3 horas');
  });
});
