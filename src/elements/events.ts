/**
 * The outcome events of every widget, in one place, registered on `GlobalEventHandlersEventMap` so
 * that `document.addEventListener('iop-booking-confirmed', ...)` and `window.addEventListener(...)`
 * type-check as well as a listener on the element (HTMLElementEventMap extends it).
 *
 * Each event bubbles and is composed, and its `detail` carries an opaque id and a status only: page
 * scripts (analytics, pixels) listen to events, so nothing a person typed may ride on them.
 */

/** Names of the outcome events, for a page that listens to all of them. */
export const outcomeEventTypes = ['iop-booking-confirmed', 'iop-intake-submitted', 'iop-eligibility-checked', 'iop-rsvp-confirmed'] as const;
export type OutcomeEventType = (typeof outcomeEventTypes)[number];

export interface BookingConfirmedDetail {
  readonly bookingId: string;
  readonly status: 'confirmed';
}

/** Fired when an assessment is booked. */
export class BookingConfirmedEvent extends Event {
  static readonly eventName = 'iop-booking-confirmed';
  readonly detail: BookingConfirmedDetail;
  constructor(bookingId: string) {
    super(BookingConfirmedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ bookingId, status: 'confirmed' as const });
  }
}

export interface IntakeSubmittedDetail {
  /** The server's intake id when sent; this device's outbox entry id when queued. */
  readonly intakeId: string;
  readonly status: 'sent' | 'queued';
}

/** Fired when the screening was sent (`sent`) or saved to send later (`queued`). */
export class IntakeSubmittedEvent extends Event {
  static readonly eventName = 'iop-intake-submitted';
  readonly detail: IntakeSubmittedDetail;
  constructor(intakeId: string, status: IntakeSubmittedDetail['status']) {
    super(IntakeSubmittedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ intakeId, status });
  }
}

export type EligibilityCheckedStatus = 'complete' | 'pending' | 'callback';
export interface EligibilityCheckedDetail {
  readonly checkId: string;
  readonly status: EligibilityCheckedStatus;
}

/** Fired when a benefits check answers: `pending` (the payer is slow), `complete` or `callback` (the center will call). */
export class IopEligibilityCheckedEvent extends Event {
  static readonly eventName = 'iop-eligibility-checked';
  readonly detail: EligibilityCheckedDetail;
  constructor(checkId: string, status: EligibilityCheckedStatus) {
    super(IopEligibilityCheckedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ checkId, status });
  }
}

export type RsvpStatus = 'confirmed' | 'waitlisted' | 'queued';
export interface RsvpConfirmedDetail {
  readonly rsvpId: string;
  readonly status: RsvpStatus;
}

/** Fired when an RSVP is confirmed, waitlisted or saved to send later. */
export class IopRsvpConfirmedEvent extends Event {
  static readonly eventName = 'iop-rsvp-confirmed';
  readonly detail: RsvpConfirmedDetail;
  constructor(rsvpId: string, status: RsvpStatus) {
    super(IopRsvpConfirmedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ rsvpId, status });
  }
  /** The same as `detail.rsvpId`, kept for listeners written before `detail`. */
  get rsvpId(): string {
    return this.detail.rsvpId;
  }
  /** The same as `detail.status`. */
  get status(): RsvpStatus {
    return this.detail.status;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'iop-booking-confirmed': BookingConfirmedEvent;
    'iop-intake-submitted': IntakeSubmittedEvent;
    'iop-eligibility-checked': IopEligibilityCheckedEvent;
    'iop-rsvp-confirmed': IopRsvpConfirmedEvent;
  }
}
