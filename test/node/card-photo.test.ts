import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodingPlan, fitWithin, hasJpegMetadata, jpegMarkers } from '../../src/domain/card-photo.js';

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
