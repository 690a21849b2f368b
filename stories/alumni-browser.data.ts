// Stand-in answers for alumni-browser stories and the bench that the seeded demo center cannot give:
// thousands of sessions, a room already full, nothing at all. Served through a client with its own
// `fetch` (registerClient), so the element still goes through the contract, the client and the cache.
import type { AlumniSession, AlumniSessionList } from '../src/api/schemas.js';
import { createClient } from '../src/client/client.js';
import { registerClient } from '../src/client/shared-clients.js';

const titles = ['Alumni Group', 'Family Class', 'Peer Circle', 'Relapse Prevention Refresher', 'Grupo de Apoyo', 'Healthcare Professionals Peer Group'];
const topics = ['relapse prevention', 'cravings', 'boundaries', 'stress and anxiety', 'communication', 'goals', 'careers and employment', 'triggers'];
const audiences = ['alumni', 'family', 'healthcare-professionals', 'everyone'] as const;
const formats = ['in-person', 'online', 'hybrid'] as const;

/** `count` weekly sessions starting on `startDate`, spread over the week and the day. */
export function manySessions(count: number, startDate: string): AlumniSessionList {
  const sessions = Array.from({ length: count }, (_, i): AlumniSession => {
    const format = formats[i % formats.length]!;
    return {
      id: `s${i}`,
      title: `${titles[i % titles.length]} ${Math.floor(i / titles.length) + 1}`,
      description: 'A drop-in group for graduates and families: bring what is on your mind.',
      topics: [topics[i % topics.length]!, topics[(i * 3 + 1) % topics.length]!],
      audience: audiences[i % audiences.length]!,
      format,
      language: i % 5 === 4 ? 'es' : 'en',
      facilitator: { firstName: ['Maya', 'Daniel', 'Priya', 'Lucía', 'Sam'][i % 5]!, role: 'Counselor' },
      ...(format === 'online' ? {} : { location: '1420 Larimer St, Denver, CO' }),
      durationMinutes: 60 + (i % 3) * 30,
      timeZone: 'America/Denver',
      recurrence: { kind: 'weekly', interval: 1, day: i % 7, start: `${String(6 + (i % 16)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`, startDate },
      exceptions: [],
      capacity: i % 4 === 0 ? null : 12,
      counts: [],
    };
  });
  return { timeZone: 'America/Denver', sessions };
}

/** A small room that is already full on every date in range: RSVPs join the waitlist. */
export function fullSession(startDate: string, dates: readonly string[]): AlumniSessionList {
  const session: AlumniSession = {
    id: 'mindful-saturday',
    title: 'Saturday Mindfulness Circle',
    description: 'A small, quiet group: breathing, grounding and stress skills. Few seats, so there is often a waitlist.',
    topics: ['stress and anxiety', 'spare time'],
    audience: 'everyone',
    format: 'hybrid',
    language: 'en',
    facilitator: { firstName: 'Sam', role: 'Peer recovery coach' },
    location: '1420 Larimer St, Suite 300, Denver, CO (Community Room)',
    durationMinutes: 60,
    timeZone: 'America/Denver',
    recurrence: { kind: 'weekly', interval: 1, day: 6, start: '08:30', startDate },
    exceptions: [],
    capacity: 4,
    counts: dates.map((date) => ({ date, confirmed: 4, waitlisted: 2 })),
  };
  return { timeZone: 'America/Denver', sessions: [session] };
}

/** Makes `apiBase` answer GET alumni-sessions with `list` (and a waitlisted RSVP to any POST). */
export function registerStandInApi(apiBase: string, list: AlumniSessionList): void {
  const answer = (body: unknown, status = 200) => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  // Serialised once, as a server's cache would: the bench times the widget, not the stand-in.
  const listJson = JSON.stringify(list);
  const standIn: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (init?.method === 'POST' && url.pathname.endsWith('/rsvps')) {
      const body = JSON.parse(String(init.body)) as { occurrenceDate: string };
      return answer({ id: 'stand-in-rsvp', sessionId: url.pathname.split('/').at(-2), occurrenceDate: body.occurrenceDate, status: 'waitlisted', waitlistPosition: 3, token: 'stand-in-token-0123456789' }, 201);
    }
    return answer(listJson);
  };
  registerClient(apiBase, createClient({ apiBase, fetch: standIn }));
}

export const today = () => new Date().toISOString().slice(0, 10);
