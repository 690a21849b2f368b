/**
 * Insurance-card photos attached to an eligibility check: sealed at rest, a body limit of their own,
 * idempotent uploads, never logged, and read back only through the staff API.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { CardPhotoReceipt, EligibilityCheck, Problem } from '../../src/api/schemas.js';
import { CARD_PHOTO_MAX_BYTES } from '../../src/domain/card-photo.js';
import { StaffCardPhoto, StaffRecord } from '../../server/staff/staff-schemas.js';
import { eligibilityRequest, uniqueCanary } from './support/fixtures.js';
import { dumpAllRows, newIdempotencyKey, post, TestClock, testBackends, type TestDatabase, type TestServer, useTestServer } from './support/test-server.js';

const STAFF_TOKEN = 'staff-token-for-tests-0123456789';

/** A JPEG as far as its headers go (SOI, JFIF APP0, a comment holding `text`), padded to `size` bytes. */
function fakeJpeg(text: string, size = 4096): Uint8Array {
  const comment = new TextEncoder().encode(text);
  const head = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const com = [0xff, 0xfe, (comment.length + 2) >> 8, (comment.length + 2) & 0xff, ...comment];
  const bytes = new Uint8Array(size);
  bytes.set([...head, ...com, 0xff, 0xda]);
  for (let i = head.length + com.length + 2; i < size - 2; i++) bytes[i] = (i * 31) & 0x7f;
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** The same with an EXIF APP1 segment after SOI, as a phone camera writes it. */
function jpegWithExif(): Uint8Array {
  const plain = fakeJpeg('card');
  const payload = new TextEncoder().encode('Exif\0\0MM\0*GPS 39.7392N 104.9903W');
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload, ...plain.subarray(2)]);
}

/**
 * POST on a connection of its own. A refused body is left unread, and the server drops the connection
 * it came on: a pooled connection would make the *next* request fail, whatever its answer.
 */
function postAlone(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'idempotency-key': newIdempotencyKey() };
    const sent = request(url, { method: 'POST', agent: false, headers }, (response) => {
      let answer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (answer += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(answer) }));
    });
    sent.on('error', reject);
    sent.end(text);
  });
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const upload = (bytes: Uint8Array, side: 'front' | 'back' = 'front') => ({ side, mediaType: 'image/jpeg', dataBase64: base64(bytes) });

for (const backend of testBackends()) {
  describe(`card photos (${backend})`, () => {
    const clock = new TestClock();
    let database: TestDatabase;
    let server: TestServer;
    useTestServer(backend, clock, (opened) => ({ database, server } = opened), { staffToken: STAFF_TOKEN });

    const staff = (path: string, token = STAFF_TOKEN) => fetch(`${server.api}staff/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const newCheck = async () => EligibilityCheck.parse((await post(server, 'eligibility-checks', eligibilityRequest('IOPACTIVE01'))).json).id;

    it('stores an uploaded photo sealed: no image bytes, base64 or canary in any row, nothing in the logs', async () => {
      const checkId = await newCheck();
      const canary = uniqueCanary('Photo');
      const body = upload(fakeJpeg(canary, 20_000));
      const logsBefore = server.logs.length;
      const response = await post(server, `eligibility-checks/${checkId}/card-photos`, body);
      assert.equal(response.status, 201);
      const receipt = CardPhotoReceipt.parse(response.json);
      assert.equal(receipt.side, 'front');
      assert.equal(response.headers.get('cache-control'), 'no-store');

      const rows = await dumpAllRows(database.db);
      assert.ok(rows.includes(receipt.id), 'the dump does contain the photo row');
      assert.ok(!rows.includes(canary), 'no canary in clear');
      assert.ok(!rows.includes('JFIF'), 'no image header in clear');
      assert.ok(!rows.includes('/9j/'), 'no base64 of the JPEG start (FF D8 FF)');
      for (const at of [0, 5_000, 20_000]) assert.ok(!rows.includes(body.dataBase64.slice(at, at + 32)), `no base64 slice at ${at}`);
      const [stored] = await database.db.query<{ sealed: string }>('SELECT sealed FROM card_photos WHERE id = $1', [receipt.id]);
      assert.match(stored!.sealed, /^v2\.primary\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      assert.ok(!Buffer.from(stored!.sealed.split('.')[3]!, 'base64url').includes(Buffer.from(canary)), 'the ciphertext does not hold the canary bytes');

      const lines = server.logs.slice(logsBefore);
      assert.deepEqual(lines.map((line) => [line.route, line.status]), [['POST eligibility-checks/{id}/card-photos', 201]]);
      assert.ok(!JSON.stringify(lines).includes(canary) && !JSON.stringify(lines).includes(checkId), 'no body, no path values in the log');
    });

    it('lets staff see the photo ids on the check and read each image back, decrypted and uncached', async () => {
      const checkId = await newCheck();
      const front = fakeJpeg(uniqueCanary('Front'));
      const back = fakeJpeg(uniqueCanary('Back'), 6000);
      const frontId = CardPhotoReceipt.parse((await post(server, `eligibility-checks/${checkId}/card-photos`, upload(front))).json).id;
      const backId = CardPhotoReceipt.parse((await post(server, `eligibility-checks/${checkId}/card-photos`, upload(back, 'back'))).json).id;

      const record = StaffRecord.parse(await (await staff(`eligibility-checks/${checkId}`)).json());
      const photos = (record.data.cardPhotos as unknown[]).map((photo) => StaffCardPhoto.parse(photo));
      assert.deepEqual(
        photos.map(({ id, side, mediaType, receivedAt }) => [id, side, mediaType, receivedAt]),
        [
          [frontId, 'front', 'image/jpeg', clock.now().toISOString()],
          [backId, 'back', 'image/jpeg', clock.now().toISOString()],
        ],
      );

      const image = await staff(`eligibility-checks/${checkId}/card-photos/${frontId}`);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/jpeg');
      assert.equal(image.headers.get('cache-control'), 'no-store');
      assert.equal(image.headers.get('x-content-type-options'), 'nosniff');
      assert.deepEqual(new Uint8Array(await image.arrayBuffer()), front);

      assert.equal((await fetch(`${server.api}staff/eligibility-checks/${checkId}/card-photos/${frontId}`)).status, 401, 'staff token required');
      assert.equal((await staff(`eligibility-checks/${await newCheck()}/card-photos/${frontId}`)).status, 404, 'only through its own check');
      assert.equal((await staff(`eligibility-checks/${checkId}/card-photos/NoSuchPhoto`)).status, 404);
    });

    it('replays an upload sent again with the same Idempotency-Key, and refuses the key with another photo', async () => {
      const checkId = await newCheck();
      const key = newIdempotencyKey();
      const body = upload(fakeJpeg(uniqueCanary('Replay')));
      const first = await post(server, `eligibility-checks/${checkId}/card-photos`, body, { key });
      const again = await post(server, `eligibility-checks/${checkId}/card-photos`, body, { key });
      assert.deepEqual([first.status, again.status], [201, 201]);
      assert.deepEqual(again.json, first.json);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal((await database.db.query('SELECT id FROM card_photos')).length, 1, 'stored once');
      const other = await post(server, `eligibility-checks/${checkId}/card-photos`, upload(fakeJpeg('another photo')), { key });
      assert.equal(other.status, 422);
      assert.equal(Problem.parse(other.json).code, 'idempotency-mismatch');
    });

    it('takes a full-size photo on this route only, and refuses a larger body with a 413 problem', async () => {
      const checkId = await newCheck();
      const largest = upload(fakeJpeg('largest', CARD_PHOTO_MAX_BYTES));
      assert.equal(largest.dataBase64.length, 409_600);
      assert.equal((await post(server, `eligibility-checks/${checkId}/card-photos`, largest)).status, 201);

      const tooBig = await postAlone(`${server.api}eligibility-checks/${checkId}/card-photos`, { ...largest, padding: 'x'.repeat(60 * 1024) });
      assert.equal(tooBig.status, 413);
      assert.equal(Problem.parse(tooBig.json).code, 'payload-too-large');
      const overContract = await post(server, `eligibility-checks/${checkId}/card-photos`, upload(fakeJpeg('too big', CARD_PHOTO_MAX_BYTES + 3)));
      assert.equal(overContract.status, 422, 'a photo over 300 KB breaks the contract even inside the body limit');

      const elsewhere = await postAlone(`${server.api}callback-requests`, { ...largest, phone: '+1 303 555 0142' });
      assert.equal(elsewhere.status, 413, 'every other route keeps the 64 KB default');
    });

    it('refuses an unknown check, bad base64, a photo that is not what it claims, and one with EXIF', async () => {
      const checkId = await newCheck();
      const unknown = await post(server, 'eligibility-checks/NoSuchCheck/card-photos', upload(fakeJpeg('x')));
      assert.equal(unknown.status, 404);
      const refusedAt = async (body: unknown) => {
        const response = await post(server, `eligibility-checks/${checkId}/card-photos`, body);
        assert.equal(response.status, 422);
        return Problem.parse(response.json).errors?.map((error) => error.pointer);
      };
      assert.deepEqual(await refusedAt({ ...upload(fakeJpeg('x')), dataBase64: 'not base64!' }), ['/dataBase64']);
      assert.deepEqual(await refusedAt({ ...upload(fakeJpeg('x')), dataBase64: 'QUJD' + '=' }), ['/dataBase64'], 'length not a multiple of 4');
      assert.deepEqual(await refusedAt({ ...upload(fakeJpeg('x')), mediaType: 'image/png' }), ['/mediaType']);
      assert.deepEqual(await refusedAt({ ...upload(fakeJpeg('x')), mediaType: 'image/webp' }), ['/dataBase64'], 'a JPEG sent as WebP');
      assert.deepEqual(await refusedAt(upload(jpegWithExif())), ['/dataBase64'], 'metadata left in');
      assert.equal((await database.db.query('SELECT id FROM card_photos')).length, 0);
    });

    it('keeps one photo per side: a new front replaces the old one', async () => {
      const checkId = await newCheck();
      await post(server, `eligibility-checks/${checkId}/card-photos`, upload(fakeJpeg('first try')));
      const retake = fakeJpeg('second try');
      const second = CardPhotoReceipt.parse((await post(server, `eligibility-checks/${checkId}/card-photos`, upload(retake))).json);
      const record = StaffRecord.parse(await (await staff(`eligibility-checks/${checkId}`)).json());
      assert.deepEqual((record.data.cardPhotos as { id: string }[]).map((photo) => photo.id), [second.id]);
      assert.deepEqual(new Uint8Array(await (await staff(`eligibility-checks/${checkId}/card-photos/${second.id}`)).arrayBuffer()), retake);
    });
  });
}
