/**
 * `/api/iop/staff/`: list, read (decrypted) and mark handled the records people sent.
 * Bearer token from IOP_STAFF_TOKEN; without one configured the staff API refuses everyone.
 */
import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { Id } from '../../src/api/schemas.js';
import { parseReferenceCode } from '../../src/domain/reference-code.js';
import type { Database } from '../db/database.js';
import type { AppEnv } from '../http/app-env.js';
import { fieldErrors } from '../http/field-errors.js';
import { notFound, problemResponse } from '../http/problem.js';
import type { DataCipher } from '../security/data-cipher.js';
import { secretsEqual } from '../security/secrets.js';
import { listStaffRecords, markStaffRecordHandled, readCardPhoto, readStaffRecord } from './staff-records.js';
import { StaffListQuery, StaffRecord, StaffRecordKind, StaffRecordList, StaffRecordSummary } from './staff-schemas.js';

export interface StaffSupport {
  readonly db: Database;
  readonly cipher: DataCipher;
  readonly now: () => Date;
  readonly staffToken: string | undefined;
}

function answer<S extends z.ZodMiniType>(schema: S, value: z.input<S>): Response {
  return new Response(JSON.stringify(schema.parse(value)), { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

function kindOf(c: Context): StaffRecordKind {
  const kind = StaffRecordKind.safeParse(c.req.param('kind'));
  if (!kind.success) throw notFound();
  return kind.data;
}

function idOf(c: Context, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!Id.safeParse(id).success) throw notFound();
  return id;
}

export function mountStaffRoutes(app: Hono<AppEnv>, basePath: string, support: StaffSupport): void {
  const staffBase = `${basePath}staff/`;
  app.use(`${staffBase}*`, async (c, next) => {
    c.set('route', `${c.req.method} staff`);
    const given = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!support.staffToken || !given || !(await secretsEqual(given, support.staffToken))) {
      return problemResponse({ status: 401, code: 'unauthorized', detail: 'Staff access needs the staff bearer token.', headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' } });
    }
    await next();
    c.header('cache-control', 'no-store');
  });

  app.get(`${staffBase}:kind`, async (c) => {
    c.set('route', 'GET staff/{kind}');
    const query = StaffListQuery.safeParse(c.req.query());
    if (!query.success) return problemResponse({ status: 422, code: 'validation', errors: fieldErrors(query.error) });
    const reference = query.data.reference === undefined ? undefined : parseReferenceCode(query.data.reference);
    if (query.data.reference !== undefined && !reference) {
      return problemResponse({ status: 422, code: 'validation', errors: [{ pointer: '/reference', detail: 'This is not a reference: check each character.' }] });
    }
    const records = await listStaffRecords(support.db, kindOf(c), query.data.status, query.data.limit, reference);
    return answer(StaffRecordList, { records });
  });

  app.get(`${staffBase}:kind/:id`, async (c) => {
    c.set('route', 'GET staff/{kind}/{id}');
    const record = await readStaffRecord(support.db, support.cipher, kindOf(c), idOf(c));
    if (!record) throw notFound();
    return answer(StaffRecord, record);
  });

  app.get(`${staffBase}eligibility-checks/:id/card-photos/:photoId`, async (c) => {
    c.set('route', 'GET staff/eligibility-checks/{id}/card-photos/{photoId}');
    const photo = await readCardPhoto(support.db, support.cipher, idOf(c), idOf(c, 'photoId'));
    if (!photo) throw notFound();
    return new Response(photo.bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      // Shown in the staff tool, never saved by a browser or a proxy on the way.
      headers: { 'content-type': photo.mediaType, 'cache-control': 'no-store', 'content-disposition': 'inline' },
    });
  });

  app.post(`${staffBase}:kind/:id/handled`, async (c) => {
    c.set('route', 'POST staff/{kind}/{id}/handled');
    const record = await markStaffRecordHandled(support.db, kindOf(c), idOf(c), support.now());
    if (!record) throw notFound();
    return answer(StaffRecordSummary, record);
  });
}
