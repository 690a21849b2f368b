/**
 * RSVP rules for alumni sessions: what a form needs before it is sent, how many places an
 * occurrence has left, and the person's own list of RSVPs kept on the device.
 */

export interface RsvpForm {
  name: string;
  email: string;
  phone: string;
  /** As typed, so a half-typed number is not lost. */
  familyMembers: string;
}

export const emptyRsvpForm: RsvpForm = { name: '', email: '', phone: '', familyMembers: '0' };

export type RsvpFormError = 'name' | 'contact' | 'email' | 'phone' | 'familyMembers';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// The contract's phone pattern.
const PHONE = /^\+?[0-9 ().-]{7,20}$/;

/** The fields in error, in the order the form shows them (the error summary follows it). */
export function validateRsvpForm(form: RsvpForm): RsvpFormError[] {
  const errors: RsvpFormError[] = [];
  const name = form.name.trim();
  if (name.length < 1 || name.length > 40) errors.push('name');
  const email = form.email.trim();
  const phone = form.phone.trim();
  if (!email && !phone) errors.push('contact');
  if (email && (!EMAIL.test(email) || email.length > 254)) errors.push('email');
  if (phone && !PHONE.test(phone)) errors.push('phone');
  const family = form.familyMembers.trim();
  if (!/^\d{1,2}$/.test(family) || Number(family) > 10) errors.push('familyMembers');
  return errors;
}

export interface OccurrenceCountLike {
  readonly date: string;
  readonly confirmed: number;
}

/** Places left on a date; null when the room has no cap. Never negative. */
export function seatsLeft(capacity: number | null, counts: readonly OccurrenceCountLike[], date: string): number | null {
  if (capacity === null) return null;
  const confirmed = counts.find((count) => count.date === date)?.confirmed ?? 0;
  return Math.max(0, capacity - confirmed);
}

/** One of the person's RSVPs, as kept (encrypted) on their device. */
export interface MyRsvp {
  /** The server's RSVP id; absent while the RSVP waits in the outbox. */
  readonly id?: string;
  /** The outbox entry that carries it, until delivered. */
  readonly entryId?: string;
  /** Proof of ownership for cancelling. */
  readonly token?: string;
  readonly sessionId: string;
  readonly date: string;
  readonly status: 'confirmed' | 'waitlisted' | 'queued';
  readonly waitlistPosition?: number;
  readonly joinUrl?: string;
}

export function sortMyRsvps(rsvps: readonly MyRsvp[]): MyRsvp[] {
  return [...rsvps].sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId));
}

/** Only https links from the server are shown as links (the contract allows mailto/tel too, which make no sense to join). */
export function safeJoinUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
