/**
 * Staff principals for server tests. Accounts are written straight into the tables (the passkey
 * ceremony itself is driven by a real browser's virtual authenticator in test/e2e/console.test.ts);
 * sessions are opened through the same code the sign-in route uses.
 */
import type { StaffRole } from '../../../src/api/staff-schemas.js';
import type { Database } from '../../../server/db/database.js';
import { newRecordId } from '../../../server/security/secrets.js';
import { openSession } from '../../../server/staff/staff-identity.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../../server/staff/staff-routes.js';
import type { TestClock, TestServer } from './test-server.js';

export interface TestStaff {
  readonly id: string;
  readonly role: StaffRole;
  readonly displayName: string;
}

export async function createStaffAccount(db: Database, role: StaffRole, now: Date, displayName = `Test ${role}`): Promise<TestStaff> {
  const id = newRecordId();
  await db.query('INSERT INTO staff_accounts (id, display_name, role, user_handle, created_at) VALUES ($1, $2, $3, $4, $5)', [id, displayName, role, newRecordId(), now]);
  return { id, role, displayName };
}

/** A fresh session cookie for the account. */
export async function sessionCookie(db: Database, staff: TestStaff, clock: TestClock): Promise<string> {
  return `${SESSION_COOKIE}=${await openSession(db, staff.id, clock.now())}`;
}

/** A request as the console page makes it: cookie, same origin, the custom header on writes. */
export async function consoleFetch(
  server: TestServer,
  path: string,
  cookie: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { ...(cookie ? { cookie } : {}) };
  if (method !== 'GET') Object.assign(headers, { origin: server.url, [CSRF_HEADER]: '1', 'content-type': 'application/json' });
  return fetch(`${server.api}staff/${path}`, {
    method,
    headers: { ...headers, ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}
