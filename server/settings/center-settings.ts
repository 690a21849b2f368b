/**
 * A center's own setup, section by section: read from the catalogue tables the public GETs use
 * (so what an admin saves is what widgets read), validated beyond the schemas (ids, times, what
 * bookings and RSVPs still name), written in one transaction with a version check, and recorded in
 * the settings history. Import and export are the same sections as one document.
 * JSON goes in as `$n::text::jsonb`: the two drivers serialise a bare JS value for jsonb differently.
 */
import type { PublicScreenerSettings } from '../../src/api/schemas.js';
import {
  AvailabilitySettings,
  CENTER_SETUP_FORMAT,
  EmbeddingSettings,
  PayersSettings,
  ProfileSettings,
  ProgramsSettings,
  ScreenerSettings,
  SessionsSettings,
  SettingsSection,
  type CenterSetup,
  type SettingsAuthor,
  type SettingsHistoryEntry,
  type SettingsOverview,
  type SetupChange,
} from '../../src/api/settings-schemas.js';
import { defaultInstrumentSet } from '../../src/domain/instruments.js';
import { defaultResultThresholds } from '../../src/domain/screening-result.js';
import { isValidTimeZone, minutesOfDay } from '../../src/domain/zoned-time.js';
import type { Database, Queryable } from '../db/database.js';
import { ProblemError, SOME_FIELDS_NEED_ATTENTION, type ProblemText } from '../http/problem.js';
import { centerNotConfigured } from '../services/center-catalog.js';

export type Section = SettingsSection;
export const SECTIONS = SettingsSection.options;

/** The value schema of each section. */
export const SECTION_SCHEMAS = {
  profile: ProfileSettings,
  programs: ProgramsSettings,
  availability: AvailabilitySettings,
  payers: PayersSettings,
  sessions: SessionsSettings,
  screener: ScreenerSettings,
  embedding: EmbeddingSettings,
} as const;

export interface SectionValues {
  profile: ProfileSettings;
  programs: ProgramsSettings;
  availability: AvailabilitySettings;
  payers: PayersSettings;
  sessions: SessionsSettings;
  screener: ScreenerSettings;
  embedding: EmbeddingSettings;
}

export interface SettingsContext {
  /** Minimum notice when the center has not set one (the server's booking rules). */
  readonly defaultNoticeMinutes: number;
}

export type FieldProblem = { pointer: string; detail: ProblemText };

/** Saves take turns, so a version check and its write are one step. */
const SETTINGS_LOCK = 7_461_012;

/** Until an admin saves the screener: every instrument the widget asks by default, the documented thresholds. */
export const DEFAULT_SCREENER: PublicScreenerSettings = {
  instruments: [...defaultInstrumentSet],
  thresholds: defaultResultThresholds as PublicScreenerSettings['thresholds'],
  crisisLines: [],
  quickExitUrl: 'https://www.google.com/',
};

const json = (value: unknown) => JSON.stringify(value ?? null);
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---- reading --------------------------------------------------------------------------------------

interface CenterSettingsRow {
  name: string;
  phone: string;
  time_zone: string;
  calendar_title: string | null;
  self_pay: ProfileSettings['selfPay'] | null;
  minimum_notice_minutes: number | null;
  booking_horizon_days: number | null;
  allowed_origins: string[];
  webhook_url: string | null;
  screener: ScreenerSettings | null;
}

async function centerRow(db: Queryable): Promise<CenterSettingsRow | undefined> {
  const [row] = await db.query<CenterSettingsRow & Record<string, unknown>>(
    `SELECT name, phone, time_zone, calendar_title, self_pay, minimum_notice_minutes, booking_horizon_days, allowed_origins, webhook_url, screener
       FROM center WHERE id = 1`,
  );
  return row;
}

export async function isConfigured(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM center WHERE id = 1')).length > 0;
}

/** The section's current value, parsed through its schema. Throws 503 center-not-configured before first-run. */
export async function readSection<S extends Section>(db: Queryable, section: S, context: SettingsContext): Promise<SectionValues[S]> {
  const center = await centerRow(db);
  if (!center) throw centerNotConfigured();
  const raw = await readRaw(db, section, center, context);
  return SECTION_SCHEMAS[section].parse(raw) as SectionValues[S];
}

async function readRaw(db: Queryable, section: Section, center: CenterSettingsRow, context: SettingsContext): Promise<unknown> {
  switch (section) {
    case 'profile':
      return {
        name: center.name,
        phone: center.phone,
        timeZone: center.time_zone,
        ...(center.calendar_title ? { calendarTitle: center.calendar_title } : {}),
        ...(center.self_pay ? { selfPay: center.self_pay } : {}),
      };
    case 'programs': {
      const programs = await db.query<{ id: string; kind: string; name: string; description: string | null; translations: unknown }>(
        'SELECT id, kind, name, description, translations FROM programs ORDER BY sort_order, id',
      );
      const tracks = await db.query<{ id: string; program_id: string; details: Record<string, unknown>; start_weekday: number; seat_capacity: number | null }>(
        'SELECT id, program_id, details, start_weekday, seat_capacity FROM tracks ORDER BY sort_order, id',
      );
      return {
        programs: programs.map((program) => ({
          id: program.id,
          name: program.name,
          kind: program.kind,
          ...(program.description ? { description: program.description } : {}),
          ...(program.translations ? { translations: program.translations } : {}),
          tracks: tracks
            .filter((track) => track.program_id === program.id)
            .map((track) => ({ ...track.details, id: track.id, startWeekday: track.start_weekday, seatCapacity: track.seat_capacity })),
        })),
      };
    }
    case 'availability': {
      const windows = await db.query<{ id: string; weekday: number; start_time: string; end_time: string; mode: string; slot_minutes: number; track_ids: string[] }>(
        'SELECT id, weekday, start_time, end_time, mode, slot_minutes, track_ids FROM assessment_windows ORDER BY weekday, start_time, id',
      );
      const overrides = await db.query<{ date: string; closed: boolean; extra_hours: unknown[]; note: string | null }>(
        'SELECT date, closed, extra_hours, note FROM assessment_overrides ORDER BY date',
      );
      return {
        windows: windows.map((w) => ({ id: w.id, day: w.weekday, start: w.start_time, end: w.end_time, mode: w.mode, slotMinutes: w.slot_minutes, trackIds: w.track_ids })),
        overrides: overrides.map((o) => ({ date: o.date, closed: o.closed, extraHours: o.extra_hours, ...(o.note ? { note: o.note } : {}) })),
        minimumNoticeHours: (center.minimum_notice_minutes ?? context.defaultNoticeMinutes) / 60,
        bookingHorizonDays: center.booking_horizon_days,
      };
    }
    case 'payers': {
      const payers = await db.query<{ id: string; name: string; aliases: string[]; member_id_rule: string; in_network: boolean | null }>(
        'SELECT id, name, aliases, member_id_rule, in_network FROM payers',
      );
      return { payers: payers.sort(byName).map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, memberIdRule: p.member_id_rule, inNetwork: p.in_network })) };
    }
    case 'sessions': {
      const sessions = await db.query<{ id: string; details: Record<string, unknown>; capacity: number | null; join_url: string | null }>(
        'SELECT id, details, capacity, join_url FROM alumni_sessions ORDER BY sort_order, id',
      );
      return { sessions: sessions.map((s) => ({ ...s.details, id: s.id, capacity: s.capacity, ...(s.join_url ? { joinUrl: s.join_url } : {}) })) };
    }
    case 'screener':
      return center.screener ?? DEFAULT_SCREENER;
    case 'embedding':
      return { allowedOrigins: center.allowed_origins, webhookUrl: center.webhook_url };
  }
}

export async function readSetup(db: Queryable, context: SettingsContext, now: Date): Promise<CenterSetup> {
  const values = {} as Record<Section, unknown>;
  for (const section of SECTIONS) values[section] = await readSection(db, section, context);
  return { format: CENTER_SETUP_FORMAT, version: 1, exportedAt: now.toISOString(), ...(values as SectionValues) };
}

/** Where a webhook delivery goes now: the saved endpoint, else `fallback` (IOP_WEBHOOK_URL); null: nowhere. */
export function webhookEndpoint(db: Queryable, fallback: string | undefined): () => Promise<string | null> {
  return async () => (await db.query<{ webhook_url: string | null }>('SELECT webhook_url FROM center WHERE id = 1'))[0]?.webhook_url ?? fallback ?? null;
}

/** The public screener settings: the saved section or the defaults. */
export async function publicScreenerSettings(db: Queryable): Promise<PublicScreenerSettings> {
  const center = await centerRow(db);
  if (!center) throw centerNotConfigured();
  return center.screener ?? DEFAULT_SCREENER;
}

// ---- versions and history -------------------------------------------------------------------------

interface VersionRow {
  section: string;
  version: number;
  changed_at: Date;
  changed_by_id: string | null;
  changed_by_label: string | null;
}

const authorOf = (row: { changed_by_id: string | null; changed_by_label: string | null }): SettingsAuthor => ({ id: row.changed_by_id, label: row.changed_by_label });

export interface SectionMeta {
  version: number;
  changedAt: string | null;
  changedBy: SettingsAuthor | null;
}

export async function sectionMeta(db: Queryable, section: Section): Promise<SectionMeta> {
  const [row] = await db.query<VersionRow & Record<string, unknown>>('SELECT section, version, changed_at, changed_by_id, changed_by_label FROM settings_versions WHERE section = $1', [section]);
  return row ? { version: row.version, changedAt: row.changed_at.toISOString(), changedBy: authorOf(row) } : { version: 0, changedAt: null, changedBy: null };
}

export async function settingsOverview(db: Queryable): Promise<SettingsOverview> {
  const rows = await db.query<VersionRow & Record<string, unknown>>('SELECT section, version, changed_at, changed_by_id, changed_by_label FROM settings_versions');
  const sections = Object.fromEntries(
    SECTIONS.map((section) => {
      const row = rows.find((r) => r.section === section);
      return [section, row ? { version: row.version, changedAt: row.changed_at.toISOString(), changedBy: authorOf(row) } : { version: 0, changedAt: null, changedBy: null }];
    }),
  ) as SettingsOverview['sections'];
  return { configured: await isConfigured(db), revision: rows.reduce((sum, row) => sum + row.version, 0), sections };
}

export async function settingsHistory(db: Queryable, section: Section | undefined, limit: number): Promise<SettingsHistoryEntry[]> {
  const rows = await db.query<{ section: Section; version: number; how: SettingsHistoryEntry['how']; changed_at: Date; changed_by_id: string | null; changed_by_label: string | null; value: unknown }>(
    `SELECT section, version, how, changed_at, changed_by_id, changed_by_label, value FROM settings_history
      WHERE ($1::text IS NULL OR section = $1) ORDER BY seq DESC LIMIT $2`,
    [section ?? null, limit],
  );
  return rows.map((row) => ({ section: row.section, version: row.version, changedAt: row.changed_at.toISOString(), changedBy: authorOf(row), how: row.how, value: row.value }));
}

async function bumpVersion(tx: Queryable, section: Section, value: unknown, author: SettingsAuthor, how: SettingsHistoryEntry['how'], now: Date): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO settings_versions (section, version, changed_at, changed_by_id, changed_by_label) VALUES ($1, 1, $2, $3, $4)
     ON CONFLICT (section) DO UPDATE SET version = settings_versions.version + 1, changed_at = $2, changed_by_id = $3, changed_by_label = $4
     RETURNING version`,
    [section, now, author.id, author.label],
  );
  const version = row!.version;
  await tx.query(
    'INSERT INTO settings_history (section, version, how, changed_at, changed_by_id, changed_by_label, value) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)',
    [section, version, how, now, author.id, author.label, json(value)],
  );
  return version;
}

// ---- validation beyond the schemas ------------------------------------------------------------------

/** What `duplicates` names, in both languages (the console shows the words of its own language). */
const THINGS = {
  program: { en: 'This program id', es: 'Este identificador de programa' },
  track: { en: 'This track id', es: 'Este identificador de horario' },
  window: { en: 'This window id', es: 'Este identificador de horas semanales' },
  date: { en: 'This date', es: 'Esta fecha' },
  id: { en: 'This id', es: 'Este identificador' },
  payer: { en: 'This payer id', es: 'Este identificador de aseguradora' },
  session: { en: 'This session id', es: 'Este identificador de sesión' },
  instrument: { en: 'This instrument', es: 'Este cuestionario' },
} as const;

const END_AFTER_START: ProblemText = { en: 'The end time must be after the start time.', es: 'La hora de fin debe ser posterior a la de inicio.' };
const UNKNOWN_TIME_ZONE: ProblemText = {
  en: 'This is not a time zone we know: use a name such as America/Denver.',
  es: 'No reconocemos esta zona horaria: use un nombre como America/Denver.',
};

const duplicates = <T>(items: readonly T[], key: (item: T) => string, pointer: (index: number) => string, what: { en: string; es: string }): FieldProblem[] => {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ pointer: pointer(index), detail: { en: `${what.en} is used twice: give each one its own.`, es: `${what.es} está repetido: dé a cada uno el suyo.` } });
    seen.add(k);
  });
  return problems;
};

const endsAfterStart = (start: string, end: string) => minutesOfDay(end) > minutesOfDay(start);

/**
 * Rules the schemas cannot say, as field problems relative to the section's value. `trackIds` are
 * the tracks availability may name (the saved ones, or an import's own); `db` answers what
 * bookings and RSVPs still reference.
 */
export async function sectionProblems<S extends Section>(db: Queryable, section: S, value: SectionValues[S], trackIds: ReadonlySet<string>): Promise<FieldProblem[]> {
  switch (section) {
    case 'profile': {
      const profile = value as ProfileSettings;
      return isValidTimeZone(profile.timeZone) ? [] : [{ pointer: '/timeZone', detail: UNKNOWN_TIME_ZONE }];
    }
    case 'programs': {
      const { programs } = value as ProgramsSettings;
      const problems = duplicates(programs, (p) => p.id, (i) => `/programs/${i}/id`, THINGS.program);
      const tracks = programs.flatMap((program, p) => program.tracks.map((track, t) => ({ track, pointer: `/programs/${p}/tracks/${t}` })));
      problems.push(...duplicates(tracks, (t) => t.track.id, (i) => `${tracks[i]!.pointer}/id`, THINGS.track));
      for (const { track, pointer } of tracks) {
        track.meetings.forEach((meeting, m) => {
          if (!endsAfterStart(meeting.start, meeting.end)) problems.push({ pointer: `${pointer}/meetings/${m}/end`, detail: END_AFTER_START });
        });
      }
      const kept = new Set(tracks.map((t) => t.track.id));
      const booked = await db.query<{ track_id: string }>('SELECT DISTINCT track_id FROM bookings WHERE track_id IS NOT NULL');
      for (const { track_id: id } of booked) {
        if (!kept.has(id)) problems.push({ pointer: '/programs', detail: { en: `The track "${id}" has bookings, so it cannot be removed. Keep it (you can set its seats to 0).`, es: `El horario "${id}" tiene citas reservadas, así que no se puede quitar. Consérvelo (puede poner sus plazas en 0).` } });
      }
      return problems;
    }
    case 'availability': {
      const availability = value as AvailabilitySettings;
      const problems = duplicates(availability.windows, (w) => w.id, (i) => `/windows/${i}/id`, THINGS.window);
      const weeklyIds = new Set(availability.windows.map((w) => w.id));
      const checkHours = (hours: { start: string; end: string; slotMinutes: number; trackIds: readonly string[] }, pointer: string) => {
        if (!endsAfterStart(hours.start, hours.end)) problems.push({ pointer: `${pointer}/end`, detail: END_AFTER_START });
        else if (minutesOfDay(hours.end) - minutesOfDay(hours.start) < hours.slotMinutes)
          problems.push({ pointer: `${pointer}/slotMinutes`, detail: { en: 'No appointment of this length fits between the start and end times.', es: 'No cabe ninguna cita de esta duración entre la hora de inicio y la de fin.' } });
        hours.trackIds.forEach((id, t) => {
          if (!trackIds.has(id)) problems.push({ pointer: `${pointer}/trackIds/${t}`, detail: { en: `There is no track "${id}": add it under programs first, or leave the tracks empty for any track.`, es: `No existe el horario "${id}": agréguelo primero en los programas, o deje los horarios vacíos para aceptar cualquiera.` } });
        });
      };
      availability.windows.forEach((w, i) => checkHours(w, `/windows/${i}`));
      problems.push(...duplicates(availability.overrides, (o) => o.date, (i) => `/overrides/${i}/date`, THINGS.date));
      availability.overrides.forEach((override, o) => {
        problems.push(...duplicates(override.extraHours, (e) => e.id, (i) => `/overrides/${o}/extraHours/${i}/id`, THINGS.id));
        override.extraHours.forEach((extra, e) => {
          const pointer = `/overrides/${o}/extraHours/${e}`;
          if (weeklyIds.has(extra.id)) problems.push({ pointer: `${pointer}/id`, detail: { en: 'A weekly window already has this id: give the extra hours their own.', es: 'Unas horas semanales ya usan este identificador: dé uno propio a las horas adicionales.' } });
          checkHours(extra, pointer);
        });
        if (!override.closed && override.extraHours.length === 0)
          problems.push({ pointer: `/overrides/${o}`, detail: { en: 'Mark the date closed, or add extra hours to it.', es: 'Marque la fecha como cerrada o agréguele horas adicionales.' } });
      });
      return problems;
    }
    case 'payers': {
      const { payers } = value as PayersSettings;
      return duplicates(payers, (p) => p.id, (i) => `/payers/${i}/id`, THINGS.payer);
    }
    case 'sessions': {
      const { sessions } = value as SessionsSettings;
      const problems = duplicates(sessions, (s) => s.id, (i) => `/sessions/${i}/id`, THINGS.session);
      sessions.forEach((session, i) => {
        const r = session.recurrence;
        if (r.kind !== 'once' && r.until !== undefined && r.until < r.startDate)
          problems.push({ pointer: `/sessions/${i}/recurrence/until`, detail: { en: 'The last date must not be before the first date.', es: 'La última fecha no puede ser anterior a la primera.' } });
      });
      const kept = new Set(sessions.map((s) => s.id));
      const named = await db.query<{ session_id: string }>('SELECT DISTINCT session_id FROM rsvps UNION SELECT DISTINCT session_id FROM attendance_occurrences');
      for (const { session_id: id } of named) {
        if (!kept.has(id)) problems.push({ pointer: '/sessions', detail: { en: `The session "${id}" has RSVPs, so it cannot be removed. Keep it and end it with a last date.`, es: `La sesión "${id}" tiene confirmaciones de asistencia, así que no se puede quitar. Consérvela y póngale una última fecha.` } });
      }
      return problems;
    }
    case 'screener': {
      const screener = value as ScreenerSettings;
      return duplicates(screener.instruments, (i) => i, (i) => `/instruments/${i}`, THINGS.instrument);
    }
    case 'embedding':
      return [];
  }
  return [];
}

/**
 * A track removed while the saved assessment hours still name it would leave hours nobody can book
 * for it, and the next availability save refused: say so where the track is removed. (An import
 * checks its own availability against its own programs instead.)
 */
async function tracksStillInAvailability(db: Queryable, { programs }: ProgramsSettings): Promise<FieldProblem[]> {
  const kept = new Set(programs.flatMap((p) => p.tracks.map((t) => t.id)));
  const named = new Set<string>();
  for (const row of await db.query<{ track_ids: string[] }>('SELECT track_ids FROM assessment_windows')) row.track_ids.forEach((id) => named.add(id));
  for (const row of await db.query<{ extra_hours: { trackIds: string[] }[] }>('SELECT extra_hours FROM assessment_overrides'))
    row.extra_hours.forEach((extra) => extra.trackIds.forEach((id) => named.add(id)));
  return [...named]
    .filter((id) => !kept.has(id))
    .sort()
    .map((id) => ({
      pointer: '/programs',
      detail: {
        en: `The assessment hours still name the track "${id}": take it out of the availability settings first, then remove the track.`,
        es: `Las horas de evaluación todavía nombran el horario "${id}": quítelo primero de la disponibilidad y después quite el horario.`,
      },
    }));
}

async function savedTrackIds(db: Queryable): Promise<Set<string>> {
  return new Set((await db.query<{ id: string }>('SELECT id FROM tracks')).map((row) => row.id));
}

const validationProblem = (problems: FieldProblem[]) =>
  new ProblemError({ status: 422, code: 'validation', detail: SOME_FIELDS_NEED_ATTENTION, errors: problems.slice(0, 100) });

// ---- writing --------------------------------------------------------------------------------------

async function writeSection<S extends Section>(tx: Queryable, section: S, value: SectionValues[S], now: Date): Promise<void> {
  switch (section) {
    case 'profile': {
      const p = value as ProfileSettings;
      await tx.query(
        `INSERT INTO center (id, name, phone, time_zone, calendar_title, self_pay, seeded_at) VALUES (1, $1, $2, $3, $4, $5::text::jsonb, $6)
         ON CONFLICT (id) DO UPDATE SET name = $1, phone = $2, time_zone = $3, calendar_title = $4, self_pay = $5::text::jsonb`,
        [p.name, p.phone, p.timeZone, p.calendarTitle ?? null, json(p.selfPay), now],
      );
      return;
    }
    case 'programs': {
      const { programs } = value as ProgramsSettings;
      let programOrder = 0;
      let trackOrder = 0;
      for (const { tracks, id, kind, name, description, translations } of programs) {
        await tx.query(
          `INSERT INTO programs (id, kind, name, description, sort_order, translations) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)
           ON CONFLICT (id) DO UPDATE SET kind = $2, name = $3, description = $4, sort_order = $5, translations = $6::text::jsonb`,
          [id, kind, name, description ?? null, programOrder++, json(translations)],
        );
        for (const { id: trackId, startWeekday, seatCapacity, ...details } of tracks) {
          await tx.query(
            `INSERT INTO tracks (id, program_id, sort_order, details, start_weekday, seat_capacity) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)
             ON CONFLICT (id) DO UPDATE SET program_id = $2, sort_order = $3, details = $4::text::jsonb, start_weekday = $5, seat_capacity = $6`,
            [trackId, id, trackOrder++, json(details), startWeekday, seatCapacity],
          );
        }
      }
      const trackIds = programs.flatMap((p) => p.tracks.map((t) => t.id));
      await tx.query('DELETE FROM tracks WHERE NOT (id = ANY($1::text[]))', [trackIds]);
      await tx.query('DELETE FROM programs WHERE NOT (id = ANY($1::text[]))', [programs.map((p) => p.id)]);
      return;
    }
    case 'availability': {
      const a = value as AvailabilitySettings;
      await tx.query('DELETE FROM assessment_windows');
      for (const w of a.windows) {
        await tx.query(
          'INSERT INTO assessment_windows (id, weekday, start_time, end_time, mode, slot_minutes, track_ids) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)',
          [w.id, w.day, w.start, w.end, w.mode, w.slotMinutes, json(w.trackIds)],
        );
      }
      await tx.query('DELETE FROM assessment_overrides');
      for (const o of a.overrides) {
        await tx.query('INSERT INTO assessment_overrides (date, closed, extra_hours, note) VALUES ($1, $2, $3::text::jsonb, $4)', [o.date, o.closed, json(o.extraHours), o.note ?? null]);
      }
      await tx.query('UPDATE center SET minimum_notice_minutes = $1, booking_horizon_days = $2 WHERE id = 1', [Math.round(a.minimumNoticeHours * 60), a.bookingHorizonDays]);
      return;
    }
    case 'payers': {
      const { payers } = value as PayersSettings;
      await tx.query('DELETE FROM payers');
      for (const p of payers) {
        await tx.query('INSERT INTO payers (id, name, aliases, member_id_rule, in_network) VALUES ($1, $2, $3::text::jsonb, $4, $5)', [p.id, p.name, json(p.aliases), p.memberIdRule, p.inNetwork]);
      }
      return;
    }
    case 'sessions': {
      const { sessions } = value as SessionsSettings;
      let order = 0;
      for (const { id, capacity, joinUrl, ...details } of sessions) {
        await tx.query(
          `INSERT INTO alumni_sessions (id, sort_order, details, capacity, join_url) VALUES ($1, $2, $3::text::jsonb, $4, $5)
           ON CONFLICT (id) DO UPDATE SET sort_order = $2, details = $3::text::jsonb, capacity = $4, join_url = $5`,
          [id, order++, json(details), capacity, joinUrl ?? null],
        );
      }
      await tx.query('DELETE FROM alumni_sessions WHERE NOT (id = ANY($1::text[]))', [sessions.map((s) => s.id)]);
      return;
    }
    case 'screener':
      await tx.query('UPDATE center SET screener = $1::text::jsonb WHERE id = 1', [json(value)]);
      return;
    case 'embedding': {
      const e = value as EmbeddingSettings;
      await tx.query('UPDATE center SET allowed_origins = $1::text::jsonb, webhook_url = $2 WHERE id = 1', [json([...new Set(e.allowedOrigins)]), e.webhookUrl]);
      return;
    }
  }
}

/** Section names as the Spanish console calls them. */
const SECTION_NAMES_ES: Record<Section, string> = {
  profile: 'del perfil',
  programs: 'de programas',
  availability: 'de disponibilidad',
  payers: 'de aseguradoras',
  sessions: 'de sesiones',
  screener: 'de la evaluación',
  embedding: 'de inserción en sitios web',
};

function versionConflict(current: SectionMeta, section: Section): ProblemError {
  const who = current.changedBy?.label ? { en: ` by ${current.changedBy.label}`, es: ` por ${current.changedBy.label}` } : { en: '', es: '' };
  const when = current.changedAt ? { en: ` at ${current.changedAt}`, es: ` el ${current.changedAt}` } : { en: '', es: '' };
  return new ProblemError({
    status: 409,
    code: 'settings-version-conflict',
    detail: {
      en: `Someone saved the ${section} settings (version ${current.version}${who.en}${when.en}) after you opened them. Reload to see their changes, then make yours again.`,
      es: `Alguien guardó la configuración ${SECTION_NAMES_ES[section]} (versión ${current.version}${who.es}${when.es}) después de que usted la abrió. Vuelva a cargarla para ver sus cambios y haga los suyos de nuevo.`,
    },
    extensions: { currentVersion: current.version, changedAt: current.changedAt, changedBy: current.changedBy },
  });
}

/** Saves one section if `expectedVersion` is still current: 409 otherwise, 422 with pointers under `/value` when invalid. */
export async function saveSection<S extends Section>(
  db: Database,
  section: S,
  expectedVersion: number,
  value: SectionValues[S],
  author: SettingsAuthor,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETTINGS_LOCK]);
    if (!(await isConfigured(tx)) && section !== 'profile') throw centerNotConfigured();
    const current = await sectionMeta(tx, section);
    if (current.version !== expectedVersion) throw versionConflict(current, section);
    const problems = await sectionProblems(tx, section, value, await savedTrackIds(tx));
    if (section === 'programs') problems.push(...(await tracksStillInAvailability(tx, value as ProgramsSettings)));
    if (problems.length) throw validationProblem(problems.map((p) => ({ ...p, pointer: `/value${p.pointer}` })));
    await writeSection(tx, section, value, now);
    return bumpVersion(tx, section, value, author, 'save', now);
  });
}

/** First-run setup: only while no center exists (409 center-already-configured otherwise). */
export async function firstRun(
  db: Database,
  request: { name: string; phone: string; timeZone: string; calendarTitle?: string | undefined; allowedOrigins: string[] },
  author: SettingsAuthor,
  now: Date,
): Promise<void> {
  const profile: ProfileSettings = { name: request.name, phone: request.phone, timeZone: request.timeZone, ...(request.calendarTitle ? { calendarTitle: request.calendarTitle } : {}) };
  if (!isValidTimeZone(profile.timeZone)) throw validationProblem([{ pointer: '/timeZone', detail: UNKNOWN_TIME_ZONE }]);
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETTINGS_LOCK]);
    if (await isConfigured(tx)) {
      throw new ProblemError({ status: 409, code: 'center-already-configured', detail: 'This center is already set up: change its settings instead.' });
    }
    await writeSection(tx, 'profile', profile, now);
    await bumpVersion(tx, 'profile', profile, author, 'first-run', now);
    const embedding: EmbeddingSettings = { allowedOrigins: [...new Set(request.allowedOrigins)], webhookUrl: null };
    await writeSection(tx, 'embedding', embedding, now);
    await bumpVersion(tx, 'embedding', embedding, author, 'first-run', now);
  });
}

// ---- import ---------------------------------------------------------------------------------------

/** Ids of a list whose items are all objects with a distinct string `id` (programs, tracks, payers, sessions). */
function idsOf(list: readonly unknown[]): string[] | null {
  const ids = list.map((item) => (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null));
  return ids.every((id): id is string => id !== null) && new Set(ids).size === ids.length ? ids : null;
}

/**
 * Every difference between two JSON values as JSON Pointer paths. Lists of things with ids are
 * matched by id, so adding a program at the top shows one program added, not every program changed;
 * a changed item is named by its place in the new list, a removed one by its place in the old, and
 * a reordering alone is one change of the list's order. Other lists are compared by position.
 */
export function diffJson(before: unknown, after: unknown, path = ''): SetupChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: SetupChange[] = [];
    const beforeIds = idsOf(before);
    const afterIds = idsOf(after);
    if (beforeIds && afterIds && (before.length > 0 || after.length > 0)) {
      const beforeIndex = new Map(beforeIds.map((id, i) => [id, i]));
      const afterIndex = new Map(afterIds.map((id, i) => [id, i]));
      beforeIds.forEach((id, i) => {
        if (!afterIndex.has(id)) changes.push({ path: `${path}/${i}`, before: before[i] });
      });
      afterIds.forEach((id, i) => {
        const old = beforeIndex.get(id);
        if (old === undefined) changes.push({ path: `${path}/${i}`, after: after[i] });
        else changes.push(...diffJson(before[old], after[i], `${path}/${i}`));
      });
      const keptBefore = beforeIds.filter((id) => afterIndex.has(id));
      const keptAfter = afterIds.filter((id) => beforeIndex.has(id));
      if (keptBefore.join('\n') !== keptAfter.join('\n')) changes.push({ path: path || '/', before: keptBefore, after: keptAfter });
      return changes;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= after.length) changes.push({ path: `${path}/${i}`, before: before[i] });
      else if (i >= before.length) changes.push({ path: `${path}/${i}`, after: after[i] });
      else changes.push(...diffJson(before[i], after[i], `${path}/${i}`));
    }
    return changes;
  }
  if (isObject(before) && isObject(after)) {
    const changes: SetupChange[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const segment = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!(key in after)) changes.push({ path: segment, before: before[key] });
      else if (!(key in before)) changes.push({ path: segment, after: after[key] });
      else changes.push(...diffJson(before[key], after[key], segment));
    }
    return changes;
  }
  return [{ path: path || '/', ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/** Problems of a whole setup document, pointers under `/setup`. */
async function setupProblems(db: Queryable, setup: CenterSetup): Promise<FieldProblem[]> {
  const trackIds = new Set(setup.programs.programs.flatMap((p) => p.tracks.map((t) => t.id)));
  const problems: FieldProblem[] = [];
  for (const section of SECTIONS) {
    for (const problem of await sectionProblems(db, section, setup[section] as never, trackIds)) problems.push({ ...problem, pointer: `/setup/${section}${problem.pointer}` });
  }
  return problems;
}

async function currentSections(db: Queryable, context: SettingsContext): Promise<Partial<SectionValues>> {
  if (!(await isConfigured(db))) return {};
  const values: Partial<Record<Section, unknown>> = {};
  for (const section of SECTIONS) values[section] = await readSection(db, section, context);
  return values as Partial<SectionValues>;
}

const sectionsOf = (setup: CenterSetup): SectionValues => Object.fromEntries(SECTIONS.map((section) => [section, setup[section]])) as unknown as SectionValues;

export interface ImportPreviewResult {
  revision: number;
  changes: SetupChange[];
}

export async function previewImport(db: Queryable, setup: CenterSetup, context: SettingsContext): Promise<ImportPreviewResult> {
  const problems = await setupProblems(db, setup);
  if (problems.length) throw validationProblem(problems);
  return { revision: (await settingsOverview(db)).revision, changes: diffJson(await currentSections(db, context), sectionsOf(setup)) };
}

/** Applies a whole setup in one transaction; changes nothing when invalid (422) or when `revision` moved (409). */
export async function applyImport(db: Database, revision: number, setup: CenterSetup, context: SettingsContext, author: SettingsAuthor, now: Date): Promise<ImportPreviewResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETTINGS_LOCK]);
    const overview = await settingsOverview(tx);
    if (overview.revision !== revision) {
      throw new ProblemError({
        status: 409,
        code: 'settings-version-conflict',
        detail: {
          en: `The settings changed since this import was previewed (revision ${overview.revision}, not ${revision}). Preview the file again, then import.`,
          es: `La configuración cambió desde la vista previa de esta importación (revisión ${overview.revision}, no ${revision}). Vuelva a ver el archivo y después impórtelo.`,
        },
        extensions: { currentRevision: overview.revision },
      });
    }
    const problems = await setupProblems(tx, setup);
    if (problems.length) throw validationProblem(problems);
    const before = await currentSections(tx, context);
    const after = sectionsOf(setup);
    const changes = diffJson(before, after);
    // Profile first: it creates the center row the other sections hang on.
    for (const section of SECTIONS) {
      if (diffJson(before[section], after[section]).length === 0) continue;
      await writeSection(tx, section, after[section] as never, now);
      await bumpVersion(tx, section, after[section], author, 'import', now);
    }
    return { revision: (await settingsOverview(tx)).revision, changes };
  });
}

/** A demo seed or any command-line change: recorded in the history without a staff author. */
export const SYSTEM_AUTHOR: SettingsAuthor = { id: null, label: null };

