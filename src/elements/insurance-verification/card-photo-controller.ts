import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CARD_PHOTO_MAX_BYTES, encodingPlan } from '../../domain/card-photo.js';

export type CardSide = 'front' | 'back';

export type CardPhoto =
  | { status: 'working' }
  | { status: 'ready'; blob: Blob; url: string }
  | { status: 'failed' };

/**
 * Turns a camera or gallery image into a small JPEG: drawn onto a canvas (which applies the EXIF
 * orientation and writes no metadata: no GPS, no device), re-encoded until it is under 300 KB.
 * Photos live in memory and as object URLs, revoked when removed or when the widget goes; they
 * reach the device's storage only inside the encrypted outbox, on their way to the center.
 */
export class CardPhotoController implements ReactiveController {
  readonly photos = new Map<CardSide, CardPhoto>();
  private readonly host: ReactiveControllerHost;
  private generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const side of [...this.photos.keys()]) this.remove(side);
  }

  async add(side: CardSide, file: Blob): Promise<CardPhoto> {
    this.remove(side);
    const mine = (this.generation += 1);
    this.set(side, { status: 'working' });
    let photo: CardPhoto;
    try {
      const blob = await shrinkPhoto(file);
      photo = { status: 'ready', blob, url: URL.createObjectURL(blob) };
    } catch {
      photo = { status: 'failed' };
    }
    // A newer photo (or a removal) arrived while this one was encoding.
    if (mine !== this.generation || this.photos.get(side)?.status !== 'working') {
      if (photo.status === 'ready') URL.revokeObjectURL(photo.url);
      return this.photos.get(side) ?? { status: 'failed' };
    }
    this.set(side, photo);
    return photo;
  }

  /** The photos ready to send, front first. */
  ready(): { side: CardSide; blob: Blob }[] {
    return (['front', 'back'] as const).flatMap((side) => {
      const photo = this.photos.get(side);
      return photo?.status === 'ready' ? [{ side, blob: photo.blob }] : [];
    });
  }

  remove(side: CardSide): void {
    const photo = this.photos.get(side);
    if (photo?.status === 'ready') URL.revokeObjectURL(photo.url);
    this.photos.delete(side);
    this.host.requestUpdate();
  }

  private set(side: CardSide, photo: CardPhoto): void {
    this.photos.set(side, photo);
    this.host.requestUpdate();
  }
}

/** Standard base64 of a photo, as the contract carries it. */
export function photoBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable photo'));
    reader.readAsDataURL(blob);
  });
}

/** Re-encodes `file` as a metadata-free JPEG of at most CARD_PHOTO_MAX_BYTES. */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    for (const attempt of encodingPlan(bitmap.width, bitmap.height)) {
      canvas.width = attempt.width;
      canvas.height = attempt.height;
      // JPEG has no transparency: a white card background rather than black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, attempt.width, attempt.height);
      context.drawImage(bitmap, 0, 0, attempt.width, attempt.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', attempt.quality));
      if (blob && blob.size <= CARD_PHOTO_MAX_BYTES) return blob;
    }
    throw new Error('photo could not be made small enough');
  } finally {
    bitmap.close();
  }
}
