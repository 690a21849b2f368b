/**
 * The details step of booking an assessment: the least a center needs to reach someone safely.
 * Rules return message keys, never text, so the element words them in the person's language.
 */
import type { CalendarEvent } from './calendar-file.js';

export type ContactPreference = 'phone' | 'text' | 'email';

/** What the form holds while a person types: strings and unanswered questions as undefined. */
export interface BookingDetails {
  name: string;
  phone: string;
  email: string;
  preferred?: ContactPreference;
  voicemailOk?: boolean;
  consent: boolean;
}

export const emptyDetails: BookingDetails = { name: '', phone: '', email: '', consent: false };

export type DetailsField = 'name' | 'preferred' | 'phone' | 'email' | 'voicemailOk' | 'consent';
export type DetailsError =
  | 'nameMissing'
  | 'preferredMissing'
  | 'phoneMissing'
  | 'phoneInvalid'
  | 'emailMissing'
  | 'emailInvalid'
  | 'voicemailMissing'
  | 'consentMissing';

// Same shapes as the contract's Phone and Email, so what passes here is what the API accepts.
const phonePattern = /^\+?[0-9 ().-]{7,20}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Errors in the order the fields appear, for the error summary. */
export function validateDetails(details: BookingDetails): Partial<Record<DetailsField, DetailsError>> {
  const errors: Partial<Record<DetailsField, DetailsError>> = {};
  const phone = details.phone.trim();
  const email = details.email.trim();
  if (!details.name.trim()) errors.name = 'nameMissing';
  if (!details.preferred) errors.preferred = 'preferredMissing';
  const needsPhone = details.preferred === 'phone' || details.preferred === 'text';
  if (phone ? !phonePattern.test(phone) : needsPhone) errors.phone = phone ? 'phoneInvalid' : 'phoneMissing';
  if (email ? !emailPattern.test(email) || email.length > 254 : details.preferred === 'email')
    errors.email = email ? 'emailInvalid' : 'emailMissing';
  if (details.voicemailOk === undefined) errors.voicemailOk = 'voicemailMissing';
  if (!details.consent) errors.consent = 'consentMissing';
  return errors;
}

/** The contract's `Contact` from valid details; empty optional fields are left out. */
export function toContact(details: BookingDetails) {
  const phone = details.phone.trim();
  const email = details.email.trim();
  return {
    name: details.name.trim().slice(0, 200),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    preferred: details.preferred ?? 'phone',
    voicemailOk: details.voicemailOk ?? false,
  };
}

/** Details from a contact saved by another widget on the page (the intake screener's `shared-contact`). */
export function fromContact(contact: { name: string; phone?: string; email?: string; preferred: ContactPreference; voicemailOk: boolean }, consent = false): BookingDetails {
  return { name: contact.name, phone: contact.phone ?? '', email: contact.email ?? '', preferred: contact.preferred, voicemailOk: contact.voicemailOk, consent };
}

export interface BookedAppointment {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly manageUrl?: string;
}

/**
 * The calendar entry for a booked assessment. The title ("Appointment") and the description never
 * name the center unless the center chose its own title: a calendar is seen by partners, employers
 * and lock screens. The widget writes the file (calendar-file.ts) only once the booking is made.
 */
export function appointmentEvent(
  booking: BookedAppointment,
  center: { name: string; calendarTitle?: string },
  text: { title: string; description: string; location?: string; uidDomain: string },
): CalendarEvent {
  return {
    uid: `booking-${booking.id}@${text.uidDomain}`,
    start: new Date(booking.start),
    end: new Date(booking.end),
    timeZone: booking.timeZone,
    summary: center.calendarTitle ?? text.title,
    description: text.description,
    ...(text.location ? { location: text.location } : {}),
    ...(booking.manageUrl ? { url: booking.manageUrl } : {}),
  };
}

