/**
 * The facilitator's calls to the staff API (the console page's own origin): the session cookie goes
 * along, writes carry the console's CSRF header, every answer is parsed by its contract schema.
 */
import * as z from 'zod/mini';
import { AttendanceRecord, CheckInCode, IssuedLetterList, Roster, type AttendanceMark } from '../../api/attendance-schemas.js';

export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(readonly kind: 'sign-in' | 'forbidden' | 'not-found' | 'offline' | 'server') {
    super(kind);
  }
}

export function createAttendanceDeskClient(staffBase = '/api/iop/staff/') {
  async function call<S extends z.ZodMiniType>(schema: S, path: string, init: RequestInit = {}): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, new URL(staffBase, location.href)), {
        credentials: 'same-origin',
        ...init,
        headers: init.method === 'POST' ? { 'content-type': 'application/json', 'x-iop-staff': '1' } : {},
      });
    } catch {
      throw new DeskError('offline');
    }
    if (response.status === 401) throw new DeskError('sign-in');
    if (response.status === 403) throw new DeskError('forbidden');
    if (response.status === 404) throw new DeskError('not-found');
    if (!response.ok) throw new DeskError('server');
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new DeskError('server');
    return parsed.data as z.infer<S>;
  }
  const occurrence = (sessionId: string, date: string, what: string) =>
    `attendance/sessions/${encodeURIComponent(sessionId)}/${what}?date=${encodeURIComponent(date)}`;
  return {
    code: (sessionId: string, date: string) => call(CheckInCode, occurrence(sessionId, date, 'code')),
    roster: (sessionId: string, date: string) => call(Roster, occurrence(sessionId, date, 'roster')),
    mark: (sessionId: string, mark: AttendanceMark) =>
      call(AttendanceRecord, `attendance/sessions/${encodeURIComponent(sessionId)}/marks`, { method: 'POST', body: JSON.stringify(mark) }),
    letters: () => call(IssuedLetterList, 'attendance/letters'),
  };
}

export type AttendanceDeskClient = ReturnType<typeof createAttendanceDeskClient>;
