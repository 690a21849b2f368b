/**
 * Insurance-card photos attached to an eligibility check. They show a member ID, a name and often a
 * date of birth: health data, sealed before they reach the database like every other record.
 */
import type { CardPhotoReceipt, CardPhotoUpload } from '../../src/api/schemas.js';
import { cardPhotoProblem } from '../../src/domain/card-photo.js';
import { invalidField, notFound } from '../http/problem.js';
import { base64Decode } from '../security/encoding.js';
import { newRecordId } from '../security/secrets.js';
import type { ServiceDeps } from './service-deps.js';

/** Binds a sealed photo to its row and its check: copied to another check, it no longer opens. */
export const cardPhotoContext = (photoId: string, checkId: string) => `card_photos:${photoId}:${checkId}`;

/** One photo per side and check; a new photo of a side (the person retook it) replaces the old one. */
export async function uploadCardPhoto(deps: ServiceDeps, checkId: string, upload: CardPhotoUpload): Promise<CardPhotoReceipt> {
  const [check] = await deps.db.query('SELECT 1 FROM eligibility_checks WHERE id = $1', [checkId]);
  if (!check) throw notFound('There is no such eligibility check.');
  const bytes = base64Decode(upload.dataBase64);
  const problem = cardPhotoProblem(bytes, upload.mediaType);
  if (problem === 'not-this-type') throw invalidField('/dataBase64', `Send the photo as ${upload.mediaType}, as mediaType says.`);
  if (problem === 'metadata') throw invalidField('/dataBase64', 'Remove the photo’s metadata (location, camera) before sending it.');

  const id = newRecordId();
  const sealed = await deps.cipher.sealBytes(bytes, cardPhotoContext(id, checkId));
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO card_photos (id, eligibility_check_id, side, media_type, sealed, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (eligibility_check_id, side)
       DO UPDATE SET id = EXCLUDED.id, media_type = EXCLUDED.media_type, sealed = EXCLUDED.sealed, created_at = EXCLUDED.created_at`,
      [id, checkId, upload.side, upload.mediaType, sealed, deps.now()],
    );
    await deps.notifier.notify({ type: 'eligibility-check.card-photo-added', id: checkId }, tx);
  });
  return { id, side: upload.side };
}
