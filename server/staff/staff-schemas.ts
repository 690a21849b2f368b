/**
 * Wire shapes of the staff API. Not in the widgets' contract (no widget calls it), but validated
 * the same way: zod/mini schemas parse every query and every answer.
 */
import * as z from 'zod/mini';
import { CardPhotoMediaType, CardSide, Id, Instant, ReferenceCode } from '../../src/api/schemas.js';

export const StaffRecordKind = z.enum(['intakes', 'bookings', 'eligibility-checks', 'callback-requests']);

export const StaffRecordSummary = z.object({
  id: Id,
  kind: StaffRecordKind,
  /** The reference on the person's receipt; null for records made before references existed. */
  reference: z.nullable(ReferenceCode),
  createdAt: Instant,
  handledAt: z.nullable(Instant),
});

export const StaffRecordList = z.object({ records: z.array(StaffRecordSummary) });

/** `data` is the decrypted record as the person sent it (plus, for eligibility, the payer's answer). */
export const StaffRecord = z.extend(StaffRecordSummary, { data: z.record(z.string(), z.unknown()) });

/** Listed in an eligibility check's `data.cardPhotos`; the image itself is `GET staff/eligibility-checks/{id}/card-photos/{photoId}`. */
export const StaffCardPhoto = z.object({ id: Id, side: CardSide, mediaType: CardPhotoMediaType, receivedAt: Instant });

export const StaffListQuery = z.object({
  status: z._default(z.enum(['open', 'handled', 'all']), 'open'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
  /** A receipt's reference as the person reads it out: any case, with or without dashes. */
  reference: z.optional(z.string().check(z.maxLength(40))),
});

export type StaffRecordKind = z.infer<typeof StaffRecordKind>;
export type StaffRecordSummary = z.infer<typeof StaffRecordSummary>;
export type StaffCardPhoto = z.infer<typeof StaffCardPhoto>;
