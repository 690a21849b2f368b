import type { Catalog } from '../../i18n/locale.js';

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

export const alumniBrowserMessages: Catalog<AlumniBrowserMessage> = {
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
  es: {
    heading: 'Sesiones para exalumnos y familias',
    intro: 'Sesiones gratuitas para exalumnos, familias y compañeros. Venga a las que quiera.',
    notConfigured: 'Este calendario aún no está configurado. Por favor, llame al centro.',
    loadError: 'No pudimos cargar las sesiones en este momento.',
    search: 'Buscar sesiones',
    searchHint: 'Por ejemplo: familia, antojos, Maya',
    filters: 'Filtrar sesiones',
    clearFilters: 'Quitar todos los filtros',
    day: 'Día',
    timeOfDay: 'Hora del día',
    audience: 'Para quién es',
    format: 'Cómo participar',
    topic: 'Tema',
    language: 'Idioma',
    withCount: '{label} ({count})',
    morning: 'Mañana',
    midday: 'Mediodía',
    evening: 'Tarde',
    night: 'Noche',
    alumni: 'Exalumnos',
    family: 'Familia',
    'healthcare-professionals': 'Profesionales de la salud',
    everyone: 'Todos',
    general: 'Adultos',
    'young-adults': 'Adultos jóvenes',
    'in-person': 'En persona',
    online: 'En línea',
    hybrid: 'Híbrida (en persona o en línea)',
    en: 'Inglés',
    es: 'Español',
    views: 'Mostrar sesiones como',
    listView: 'Lista',
    weekView: 'Semana',
    mySessions: 'Mis sesiones ({count})',
    found: '{count, plural, one {Se encontró # sesión} other {Se encontraron # sesiones}}',
    noneFound: 'Ninguna sesión coincide con estos filtros.',
    noneFoundHint: 'Pruebe con menos filtros u otras palabras.',
    showMore: 'Mostrar más sesiones',
    shownOf: 'Mostrando {shown} de {total}',
    happeningNow: 'En curso ahora',
    seatsLeft: '{count, plural, one {Queda # lugar} other {Quedan # lugares}}',
    full: 'Lleno: puede unirse a la lista de espera',
    previousWeek: 'Semana anterior',
    nextWeek: 'Semana siguiente',
    weekOf: 'Semana del {date}',
    nothingThisDay: 'No hay sesiones',
    moreThisDay: 'Mostrar {count} más el {day}',
    back: 'Volver a todas las sesiones',
    when: 'Cuándo',
    facilitator: 'Dirigida por',
    where: 'Dónde',
    onlineAfterRsvp: 'En línea: verá el enlace después de confirmar su asistencia',
    nextDates: 'Próximas fechas',
    addToCalendar: 'Agregar a su calendario',
    thisDate: 'Solo esta fecha',
    wholeSeries: 'Todas las sesiones de la serie',
    rsvp: 'Confirmar asistencia para esta fecha',
    rsvpHeading: 'Confirmar asistencia',
    rsvpIntro: 'Solo necesitamos un nombre o sus iniciales, y una forma de avisarle si la sesión cambia.',
    name: 'Nombre o iniciales',
    nameHint: 'No hace falta el apellido.',
    email: 'Correo electrónico',
    phone: 'Número de teléfono',
    contactHint: 'Escriba un correo electrónico o un teléfono, para avisarle si algo cambia.',
    familyMembers: 'Familiares que vienen con usted',
    familyHint: 'Escriba 0 si viene solo o sola.',
    sendRsvp: 'Enviar confirmación',
    sending: 'Enviando…',
    errorName: 'Escriba su nombre o sus iniciales',
    errorContact: 'Escriba un correo electrónico o un número de teléfono',
    errorEmail: 'Escriba un correo electrónico con el formato correcto, como nombre@ejemplo.com',
    errorPhone: 'Escriba un número de teléfono, como 303 555 0142',
    errorFamily: 'Escriba un número del 0 al 10',
    refused: 'No pudimos registrar esta confirmación. Revise sus respuestas o llámenos.',
    confirmedTitle: 'Tiene su lugar reservado',
    waitlistedTitle: 'Está en la lista de espera',
    waitlistedBody: 'Tiene el número {position} en la lista de espera. Le avisaremos si se libera un lugar.',
    queuedTitle: 'Su confirmación está guardada en este dispositivo',
    queuedBody: 'Parece que no tiene conexión. La enviaremos en cuanto vuelva a tenerla; no tiene que hacer nada.',
    joinLink: 'Unirse en línea',
    keepsOnDevice: 'Sus confirmaciones se guardan en este dispositivo, cifradas, durante unos días.',
    notKept: 'Este dispositivo no guardará sus confirmaciones cuando salga de la página.',
    noRsvps: 'No tiene confirmaciones en este dispositivo.',
    statusConfirmed: 'Reservado',
    statusWaitlisted: 'En lista de espera',
    statusQueued: 'Pendiente de envío',
    cancel: 'Cancelar esta confirmación',
    cancelled: 'Su confirmación está cancelada.',
    cancelFailed: 'No pudimos cancelar ahora. Inténtelo de nuevo cuando tenga conexión, o llámenos.',
    someSession: 'Sesión',
    calendarTitle: 'Cita',
    timeInZone: '{time} (hora de {zone})',
  },
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
