/**
 * The fictional demo center: Juniper Ridge Recovery, Denver (America/Denver). Programs follow the
 * shapes in DOMAIN.md (9-12 h a week, 8-12 weeks, day and evening tracks, a healthcare-professionals
 * track around shifts). Insurer names are real; the contract statuses are invented for the demo.
 * Phone numbers use the 555-01xx range reserved for fiction.
 */
import type { AlumniSession, Center, Track } from '../../src/api/schemas.js';
import type { AvailabilityWindow } from '../domain/assessment-slots.js';

export const DEMO_CENTER: Center = {
  name: 'Juniper Ridge Recovery',
  phone: '+1 303-555-0142',
  timeZone: 'America/Denver',
  calendarTitle: 'Appointment - Juniper Ridge',
  selfPay: {
    summary:
      'Self-pay is welcome. We quote the whole program up front, take 15% off when it is paid in advance, and offer interest-free monthly plans.',
    discountPercent: 15,
    paymentPlans: true,
    translations: {
      es: {
        summary:
          'Aceptamos pago por cuenta propia. Le damos el precio del programa completo desde el principio, descontamos un 15% si lo paga por adelantado y ofrecemos planes mensuales sin intereses.',
      },
    },
  },
};

export interface SeedProgram {
  id: string;
  kind: 'iop' | 'family' | 'alumni';
  name: string;
  description: string;
  tracks: SeedTrack[];
}

export type SeedTrack = Omit<Track, 'timeZone' | 'startDates' | 'seatsLeft'> & { startWeekday: number; seatCapacity: number | null };

const PRICE = { perDayCents: 32_500, currency: 'USD' };

export const DEMO_PROGRAMS: SeedProgram[] = [
  {
    id: 'adult-iop',
    kind: 'iop',
    name: 'Adult Intensive Outpatient Program',
    description:
      'Structured treatment for alcohol and drug use and co-occurring mental health conditions while you keep working and sleep at home: group, individual and family therapy, CBT and DBT skills, relapse prevention and medication management.',
    tracks: [
      {
        id: 'day-iop',
        name: 'Day IOP',
        audience: 'general',
        meetings: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 3, start: '09:00', end: '12:00' },
          { day: 5, start: '09:00', end: '12:00' },
        ],
        weeks: 8,
        hoursPerWeek: 9,
        format: 'in-person',
        languages: ['en', 'es'],
        price: PRICE,
        description: 'Monday, Wednesday and Friday mornings: group therapy, skills groups and a weekly individual session.',
        location: '1420 Larimer St, Suite 300, Denver, CO',
        translations: {
          es: {
            name: 'IOP de día',
            description: 'Lunes, miércoles y viernes por la mañana: terapia de grupo, grupos de habilidades y una sesión individual cada semana.',
          },
        },
        startWeekday: 1,
        seatCapacity: 12,
      },
      {
        id: 'evening-iop',
        name: 'Evening IOP',
        audience: 'general',
        meetings: [
          { day: 1, start: '18:00', end: '21:00' },
          { day: 2, start: '18:00', end: '21:00' },
          { day: 4, start: '18:00', end: '21:00' },
        ],
        weeks: 10,
        hoursPerWeek: 9,
        format: 'hybrid',
        languages: ['en'],
        price: PRICE,
        description: 'Three evenings a week after work, in person or online.',
        location: '1420 Larimer St, Suite 300, Denver, CO',
        startWeekday: 1,
        seatCapacity: 14,
      },
    ],
  },
  {
    id: 'hcp-iop',
    kind: 'iop',
    name: 'Healthcare Professionals IOP',
    description:
      'For nurses, physicians, pharmacists, anesthetists and other healthcare workers. Peer groups are only for healthcare professionals. We provide attendance records, progress reports and completion letters for licensing boards and Physician/Professional Health Programs, and handle FMLA paperwork.',
    tracks: [
      {
        id: 'hcp-evening-saturday',
        name: 'Healthcare Professionals: evenings and Saturday',
        audience: 'healthcare-professionals',
        meetings: [
          { day: 2, start: '18:00', end: '21:00' },
          { day: 4, start: '18:00', end: '21:00' },
          { day: 6, start: '09:00', end: '12:00' },
        ],
        weeks: 12,
        hoursPerWeek: 9,
        format: 'in-person',
        languages: ['en'],
        price: { perDayCents: 37_500, currency: 'USD' },
        description: 'Scheduled around shifts. A confidential peer group of healthcare workers only, with monitoring and return-to-practice planning.',
        location: '1420 Larimer St, Suite 300, Denver, CO',
        startWeekday: 2,
        seatCapacity: 8,
      },
    ],
  },
  {
    id: 'family-program',
    kind: 'family',
    name: 'Family Program',
    description: 'Education and support for the people who love someone in treatment: communication, boundaries, and how recovery works.',
    tracks: [
      {
        id: 'family-wednesday',
        name: 'Family Program: Wednesday evenings',
        audience: 'family',
        meetings: [{ day: 3, start: '18:30', end: '20:30' }],
        weeks: 6,
        hoursPerWeek: 2,
        format: 'hybrid',
        languages: ['en', 'es'],
        description: 'Free for families of people in our programs.',
        location: '1420 Larimer St, Suite 300, Denver, CO',
        startWeekday: 3,
        seatCapacity: null,
      },
    ],
  },
];

/** Weekdays 8:00-21:00 by phone and video, in person 9:00-17:00; Saturday mornings all three. */
export const DEMO_AVAILABILITY: AvailabilityWindow[] = [
  ...[1, 2, 3, 4, 5].flatMap((day): AvailabilityWindow[] => [
    { id: `d${day}-phone`, day, start: '08:00', end: '21:00', mode: 'phone', slotMinutes: 60, trackIds: [] },
    { id: `d${day}-video`, day, start: '08:00', end: '21:00', mode: 'video', slotMinutes: 60, trackIds: [] },
    { id: `d${day}-in-person`, day, start: '09:00', end: '17:00', mode: 'in-person', slotMinutes: 60, trackIds: [] },
  ]),
  { id: 'd6-phone', day: 6, start: '08:00', end: '12:00', mode: 'phone', slotMinutes: 60, trackIds: [] },
  { id: 'd6-video', day: 6, start: '08:00', end: '12:00', mode: 'video', slotMinutes: 60, trackIds: [] },
  { id: 'd6-in-person', day: 6, start: '09:00', end: '12:00', mode: 'in-person', slotMinutes: 60, trackIds: [] },
];

export interface SeedPayer {
  id: string;
  name: string;
  aliases: string[];
  memberIdRule: 'medicare-mbi' | 'bcbs' | 'generic';
  inNetwork: boolean | null;
}

export const DEMO_PAYERS: SeedPayer[] = [
  { id: 'aetna', name: 'Aetna', aliases: ['Aetna CVS Health'], memberIdRule: 'generic', inNetwork: true },
  { id: 'anthem-bcbs-co', name: 'Anthem Blue Cross and Blue Shield (Colorado)', aliases: ['Anthem', 'BCBS Colorado', 'Elevance Health'], memberIdRule: 'bcbs', inNetwork: true },
  { id: 'bcbs-fep', name: 'Blue Cross Blue Shield Federal Employee Program', aliases: ['FEP', 'FEP Blue'], memberIdRule: 'bcbs', inNetwork: true },
  { id: 'bcbs-texas', name: 'Blue Cross and Blue Shield of Texas', aliases: ['BCBSTX', 'HCSC'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'bcbs-illinois', name: 'Blue Cross and Blue Shield of Illinois', aliases: ['BCBSIL', 'HCSC'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'bcbs-michigan', name: 'Blue Cross Blue Shield of Michigan', aliases: ['BCBSM'], memberIdRule: 'bcbs', inNetwork: null },
  { id: 'blue-shield-ca', name: 'Blue Shield of California', aliases: ['Blue Shield CA'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'florida-blue', name: 'Florida Blue', aliases: ['BCBS Florida'], memberIdRule: 'bcbs', inNetwork: null },
  { id: 'highmark-bcbs', name: 'Highmark Blue Cross Blue Shield', aliases: ['Highmark'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'premera', name: 'Premera Blue Cross', aliases: ['Premera'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'regence', name: 'Regence BlueCross BlueShield', aliases: ['Regence'], memberIdRule: 'bcbs', inNetwork: false },
  { id: 'carefirst', name: 'CareFirst BlueCross BlueShield', aliases: ['CareFirst'], memberIdRule: 'bcbs', inNetwork: null },
  { id: 'cigna', name: 'Cigna Healthcare', aliases: ['Cigna', 'Evernorth Behavioral Health'], memberIdRule: 'generic', inNetwork: true },
  { id: 'unitedhealthcare', name: 'UnitedHealthcare', aliases: ['UHC', 'United Healthcare'], memberIdRule: 'generic', inNetwork: true },
  { id: 'optum-bh', name: 'Optum Behavioral Health', aliases: ['Optum', 'United Behavioral Health'], memberIdRule: 'generic', inNetwork: true },
  { id: 'umr', name: 'UMR', aliases: ['UnitedHealthcare UMR'], memberIdRule: 'generic', inNetwork: true },
  { id: 'humana', name: 'Humana', aliases: ['Humana Military'], memberIdRule: 'generic', inNetwork: false },
  { id: 'kaiser-co', name: 'Kaiser Permanente Colorado', aliases: ['Kaiser', 'KP'], memberIdRule: 'generic', inNetwork: false },
  { id: 'medicare', name: 'Medicare (Original Medicare)', aliases: ['CMS', 'Medicare Part B'], memberIdRule: 'medicare-mbi', inNetwork: true },
  { id: 'health-first-colorado', name: 'Health First Colorado (Colorado Medicaid)', aliases: ['Medicaid', 'Colorado Medicaid'], memberIdRule: 'generic', inNetwork: true },
  { id: 'tricare-west', name: 'TRICARE West', aliases: ['TRICARE', 'TriWest'], memberIdRule: 'generic', inNetwork: null },
  { id: 'carelon', name: 'Carelon Behavioral Health', aliases: ['Beacon Health Options', 'Carelon'], memberIdRule: 'generic', inNetwork: true },
  { id: 'magellan', name: 'Magellan Healthcare', aliases: ['Magellan'], memberIdRule: 'generic', inNetwork: false },
  { id: 'rmhp', name: 'Rocky Mountain Health Plans', aliases: ['RMHP'], memberIdRule: 'generic', inNetwork: true },
  { id: 'denver-health-plan', name: 'Denver Health Medical Plan', aliases: ['DHMP'], memberIdRule: 'generic', inNetwork: true },
  { id: 'ambetter', name: 'Ambetter from Centene', aliases: ['Ambetter', 'Centene'], memberIdRule: 'generic', inNetwork: false },
  { id: 'oscar', name: 'Oscar Health', aliases: ['Oscar'], memberIdRule: 'generic', inNetwork: false },
  { id: 'molina', name: 'Molina Healthcare', aliases: ['Molina'], memberIdRule: 'generic', inNetwork: null },
  { id: 'geha', name: 'GEHA', aliases: ['Government Employees Health Association'], memberIdRule: 'generic', inNetwork: true },
  { id: 'meritain', name: 'Meritain Health', aliases: ['Meritain'], memberIdRule: 'generic', inNetwork: null },
  { id: 'wellcare', name: 'Wellcare', aliases: ['WellCare Health Plans'], memberIdRule: 'generic', inNetwork: false },
];

export type SeedSession = Omit<AlumniSession, 'timeZone' | 'counts' | 'exceptions'> & {
  joinUrl: string | null;
  /** Holiday dates on which it does not meet, computed at seed time from the recurrence. */
  skipHolidays: boolean;
};

const ROOM = '1420 Larimer St, Suite 300, Denver, CO (Community Room)';

/** `seedDate` anchors recurrences and the one-off open house, so the demo never looks stale. */
export function demoSessions(seedDate: string, openHouseDate: string): SeedSession[] {
  return [
    {
      id: 'alumni-tuesday',
      title: 'Alumni Group',
      description: 'Our open-door alumni group: any graduate, any week, free. Bring what is on your mind.',
      topics: ['relapse prevention', 'cravings', 'healthy support networks', 'goals'],
      audience: 'alumni',
      format: 'in-person',
      translations: { es: { title: 'Grupo de exalumnos (en inglés)', topics: ['prevención de recaídas', 'antojos', 'redes de apoyo sanas', 'metas'] } },
      language: 'en',
      facilitator: { firstName: 'Maya', role: 'Licensed addiction counselor' },
      location: ROOM,
      durationMinutes: 90,
      recurrence: { kind: 'weekly', interval: 1, day: 2, start: '18:30', startDate: seedDate },
      capacity: 30,
      joinUrl: null,
      skipHolidays: true,
    },
    {
      id: 'family-class-thursday',
      title: 'Family Class',
      description: 'For family members and partners: boundaries, communication and looking after yourself.',
      topics: ['boundaries', 'communication', 'conflict'],
      audience: 'family',
      format: 'hybrid',
      language: 'en',
      facilitator: { firstName: 'Daniel', role: 'Family therapist (LMFT)' },
      location: ROOM,
      durationMinutes: 90,
      recurrence: { kind: 'weekly', interval: 1, day: 4, start: '18:00', startDate: seedDate },
      capacity: 20,
      joinUrl: 'https://meet.example.org/juniper-family-class',
      skipHolidays: true,
    },
    {
      id: 'hcp-peer-monday',
      title: 'Healthcare Professionals Peer Group',
      description: 'Healthcare workers only: licensure, return to practice, shift work and stress. Proof of attendance available.',
      topics: ['careers and employment', 'stress and anxiety', 'relapse prevention'],
      audience: 'healthcare-professionals',
      format: 'online',
      language: 'en',
      facilitator: { firstName: 'Priya', role: 'Psychiatric nurse practitioner' },
      durationMinutes: 60,
      recurrence: { kind: 'weekly', interval: 1, day: 1, start: '19:30', startDate: seedDate },
      capacity: 12,
      joinUrl: 'https://meet.example.org/juniper-hcp-peer',
      skipHolidays: false,
    },
    {
      id: 'relapse-prevention-workshop',
      title: 'Relapse Prevention Workshop',
      description: 'Monthly, second Saturday: triggers, warning signs, and what to do after a slip.',
      topics: ['relapse prevention', 'triggers', 'what to do after a relapse'],
      audience: 'everyone',
      format: 'in-person',
      language: 'en',
      facilitator: { firstName: 'Maya', role: 'Licensed addiction counselor' },
      location: ROOM,
      durationMinutes: 120,
      recurrence: { kind: 'monthly-nth', nth: 2, day: 6, start: '10:00', startDate: seedDate },
      capacity: 40,
      joinUrl: null,
      skipHolidays: true,
    },
    {
      id: 'grupo-espanol',
      title: 'Grupo de exalumnos en español',
      description: 'Grupo de apoyo para exalumnos y familias, cada dos semanas, en línea.',
      topics: ['apoyo', 'prevención de recaídas', 'familia'],
      audience: 'alumni',
      format: 'online',
      language: 'es',
      facilitator: { firstName: 'Lucía', role: 'Consejera bilingüe' },
      durationMinutes: 75,
      recurrence: { kind: 'weekly', interval: 2, day: 3, start: '18:00', startDate: seedDate },
      capacity: 15,
      joinUrl: 'https://meet.example.org/juniper-grupo-espanol',
      skipHolidays: true,
    },
    {
      id: 'mindful-saturday',
      title: 'Saturday Mindfulness Circle',
      description: 'A small, quiet group: breathing, grounding and stress skills. Few seats, so there is often a waitlist.',
      topics: ['stress and anxiety', 'spare time'],
      audience: 'everyone',
      format: 'hybrid',
      language: 'en',
      facilitator: { firstName: 'Sam', role: 'Peer recovery coach' },
      location: ROOM,
      durationMinutes: 60,
      recurrence: { kind: 'weekly', interval: 1, day: 6, start: '08:30', startDate: seedDate },
      capacity: 4,
      joinUrl: 'https://meet.example.org/juniper-mindfulness',
      skipHolidays: false,
    },
    {
      id: 'alumni-open-house',
      title: 'Alumni Open House',
      description: 'Meet staff and other graduates, share a meal, and hear recovery stories.',
      topics: ['healthy support networks', 'community resources'],
      audience: 'everyone',
      format: 'in-person',
      language: 'en',
      facilitator: { firstName: 'Jordan', role: 'Alumni coordinator' },
      location: ROOM,
      durationMinutes: 150,
      recurrence: { kind: 'once', date: openHouseDate, start: '17:00' },
      capacity: null,
      joinUrl: null,
      skipHolidays: false,
    },
  ];
}

/** US holidays a center closes on, for a year (Thanksgiving is the 4th Thursday of November). */
export function closedHolidays(year: number): string[] {
  const novemberFirstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const thanksgiving = 1 + ((4 - novemberFirstWeekday + 7) % 7) + 21;
  return [`${year}-01-01`, `${year}-07-04`, `${year}-11-${String(thanksgiving).padStart(2, '0')}`, `${year}-12-24`, `${year}-12-25`, `${year}-12-31`];
}
