import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cardPhotoProblem, encodingPlan, fitWithin, hasJpegMetadata, jpegMarkers, webpChunks, type CardPhotoMediaType, type CardPhotoProblem } from '../../src/domain/card-photo.js';

describe('card photo sizing', () => {
  it('scales a 12 MP phone photo to 1600 px on the long edge', () => {
    assert.deepEqual(fitWithin(4032, 3024, 1600), { width: 1600, height: 1200 });
    assert.deepEqual(fitWithin(3024, 4032, 1600), { width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => assert.deepEqual(fitWithin(800, 600, 1600), { width: 800, height: 600 }));

  it('plans from best to smallest and ends small', () => {
    const plan = encodingPlan(4032, 3024);
    assert.deepEqual(plan[0], { width: 1600, height: 1200, quality: 0.82 });
    assert.deepEqual(plan.at(-1), { width: 640, height: 480, quality: 0.58 });
    for (let i = 1; i < plan.length; i += 1) assert.ok(plan[i]!.width * plan[i]!.height <= plan[i - 1]!.width * plan[i - 1]!.height);
  });

  it('keeps the aspect ratio within a pixel and the long edge in bounds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 16, max: 4000 }), (w, h, edge) => {
        const fit = fitWithin(w, h, edge);
        const scale = Math.min(1, edge / Math.max(w, h));
        const close = (got: number, exact: number) => Math.abs(got - Math.max(1, exact)) <= 1;
        return Math.max(fit.width, fit.height) <= edge && close(fit.width, w * scale) && close(fit.height, h * scale);
      }),
    );
  });
});

describe('JPEG metadata detection', () => {
  const segment = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
  const jpeg = (...segments: number[][]) => new Uint8Array([0xff, 0xd8, ...segments.flat(), 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]);

  it('finds an EXIF APP1 segment', () => {
    const exif = segment(0xe1, [...'Exif'].map((c) => c.charCodeAt(0)).concat([0, 0, 1, 2, 3]));
    const bytes = jpeg(segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0]), exif);
    assert.deepEqual(jpegMarkers(bytes), [0xe0, 0xe1, 0xda]);
    assert.equal(hasJpegMetadata(bytes), true);
  });

  it('passes a JPEG with only JFIF and tables', () => {
    assert.equal(hasJpegMetadata(jpeg(segment(0xe0, [1, 2, 3]), segment(0xdb, [0, 1]))), false);
  });

  it('is not fooled by a non-JPEG', () => assert.deepEqual(jpegMarkers(new Uint8Array([0x89, 0x50, 0x4e, 0x47])), []));
});

describe('checking an uploaded card photo', () => {
  const riff = (...chunks: [string, number][]) => {
    const body = chunks.flatMap(([id, size]) => [...new TextEncoder().encode(id), size & 0xff, (size >> 8) & 0xff, 0, 0, ...new Array(size + (size % 2)).fill(0)]);
    return new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBP'), ...body]);
  };
  const cases: [string, Uint8Array, CardPhotoMediaType, CardPhotoProblem | undefined][] = [
    ['a clean JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda]), 'image/jpeg', undefined],
    ['a JPEG with EXIF (APP1)', new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 4, 0, 0, 0xff, 0xda]), 'image/jpeg', 'metadata'],
    ['a PNG sent as JPEG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'image/jpeg', 'not-this-type'],
    ['a clean WebP', riff(['VP8 ', 10]), 'image/webp', undefined],
    ['a WebP with an EXIF chunk after an odd-sized one', riff(['VP8X', 9], ['EXIF', 4]), 'image/webp', 'metadata'],
    ['a WebP with XMP', riff(['VP8X', 10], ['XMP ', 4]), 'image/webp', 'metadata'],
    ['a JPEG sent as WebP', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xda]), 'image/webp', 'not-this-type'],
  ];
  for (const [what, bytes, type, expected] of cases) it(what, () => assert.equal(cardPhotoProblem(bytes, type), expected));

  it('lists WebP chunks in order, skipping the padding of odd sizes', () => assert.deepEqual(webpChunks(riff(['VP8X', 9], ['EXIF', 4])), ['VP8X', 'EXIF']));
});
