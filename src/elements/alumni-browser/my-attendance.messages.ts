import type { Catalog } from '../../i18n/locale.js';

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

export const myAttendanceMessages: Catalog<MyAttendanceMessage> = {
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
  es: {
    heading: 'Mi asistencia',
    intro: 'Su asistencia se muestra solo aquí, a partir de las confirmaciones guardadas en este dispositivo.',
    checkInHeading: 'Registrar llegada',
    codeLabel: 'Código de registro para {session}',
    codeHint: 'Los 6 dígitos que muestra la persona facilitadora. Cambian cada minuto.',
    checkIn: 'Registrar mi llegada',
    checkedIn: 'Su llegada quedó registrada. Gracias por venir.',
    present: 'Asistió',
    notRecorded: 'Sin asistencia registrada',
    arrivedAt: 'llegó a las {time}',
    leftAt: 'salió a las {time}',
    loading: 'Cargando su asistencia…',
    none: 'Todavía no hay sesiones en este dispositivo.',
    letterHeading: 'Carta de asistencia',
    letterIntro: 'Una carta en PDF para su programa de monitoreo o junta de licencias, con un código para comprobar que es auténtica.',
    from: 'Desde',
    to: 'Hasta',
    name: 'Su nombre tal como debe aparecer en la carta',
    nameHint: 'Por ejemplo, el nombre con el que le conoce su programa de monitoreo.',
    titles: '¿Cómo deben nombrarse las sesiones en la carta?',
    discreet: 'De forma discreta («Sesión de apoyo»)',
    real: 'Con su título real',
    requestLetter: 'Preparar mi carta',
    requesting: 'Preparando su carta…',
    letterReady: 'Su carta está lista.',
    download: 'Descargar la carta (PDF)',
    verificationCode: 'Código de verificación: {code}',
    error: 'Error:',
    outsideWindow: 'El registro está abierto desde 15 minutos antes del inicio de la sesión hasta que termina. Inténtelo entonces o pida ayuda a la persona facilitadora.',
    wrongCode: 'Ese código no coincide. Los códigos cambian cada minuto: escriba el que aparece ahora en la pantalla.',
    alreadyDone: 'Ya registró su llegada a esta sesión.',
    noRsvp: 'No encontramos su confirmación para esta sesión. Pida a la persona facilitadora que registre su llegada.',
    codeFormat: 'Escriba los 6 dígitos que muestra la persona facilitadora.',
    nameMissing: 'Escriba su nombre tal como debe aparecer en la carta.',
    noAttendanceInRange: 'No hay asistencia registrada entre esas fechas. Revise las fechas o consulte a la persona facilitadora.',
    badPeriod: 'La fecha final debe ser igual o posterior a la inicial, dentro de un año aproximadamente.',
    offline: 'Parece que no tiene conexión. Inténtelo de nuevo cuando la tenga.',
    serverError: 'Algo salió mal de nuestro lado. Inténtelo de nuevo.',
  },
};
