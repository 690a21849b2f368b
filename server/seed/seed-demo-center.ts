/**
 * Loads the demo center on first start. Idempotent: if the center row exists nothing is touched,
 * so a center's own edits survive restarts. Runs in one transaction under an advisory lock.
 * JSON goes in as `$n::text::jsonb`: the two drivers serialise a bare JS value for jsonb differently.
 */
import { CENTER_SETUP_FORMAT, type CenterSetup, type EmbeddingSettings } from '../../src/api/settings-schemas.js';
import type { Database } from '../db/database.js';
import { DEFAULT_RULES } from '../app.js';
import { DEFAULT_SCREENER } from '../settings/center-settings.js';
import { ruleDatesBetween } from '../../src/domain/session-recurrence.js';
import { addDays, instantToWallClock } from '../../src/domain/zoned-time.js';
import { closedHolidays, DEMO_AVAILABILITY, DEMO_CENTER, DEMO_PAYERS, DEMO_PROGRAMS, demoSessions } from './demo-center.js';

const SEED_LOCK = 7_461_002;

export async function seedDemoCenter(db: Database, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if ((await tx.query('SELECT 1 FROM center WHERE id = 1')).length > 0) return false;
    const c = DEMO_CENTER;
    await tx.query(
      'INSERT INTO center (id, name, phone, time_zone, calendar_title, self_pay, seeded_at) VALUES (1, $1, $2, $3, $4, $5::text::jsonb, $6)',
      [c.name, c.phone, c.timeZone, c.calendarTitle ?? null, JSON.stringify(c.selfPay ?? null), now],
    );

    let programOrder = 0;
    let trackOrder = 0;
    for (const program of DEMO_PROGRAMS) {
      await tx.query('INSERT INTO programs (id, kind, name, description, sort_order) VALUES ($1, $2, $3, $4, $5)', [
        program.id,
        program.kind,
        program.name,
        program.description,
        programOrder++,
      ]);
      for (const { id, startWeekday, seatCapacity, ...details } of program.tracks) {
        await tx.query('INSERT INTO tracks (id, program_id, sort_order, details, start_weekday, seat_capacity) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)', [
          id,
          program.id,
          trackOrder++,
          JSON.stringify(details),
          startWeekday,
          seatCapacity,
        ]);
      }
    }

    for (const w of DEMO_AVAILABILITY) {
      await tx.query(
        'INSERT INTO assessment_windows (id, weekday, start_time, end_time, mode, slot_minutes, track_ids) VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)',
        [w.id, w.day, w.start, w.end, w.mode, w.slotMinutes, JSON.stringify(w.trackIds)],
      );
    }

    for (const p of DEMO_PAYERS) {
      await tx.query('INSERT INTO payers (id, name, aliases, member_id_rule, in_network) VALUES ($1, $2, $3::text::jsonb, $4, $5)', [
        p.id,
        p.name,
        JSON.stringify(p.aliases),
        p.memberIdRule,
        p.inNetwork,
      ]);
    }

    let sessionOrder = 0;
    for (const { id, capacity, joinUrl, exceptions, ...details } of demoSessionsAt(now)) {
      await tx.query('INSERT INTO alumni_sessions (id, sort_order, details, capacity, join_url) VALUES ($1, $2, $3::text::jsonb, $4, $5)', [
        id,
        sessionOrder++,
        JSON.stringify({ ...details, exceptions }),
        capacity,
        joinUrl,
      ]);
    }
    return true;
  });
}

/** The demo sessions as of `now`, with the holidays they skip as exceptions. */
function demoSessionsAt(now: Date) {
  // Anchored a few weeks back so recurrences are already running when the demo starts.
  const today = instantToWallClock(now, DEMO_CENTER.timeZone).date;
  const seedDate = addDays(today, -28);
  const year = Number(today.slice(0, 4));
  const holidays = [...closedHolidays(year), ...closedHolidays(year + 1)];
  return demoSessions(seedDate, addDays(today, 24)).map(({ skipHolidays, ...session }) => ({
    ...session,
    // Only dates the session would meet on are exceptions; anything else would be noise.
    exceptions: skipHolidays ? holidays.filter((date) => ruleDatesBetween(session.recurrence, date, date).length > 0) : [],
  }));
}

/**
 * The demo center as a setup document, for `npm run seed-demo -- --replace` on a configured
 * (staging) database: applied like an import. `embedding` is the database's own, kept as it is.
 */
export function demoSetup(now: Date, embedding: EmbeddingSettings): CenterSetup {
  return {
    format: CENTER_SETUP_FORMAT,
    version: 1,
    profile: DEMO_CENTER,
    programs: {
      programs: DEMO_PROGRAMS.map((program) => ({ ...program, tracks: program.tracks.map((track) => ({ ...track })) })),
    },
    availability: { windows: DEMO_AVAILABILITY.map((w) => ({ ...w, trackIds: [...w.trackIds] })), overrides: [], minimumNoticeHours: DEFAULT_RULES.minimumNoticeMinutes / 60, bookingHorizonDays: null },
    payers: { payers: DEMO_PAYERS.map((p) => ({ ...p })) },
    sessions: {
      sessions: demoSessionsAt(now).map(({ joinUrl, ...session }) => ({ ...session, ...(joinUrl ? { joinUrl } : {}) })),
    },
    screener: DEFAULT_SCREENER,
    embedding,
  };
}
