import type { LazyCatalog } from '../../i18n/locale.js';

export type MyAttendanceMessage =
  | 'heading'
  | 'intro'
  | 'checkInHeading'
  | 'codeLabel'
  | 'codeHint'
  | 'checkIn'
  | 'checkedIn'
  | 'present'
  | 'notRecorded'
  | 'arrivedAt'
  | 'leftAt'
  | 'loading'
  | 'none'
  | 'letterHeading'
  | 'letterIntro'
  | 'from'
  | 'to'
  | 'name'
  | 'nameHint'
  | 'titles'
  | 'discreet'
  | 'real'
  | 'requestLetter'
  | 'requesting'
  | 'letterReady'
  | 'download'
  | 'verificationCode'
  | 'error'
  | 'outsideWindow'
  | 'wrongCode'
  | 'alreadyDone'
  | 'noRsvp'
  | 'codeFormat'
  | 'nameMissing'
  | 'noAttendanceInRange'
  | 'badPeriod'
  | 'offline'
  | 'serverError';

/** English inline; Spanish (my-attendance.messages.es.ts) fetched the first time a widget speaks it. */
export const myAttendanceMessages: LazyCatalog<MyAttendanceMessage> = {
  en: {
    heading: 'My attendance',
    intro: 'Your attendance is shown only here, from the RSVPs kept on this device.',
    checkInHeading: 'Check in',
    codeLabel: 'Check-in code for {session}',
    codeHint: 'The 6 digits the facilitator shows. They change every minute.',
    checkIn: 'Check in',
    checkedIn: 'You are checked in. Thank you for coming.',
    present: 'Attended',
    notRecorded: 'No attendance recorded',
    arrivedAt: 'arrived {time}',
    leftAt: 'left {time}',
    loading: 'Loading your attendance…',
    none: 'No sessions on this device yet.',
    letterHeading: 'Attendance letter',
    letterIntro: 'A PDF letter for your monitor or licensing board, with a code they can use to check it is genuine.',
    from: 'From',
    to: 'To',
    name: 'Your name as it should appear on the letter',
    nameHint: 'For example, the name your monitoring program knows you by.',
    titles: 'How should sessions be named on the letter?',
    discreet: 'Discreetly ("Support session")',
    real: 'With their real titles',
    requestLetter: 'Make my letter',
    requesting: 'Making your letter…',
    letterReady: 'Your letter is ready.',
    download: 'Download the letter (PDF)',
    verificationCode: 'Verification code: {code}',
    error: 'Error:',
    outsideWindow: 'Check-in is open from 15 minutes before the session starts until it ends. Please try again then, or ask the facilitator.',
    wrongCode: 'That code did not match. Codes change every minute: please type the one on the screen now.',
    alreadyDone: 'You are already checked in to this session.',
    noRsvp: 'We cannot find your RSVP for this session. Please ask the facilitator to check you in.',
    codeFormat: 'Enter the 6 digits the facilitator shows.',
    nameMissing: 'Enter your name as it should appear on the letter.',
    noAttendanceInRange: 'No attendance is recorded between these dates. Check the dates, or ask the facilitator.',
    badPeriod: 'The end date must be on or after the start date, within about a year.',
    offline: 'You seem to be offline. Please try again when you are connected.',
    serverError: 'Something went wrong on our side. Please try again.',
  },
  load: { es: () => import('./my-attendance.messages.es.js').then((module): Record<MyAttendanceMessage, string> => module.es) },
};
