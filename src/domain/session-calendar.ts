/**
 * "Add to calendar" for alumni sessions: one occurrence, or the whole series with its RRULE and an
 * EXDATE per exception, in the center's zone. The title is whatever discreet text the caller passes
 * ("Appointment"), never the session's name: a calendar is seen by colleagues and family.
 */
import type { CalendarEvent } from './calendar-file.js';
import { firstRuleDate, occurrenceOn, ruleMatches, seriesRrule, type Occurrence, type RecurringSession } from './session-recurrence.js';

export interface CalendarSession extends RecurringSession {
  /** In-person address, if any. */
  readonly location?: string;
}

export interface SessionCalendarOptions {
  /** Discreet by default ("Appointment"); the center's own calendar title when it set one. */
  readonly title: string;
  /** Makes UIDs globally unique, e.g. the center's host name. */
  readonly uidDomain: string;
}

function baseEvent(session: CalendarSession, occurrence: Occurrence, uid: string, options: SessionCalendarOptions): CalendarEvent {
  return {
    uid,
    start: occurrence.start,
    end: occurrence.end,
    timeZone: session.timeZone,
    summary: options.title,
    ...(session.location ? { location: session.location } : {}),
  };
}

export function occurrenceCalendarEvent(session: CalendarSession, occurrence: Occurrence, options: SessionCalendarOptions): CalendarEvent {
  return baseEvent(session, occurrence, `session-${session.id}-${occurrence.date}@${options.uidDomain}`, options);
}

/** The series as one recurring event; undefined when the rule never meets. A one-off session is a single event. */
export function seriesCalendarEvent(session: CalendarSession, options: SessionCalendarOptions): CalendarEvent | undefined {
  const first = firstRuleDate(session.recurrence);
  if (first === undefined) return undefined;
  const event = baseEvent(session, occurrenceOn(session, first), `session-${session.id}@${options.uidDomain}`, options);
  const rrule = seriesRrule(session.recurrence, session.timeZone);
  if (!rrule) return event;
  const exdates = session.exceptions
    .filter((date) => ruleMatches(session.recurrence, date))
    .sort()
    .map((date) => occurrenceOn(session, date).start);
  return { ...event, rrule, ...(exdates.length ? { exdates } : {}) };
}
