/**
 * The console's first-run form (what a production center needs before its widgets can answer):
 * the fields as typed, the fields that need fixing, and the request to send when none do.
 */
import { originLines, siteOrigin } from './embed-snippet.js';

export interface FirstRunForm {
  name: string;
  phone: string;
  timeZone: string;
  calendarTitle: string;
  /** One website per line. */
  origins: string;
}

export type FirstRunField = 'name' | 'phone' | 'timeZone' | 'origins';

export interface FirstRunRequestBody {
  name: string;
  phone: string;
  timeZone: string;
  calendarTitle?: string;
  allowedOrigins: string[];
}

/** The same rule the API applies to a center's phone number. */
const PHONE = /^\+?[0-9 ().-]{7,20}$/;

export function checkFirstRun(form: FirstRunForm): { errors: FirstRunField[]; request?: FirstRunRequestBody } {
  const errors: FirstRunField[] = [];
  const name = form.name.trim();
  const phone = form.phone.trim();
  if (!name || name.length > 200) errors.push('name');
  if (!PHONE.test(phone)) errors.push('phone');
  if (!form.timeZone) errors.push('timeZone');
  const lines = form.origins.split(/\r?\n/).filter((line) => line.trim());
  if (lines.some((line) => 'problem' in siteOrigin(line))) errors.push('origins');
  if (errors.length) return { errors };
  const calendarTitle = form.calendarTitle.trim();
  return { errors, request: { name, phone, timeZone: form.timeZone, ...(calendarTitle ? { calendarTitle } : {}), allowedOrigins: [...new Set(originLines(form.origins))] } };
}
