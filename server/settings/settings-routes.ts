/**
 * The admin settings API (`/api/iop/staff/settings/...`): rows in staff-routes.ts' STAFF_ACCESS,
 * handlers here. Not implemented yet: every route answers 501 until its section lands.
 */
import type { StaffRouteKit } from '../attendance/attendance-routes.js';
import { problemResponse } from '../http/problem.js';
import type { StaffRouteKey } from '../staff/staff-routes.js';

export function mountSettingsRoutes(kit: StaffRouteKit, keys: readonly StaffRouteKey[]): void {
  for (const key of keys) {
    kit.route(key, async () => problemResponse({ status: 501, code: 'internal', detail: 'Not implemented yet.' }));
  }
}
