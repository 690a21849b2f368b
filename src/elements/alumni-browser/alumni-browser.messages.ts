import type { LazyCatalog } from '../../i18n/locale.js';

export type AlumniBrowserMessage =
  | 'heading'
  | 'intro'
  | 'notConfigured'
  | 'loadError'
  | 'search'
  | 'searchHint'
  | 'filters'
  | 'clearFilters'
  | 'day'
  | 'timeOfDay'
  | 'audience'
  | 'format'
  | 'topic'
  | 'language'
  | 'withCount'
  | 'morning'
  | 'midday'
  | 'evening'
  | 'night'
  | 'alumni'
  | 'family'
  | 'healthcare-professionals'
  | 'everyone'
  | 'general'
  | 'young-adults'
  | 'in-person'
  | 'online'
  | 'hybrid'
  | 'en'
  | 'es'
  | 'views'
  | 'listView'
  | 'weekView'
  | 'mySessions'
  | 'found'
  | 'noneFound'
  | 'noneFoundHint'
  | 'stillLoading'
  | 'noneFoundYet'
  | 'shownSoFar'
  | 'laterStillLoading'
  | 'dayStillLoading'
  | 'showMore'
  | 'shownOf'
  | 'happeningNow'
  | 'seatsLeft'
  | 'full'
  | 'previousWeek'
  | 'nextWeek'
  | 'weekOf'
  | 'nothingThisDay'
  | 'moreThisDay'
  | 'back'
  | 'when'
  | 'facilitator'
  | 'where'
  | 'onlineAfterRsvp'
  | 'nextDates'
  | 'addToCalendar'
  | 'thisDate'
  | 'wholeSeries'
  | 'rsvp'
  | 'rsvpHeading'
  | 'rsvpIntro'
  | 'name'
  | 'nameHint'
  | 'email'
  | 'phone'
  | 'contactHint'
  | 'familyMembers'
  | 'familyHint'
  | 'sendRsvp'
  | 'sending'
  | 'errorName'
  | 'errorContact'
  | 'errorEmail'
  | 'errorPhone'
  | 'errorFamily'
  | 'refused'
  | 'confirmedTitle'
  | 'waitlistedTitle'
  | 'waitlistedBody'
  | 'queuedTitle'
  | 'queuedBody'
  | 'joinLink'
  | 'keepsOnDevice'
  | 'notKept'
  | 'noRsvps'
  | 'statusConfirmed'
  | 'statusWaitlisted'
  | 'statusQueued'
  | 'cancel'
  | 'cancelled'
  | 'cancelFailed'
  | 'someSession'
  | 'calendarTitle'
  | 'timeInZone';

/** English inline; Spanish (alumni-browser.messages.es.ts) fetched the first time a widget speaks it. */
export const alumniBrowserMessages: LazyCatalog<AlumniBrowserMessage> = {
  en: {
    heading: 'Alumni and family sessions',
    intro: 'Free sessions for graduates, families and peers. Come to any you like.',
    notConfigured: 'This calendar is not set up yet. Please call the center.',
    loadError: 'We could not load the sessions just now.',
    search: 'Search sessions',
    searchHint: 'For example: family, cravings, Maya',
    filters: 'Filter sessions',
    clearFilters: 'Clear all filters',
    day: 'Day',
    timeOfDay: 'Time of day',
    audience: 'Who it is for',
    format: 'How to join',
    topic: 'Topic',
    language: 'Language',
    withCount: '{label} ({count})',
    morning: 'Morning',
    midday: 'Midday',
    evening: 'Evening',
    night: 'Night',
    alumni: 'Alumni',
    family: 'Family',
    'healthcare-professionals': 'Healthcare professionals',
    everyone: 'Everyone',
    general: 'Adults',
    'young-adults': 'Young adults',
    'in-person': 'In person',
    online: 'Online',
    hybrid: 'Hybrid (in person or online)',
    en: 'English',
    es: 'Spanish',
    views: 'Show sessions as',
    listView: 'List',
    weekView: 'Week',
    mySessions: 'My sessions ({count})',
    found: '{count, plural, one {# session found} other {# sessions found}}',
    noneFound: 'No sessions match these filters.',
    noneFoundHint: 'Try fewer filters or different words.',
    stillLoading: 'Still loading sessions: the list fills in as they arrive.',
    noneFoundYet: 'No sessions match so far. Later sessions are still loading.',
    shownSoFar: 'Showing {shown} so far',
    laterStillLoading: 'Later sessions are still loading.',
    dayStillLoading: 'Still loading this day.',
    showMore: 'Show more sessions',
    shownOf: 'Showing {shown} of {total}',
    happeningNow: 'Happening now',
    seatsLeft: '{count, plural, one {# place left} other {# places left}}',
    full: 'Full: you can join the waitlist',
    previousWeek: 'Previous week',
    nextWeek: 'Next week',
    weekOf: 'Week of {date}',
    nothingThisDay: 'No sessions',
    moreThisDay: 'Show {count} more on {day}',
    back: 'Back to all sessions',
    when: 'When',
    facilitator: 'Led by',
    where: 'Where',
    onlineAfterRsvp: 'Online: you will see the link after you RSVP',
    nextDates: 'Next dates',
    addToCalendar: 'Add to your calendar',
    thisDate: 'This date only',
    wholeSeries: 'Every session in the series',
    rsvp: 'RSVP for this date',
    rsvpHeading: 'RSVP',
    rsvpIntro: 'We only need a first name or initials, and a way to reach you if the session changes.',
    name: 'First name or initials',
    nameHint: 'No last name needed.',
    email: 'Email address',
    phone: 'Phone number',
    contactHint: 'Give an email address or a phone number, so we can tell you if anything changes.',
    familyMembers: 'Family members coming with you',
    familyHint: 'Enter 0 if you are coming on your own.',
    sendRsvp: 'Send RSVP',
    sending: 'Sending…',
    errorName: 'Enter your first name or initials',
    errorContact: 'Enter an email address or a phone number',
    errorEmail: 'Enter an email address in the right format, like name@example.com',
    errorPhone: 'Enter a phone number, like 303 555 0142',
    errorFamily: 'Enter a number from 0 to 10',
    refused: 'We could not take this RSVP. Please check your answers, or call us.',
    confirmedTitle: 'You are booked in',
    waitlistedTitle: 'You are on the waitlist',
    waitlistedBody: 'You are number {position} on the waitlist. We will let you know if a place opens up.',
    queuedTitle: 'Your RSVP is saved on this device',
    queuedBody: 'You seem to be offline. We will send it as soon as you are back online; you do not need to do anything.',
    joinLink: 'Join online',
    keepsOnDevice: 'Your RSVPs are kept on this device, encrypted, for a few days.',
    notKept: 'This device will not keep your RSVPs after you leave the page.',
    noRsvps: 'You have no RSVPs on this device.',
    statusConfirmed: 'Booked',
    statusWaitlisted: 'On the waitlist',
    statusQueued: 'Waiting to be sent',
    cancel: 'Cancel this RSVP',
    cancelled: 'Your RSVP is cancelled.',
    cancelFailed: 'We could not cancel just now. Please try again when you are online, or call us.',
    someSession: 'Session',
    calendarTitle: 'Appointment',
    timeInZone: '{time} ({zone} time)',
  },
  load: { es: () => import('./alumni-browser.messages.es.js').then((module): Record<AlumniBrowserMessage, string> => module.es) },
};

/**
 * The usual alumni topics (DOMAIN.md) in both languages: a center writes topics once, in its own
 * words, and a Spanish page should not show English filter labels for the common ones. Topics not
 * listed are shown as the center wrote them.
 */
export const knownTopics: Readonly<Record<string, { en: string; es: string }>> = Object.fromEntries(
  (
    [
      ['communication', 'comunicación'],
      ['cravings', 'antojos'],
      ['triggers', 'detonantes'],
      ['relapse prevention', 'prevención de recaídas'],
      ['what to do after a relapse', 'qué hacer después de una recaída'],
      ['stress and anxiety', 'estrés y ansiedad'],
      ['conflict', 'conflictos'],
      ['boundaries', 'límites'],
      ['self-esteem', 'autoestima'],
      ['healthy support networks', 'redes de apoyo sanas'],
      ['spare time', 'tiempo libre'],
      ['goals', 'metas'],
      ['depression', 'depresión'],
      ['community resources', 'recursos de la comunidad'],
      ['careers and employment', 'carrera y empleo'],
      ['family', 'familia'],
      ['support', 'apoyo'],
    ] as const
  ).flatMap(([en, es]) => [
    [en, { en, es }],
    [es, { en, es }],
  ]),
);
