import type { Catalog } from '../../i18n/locale.js';

export type AttendanceDeskMessage =
  | 'heading'
  | 'date'
  | 'session'
  | 'chooseSession'
  | 'noSessions'
  | 'show'
  | 'codeHeading'
  | 'codeHint'
  | 'qrLabel'
  | 'window'
  | 'rosterHeading'
  | 'name'
  | 'status'
  | 'arrived'
  | 'left'
  | 'present'
  | 'notRecorded'
  | 'byCode'
  | 'byFacilitator'
  | 'markArrived'
  | 'markLeft'
  | 'undo'
  | 'noRsvps'
  | 'lettersHeading'
  | 'issued'
  | 'period'
  | 'sessions'
  | 'titles'
  | 'verifications'
  | 'discreet'
  | 'real'
  | 'noLetters'
  | 'loading'
  | 'sign-in'
  | 'forbidden'
  | 'not-found'
  | 'offline'
  | 'server';

export const attendanceDeskMessages: Catalog<AttendanceDeskMessage> = {
  en: {
    heading: 'Attendance',
    date: 'Date',
    session: 'Session',
    chooseSession: 'Choose a session',
    noSessions: 'No alumni or peer sessions meet on this date.',
    show: 'Open this session',
    codeHeading: 'Check-in code',
    codeHint: 'Participants type this code under "My attendance". It changes every minute; the one before still works for a minute.',
    qrLabel: 'QR code of the check-in code',
    window: 'Check-in is open {opens} to {closes}.',
    rosterHeading: 'RSVPs',
    name: 'Name',
    status: 'Attendance',
    arrived: 'Arrived',
    left: 'Left',
    present: 'Present',
    notRecorded: 'Not recorded',
    byCode: 'by code',
    byFacilitator: 'by facilitator',
    markArrived: 'Mark {name} arrived',
    markLeft: 'Mark {name} left',
    undo: 'Take back the mark for {name}',
    noRsvps: 'No RSVPs for this session yet.',
    lettersHeading: 'Attendance letters issued',
    issued: 'Issued',
    period: 'Period',
    sessions: 'Sessions',
    titles: 'Titles',
    verifications: 'Verifications',
    discreet: 'Discreet',
    real: 'Real',
    noLetters: 'No letters issued yet.',
    loading: 'Loading…',
    'sign-in': 'Please sign in to the console.',
    forbidden: 'Your role does not include attendance.',
    'not-found': 'This session does not meet on this date.',
    offline: 'The server cannot be reached. Please check the connection.',
    server: 'Something went wrong. Please try again.',
  },
  es: {
    heading: 'Asistencia',
    date: 'Fecha',
    session: 'Sesión',
    chooseSession: 'Elija una sesión',
    noSessions: 'No hay sesiones de exalumnos o de pares en esta fecha.',
    show: 'Abrir esta sesión',
    codeHeading: 'Código de registro',
    codeHint: 'Los participantes escriben este código en «Mi asistencia». Cambia cada minuto; el anterior sigue valiendo un minuto.',
    qrLabel: 'Código QR del código de registro',
    window: 'El registro está abierto de {opens} a {closes}.',
    rosterHeading: 'Confirmaciones',
    name: 'Nombre',
    status: 'Asistencia',
    arrived: 'Llegada',
    left: 'Salida',
    present: 'Presente',
    notRecorded: 'Sin registrar',
    byCode: 'con código',
    byFacilitator: 'por la persona facilitadora',
    markArrived: 'Registrar la llegada de {name}',
    markLeft: 'Registrar la salida de {name}',
    undo: 'Deshacer el registro de {name}',
    noRsvps: 'Todavía no hay confirmaciones para esta sesión.',
    lettersHeading: 'Cartas de asistencia emitidas',
    issued: 'Emitida',
    period: 'Periodo',
    sessions: 'Sesiones',
    titles: 'Títulos',
    verifications: 'Verificaciones',
    discreet: 'Discretos',
    real: 'Reales',
    noLetters: 'Todavía no se emitieron cartas.',
    loading: 'Cargando…',
    'sign-in': 'Inicie sesión en la consola.',
    forbidden: 'Su rol no incluye la asistencia.',
    'not-found': 'Esta sesión no se reúne en esta fecha.',
    offline: 'No se puede contactar con el servidor. Revise la conexión.',
    server: 'Algo salió mal. Inténtelo de nuevo.',
  },
};
