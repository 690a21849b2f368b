/**
 * Sizing for insurance-card photos: phone cameras produce 3-12 MB images; a card is readable at
 * 1600 px on its long edge. The element re-encodes through a canvas (which writes no metadata)
 * following this plan until the result fits. Pure: no canvas here, only the numbers.
 */

/** Each photo must end up at or under this size. */
export const CARD_PHOTO_MAX_BYTES = 300 * 1024;

export interface EncodingAttempt {
  width: number;
  height: number;
  /** JPEG quality for `canvas.toBlob`, 0-1. */
  quality: number;
}

/** Scales `width × height` down (never up) so the long edge is at most `maxEdge`, keeping the aspect ratio. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  const scale = Math.min(1, maxEdge / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

const QUALITIES = [0.82, 0.7, 0.58];
const EDGES = [1600, 1280, 1024, 800, 640];

/**
 * Attempts from best to smallest: a few qualities per size, then a smaller size. The last attempt
 * (640 px at 0.58) is far below 300 KB for any photo, so the plan always ends with one that fits.
 */
export function encodingPlan(width: number, height: number): EncodingAttempt[] {
  const attempts: EncodingAttempt[] = [];
  for (const edge of EDGES) {
    const size = fitWithin(width, height, edge);
    if (attempts.some((attempt) => attempt.width === size.width && attempt.height === size.height)) continue;
    for (const quality of QUALITIES) attempts.push({ ...size, quality });
  }
  return attempts;
}

/**
 * JPEG segment markers before the image data (ITU T.81 B.1.1.2). APP1 (0xE1) holds EXIF and XMP,
 * including GPS position and the device; tests use this to prove none is left.
 */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return markers;
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!;
    markers.push(marker);
    // Start of scan: entropy-coded data follows, no more headers.
    if (marker === 0xda) break;
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
    offset += 2 + length;
  }
  return markers;
}

export function hasJpegMetadata(bytes: Uint8Array): boolean {
  return jpegMarkers(bytes).some((marker) => marker === 0xe1 || marker === 0xed);
}

const JPEG_START = [0xff, 0xd8, 0xff];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];
const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) => prefix.every((byte, index) => bytes[offset + index] === byte);

/**
 * Chunk ids of a WebP file, in order (RIFF container: Google's "WebP Container Specification").
 * `EXIF` and `XMP ` chunks hold metadata.
 */
export function webpChunks(bytes: Uint8Array): string[] {
  const chunks: string[] = [];
  if (!startsWith(bytes, RIFF) || !startsWith(bytes, WEBP, 8)) return chunks;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    chunks.push(String.fromCharCode(...bytes.subarray(offset, offset + 4)));
    const size = bytes[offset + 4]! + bytes[offset + 5]! * 0x100 + bytes[offset + 6]! * 0x10000 + bytes[offset + 7]! * 0x1000000;
    // Chunks are padded to an even length.
    offset += 8 + size + (size % 2);
  }
  return chunks;
}

export type CardPhotoMediaType = 'image/jpeg' | 'image/webp';

/** Why an uploaded card photo is refused: it is not the format it claims, or it still carries metadata. */
export type CardPhotoProblem = 'not-this-type' | 'metadata';

/** The server's check of what a client sent: the browser strips metadata, a different client might not. */
export function cardPhotoProblem(bytes: Uint8Array, mediaType: CardPhotoMediaType): CardPhotoProblem | undefined {
  if (mediaType === 'image/jpeg') {
    if (!startsWith(bytes, JPEG_START)) return 'not-this-type';
    return hasJpegMetadata(bytes) ? 'metadata' : undefined;
  }
  if (!startsWith(bytes, RIFF) || !startsWith(bytes, WEBP, 8)) return 'not-this-type';
  return webpChunks(bytes).some((id) => id === 'EXIF' || id === 'XMP ') ? 'metadata' : undefined;
}
