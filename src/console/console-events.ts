import type { RecordKind } from '../api/staff-schemas.js';

/** A record was opened from the queue: opaque kind and id only. */
export class RecordOpenedEvent extends Event {
  constructor(
    readonly kind: RecordKind,
    readonly recordId: string,
  ) {
    super('iop-record-opened', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'iop-record-opened': RecordOpenedEvent;
  }
}
