/**
 * Program tracks as a person weighs them: does it fit around my work (time of day, weekends,
 * in person or online, a track only for healthcare professionals), and when would it end.
 * Meetings are wall times in the center's zone, so nothing here needs a time zone.
 */
import { addDays, minutesOfDay, weekdayOf } from './zoned-time.js';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export const timesOfDay: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];

/** Whether a track meets on weekends: `weekend` needs at least one Saturday or Sunday, `weekdays` none. */
export type DaysChoice = 'any' | 'weekend' | 'weekdays';
/** What a person can attend; hybrid tracks suit both. */
export type AttendanceChoice = 'in-person' | 'online';

export interface ScheduleMeeting {
  readonly day: number;
  readonly start: string;
  readonly end: string;
}

export interface SchedulableTrack {
  readonly audience: string;
  readonly format: 'in-person' | 'online' | 'hybrid';
  readonly meetings: readonly ScheduleMeeting[];
  readonly weeks: number;
  readonly startDates: readonly string[];
}

export interface TrackFilters {
  /** None chosen: any time. Otherwise every meeting must start in a chosen part of the day. */
  readonly timesOfDay: readonly TimeOfDay[];
  readonly days: DaysChoice;
  /** None chosen: any format. */
  readonly attendance: readonly AttendanceChoice[];
  /** Only tracks for this audience (e.g. healthcare professionals); undefined: any. */
  readonly audience?: string;
}

export const noFilters: TrackFilters = { timesOfDay: [], days: 'any', attendance: [] };

/** Morning before noon, afternoon until 5 pm, evening after: by when a session starts. */
export function timeOfDayOf(start: string): TimeOfDay {
  const minutes = minutesOfDay(start);
  return minutes < 12 * 60 ? 'morning' : minutes < 17 * 60 ? 'afternoon' : 'evening';
}

const isWeekend = (day: number) => day === 0 || day === 6;

export function fitsFilters(track: SchedulableTrack, filters: TrackFilters): boolean {
  if (filters.audience && track.audience !== filters.audience) return false;
  if (filters.timesOfDay.length && !track.meetings.every((m) => filters.timesOfDay.includes(timeOfDayOf(m.start)))) return false;
  const weekend = track.meetings.some((m) => isWeekend(m.day));
  if (filters.days === 'weekend' && !weekend) return false;
  if (filters.days === 'weekdays' && weekend) return false;
  if (filters.attendance.length && track.format !== 'hybrid' && !filters.attendance.includes(track.format)) return false;
  return true;
}

export function filterTracks<T extends SchedulableTrack>(tracks: readonly T[], filters: TrackFilters): T[] {
  return tracks.filter((track) => fitsFilters(track, filters));
}

/** Meeting weekdays in week order starting Monday (how people say "Monday, Wednesday and Friday"). */
export function meetingDays(track: Pick<SchedulableTrack, 'meetings'>): number[] {
  return [...new Set(track.meetings.map((m) => m.day))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

/**
 * The last day of programming for a start date: the last meeting day within `weeks` weeks
 * (start date included). A track with no meetings ends the day before the same weekday `weeks` later.
 */
export function programEndDate(startDate: string, weeks: number, meetings: readonly ScheduleMeeting[]): string {
  const days = new Set(meetings.map((m) => m.day));
  const lastDay = addDays(startDate, weeks * 7 - 1);
  if (!days.size) return lastDay;
  for (let offset = 0; offset < 7; offset += 1) {
    const date = addDays(lastDay, -offset);
    if (days.has(weekdayOf(date))) return date;
  }
  return lastDay;
}

export interface UpcomingStart {
  readonly start: string;
  readonly end: string;
}

/** The next `count` start dates on or after `today`, each with the end date it implies. */
export function upcomingStarts(track: SchedulableTrack, today: string, count = 3): UpcomingStart[] {
  return [...track.startDates]
    .filter((date) => date >= today)
    .sort()
    .slice(0, count)
    .map((start) => ({ start, end: programEndDate(start, track.weeks, track.meetings) }));
}
