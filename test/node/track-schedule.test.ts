import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { appointmentEvent, fromContact, toContact, validateDetails, emptyDetails } from '../../src/domain/booking-details.js';
import { calendarFile, parseCalendarFile } from '../../src/domain/calendar-file.js';
import { filterTracks, meetingDays, noFilters, programEndDate, timeOfDayOf, upcomingStarts, type SchedulableTrack } from '../../src/domain/track-schedule.js';
import { addDays, daysBetween, weekdayOf } from '../../src/domain/zoned-time.js';

// The demo center's tracks (server/seed/demo-center.ts), reduced to what scheduling reads.
const day: SchedulableTrack & { id: string } = {
  id: 'day-iop',
  audience: 'general',
  format: 'in-person',
  meetings: [1, 3, 5].map((d) => ({ day: d, start: '09:00', end: '12:00' })),
  weeks: 8,
  startDates: ['2026-12-07', '2026-12-14', '2026-11-30', '2026-12-21', '2026-12-28'],
};
const evening: SchedulableTrack & { id: string } = {
  id: 'evening-iop',
  audience: 'general',
  format: 'hybrid',
  meetings: [1, 2, 4].map((d) => ({ day: d, start: '18:00', end: '21:00' })),
  weeks: 10,
  startDates: ['2026-12-07'],
};
const hcp: SchedulableTrack & { id: string } = {
  id: 'hcp',
  audience: 'healthcare-professionals',
  format: 'in-person',
  meetings: [
    { day: 2, start: '18:00', end: '21:00' },
    { day: 4, start: '18:00', end: '21:00' },
    { day: 6, start: '09:00', end: '12:00' },
  ],
  weeks: 12,
  startDates: ['2026-12-08'],
};
const tracks = [day, evening, hcp];
const ids = (list: { id: string }[]) => list.map((t) => t.id);

describe('"fits around my work" filters', () => {
  it('time of day: every session must start in a chosen part of the day', () => {
    assert.deepEqual([timeOfDayOf('09:00'), timeOfDayOf('11:59'), timeOfDayOf('12:00'), timeOfDayOf('16:59'), timeOfDayOf('17:00')], ['morning', 'morning', 'afternoon', 'afternoon', 'evening']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, timesOfDay: ['evening'] })), ['evening-iop']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, timesOfDay: ['evening', 'morning'] })), ['day-iop', 'evening-iop', 'hcp']);
  });

  it('weekends, format (hybrid suits both) and audience', () => {
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, days: 'weekend' })), ['hcp']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, days: 'weekdays' })), ['day-iop', 'evening-iop']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, attendance: ['online'] })), ['evening-iop']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, attendance: ['in-person'] })), ['day-iop', 'evening-iop', 'hcp']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, audience: 'healthcare-professionals' })), ['hcp']);
    assert.deepEqual(ids(filterTracks(tracks, { ...noFilters, audience: 'healthcare-professionals', timesOfDay: ['morning'] })), []);
    assert.deepEqual(ids(filterTracks(tracks, noFilters)), ids(tracks));
  });

  it('lists meeting days Monday first, Sunday last', () => {
    assert.deepEqual(meetingDays({ meetings: [6, 0, 2, 2].map((d) => ({ day: d, start: '09:00', end: '10:00' })) }), [2, 6, 0]);
  });
});

describe('end dates from a start date and a number of weeks', () => {
  it('is the last meeting day within the weeks (demo center tracks)', () => {
    assert.equal(programEndDate('2026-12-07', 8, day.meetings), '2027-01-29'); // Friday of week 8
    assert.equal(programEndDate('2026-12-07', 10, evening.meetings), '2027-02-11'); // Thursday of week 10
    assert.equal(programEndDate('2026-12-08', 12, hcp.meetings), '2027-02-27'); // Saturday of week 12
    assert.equal(programEndDate('2026-12-07', 1, []), '2026-12-13');
  });

  it('lists upcoming starts in order from today, each with its end', () => {
    assert.deepEqual(upcomingStarts(day, '2026-12-01', 2), [
      { start: '2026-12-07', end: '2027-01-29' },
      { start: '2026-12-14', end: '2027-02-05' },
    ]);
    assert.deepEqual(upcomingStarts(day, '2027-01-01'), []);
  });

  it('property: within the weeks, on a meeting day, and no meeting day after it', () => {
    const meetings = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }).map((d) => d.map((n) => ({ day: n, start: '09:00', end: '10:00' })));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 104 }), meetings, (offset, weeks, list) => {
        const start = addDays('2025-01-01', offset);
        const end = programEndDate(start, weeks, list);
        const span = daysBetween(start, end);
        assert.ok(span >= 0 && span < weeks * 7);
        const days = new Set(list.map((m) => m.day));
        assert.ok(days.has(weekdayOf(end)));
        for (let d = addDays(end, 1); d <= addDays(start, weeks * 7 - 1); d = addDays(d, 1)) assert.ok(!days.has(weekdayOf(d)));
      }),
    );
  });
});

describe('booking details', () => {
  it('asks for what is missing, in field order, as message keys', () => {
    assert.deepEqual(validateDetails(emptyDetails), { name: 'nameMissing', preferred: 'preferredMissing', voicemailOk: 'voicemailMissing', consent: 'consentMissing' });
    assert.deepEqual(validateDetails({ ...emptyDetails, name: 'A', preferred: 'text', voicemailOk: false, consent: true }), { phone: 'phoneMissing' });
    assert.deepEqual(validateDetails({ ...emptyDetails, name: 'A', preferred: 'email', email: 'no-at', voicemailOk: true, consent: true }), { email: 'emailInvalid' });
    assert.deepEqual(validateDetails({ name: 'A', phone: '12', email: '', preferred: 'email', voicemailOk: true, consent: true }), { phone: 'phoneInvalid', email: 'emailMissing' });
    assert.deepEqual(validateDetails({ name: ' Sam ', phone: '+1 303 555 0142', email: '', preferred: 'phone', voicemailOk: false, consent: true }), {});
  });

  it('round-trips a contract Contact (the screener shared-contact draft)', () => {
    const contact = { name: 'Sam', phone: '+1 303 555 0142', preferred: 'text' as const, voicemailOk: false };
    assert.deepEqual(toContact(fromContact(contact)), contact);
    assert.equal(fromContact(contact).consent, false, 'consent is never carried over');
  });
});

describe('the appointment calendar file (RFC 5545)', () => {
  const booking = { id: 'bk_123', start: '2026-03-08T16:00:00Z', end: '2026-03-08T17:00:00Z', timeZone: 'America/Denver', manageUrl: 'https://center.example/manage/bk_123' };
  const text = { title: 'Appointment', description: 'We will call you at this time.\nTo change it, call +1 303-555-0142; thanks, and it is a long line', uidDomain: 'center.example' };
  const event = appointmentEvent(booking, { name: 'Juniper Ridge Recovery' }, text);
  const file = calendarFile([event], { now: new Date('2026-03-01T12:00:00Z') });
  const lines = file.split('\r\n');

  it('is discreet by default and follows the center title when set', () => {
    assert.equal(event.summary, 'Appointment');
    assert.equal(appointmentEvent(booking, { name: 'X', calendarTitle: 'Meeting - JR' }, { title: 'Appointment', description: '', uidDomain: 'x' }).summary, 'Meeting - JR');
    assert.doesNotMatch(file, /addiction|treatment|recovery|rehab|iop|juniper|widgets/i);
  });

  it('line by line: CRLF, 75-octet folding, escaping, UID, DTSTAMP, zoned times across the spring-forward day', () => {
    assert.ok(file.endsWith('\r\n'));
    assert.equal(lines.at(-1), '');
    for (const line of lines) assert.ok(new TextEncoder().encode(line).length <= 75, line);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('UID:booking-bk_123@center.example'));
    assert.ok(lines.includes('DTSTAMP:20260301T120000Z'));
    // 16:00Z on 8 March 2026 is 10:00 MDT: the first day of daylight time in Denver.
    assert.ok(lines.includes('DTSTART;TZID=America/Denver:20260308T100000'));
    assert.ok(lines.includes('DTEND;TZID=America/Denver:20260308T110000'));
    assert.ok(lines.includes('TZID:America/Denver'));
    assert.ok(lines.includes('SUMMARY:Appointment'));
    assert.ok(lines.includes('PRODID:-//Appointments//EN'));
    const description = lines.findIndex((line) => line.startsWith('DESCRIPTION:'));
    assert.ok(lines[description + 1]?.startsWith(' '), 'the long description is folded onto a continuation line');
    assert.match(lines.slice(description, description + 2).join(''), /\\n/);
  });

  it('parses back to the same values', () => {
    const parsed = parseCalendarFile(file);
    const get = (name: string) => parsed.find((p) => p.name === name);
    assert.equal(get('DESCRIPTION')?.value, text.description);
    assert.equal(get('URL')?.value, booking.manageUrl);
    assert.deepEqual(parsed.filter((p) => p.name === 'BEGIN').map((p) => p.value), ['VCALENDAR', 'VTIMEZONE', 'STANDARD', 'DAYLIGHT', 'STANDARD', 'DAYLIGHT', 'VEVENT']);
  });
});
