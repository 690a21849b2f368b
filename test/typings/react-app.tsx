// Type-checked in `npm test` (tsc -p test/typings): every element with every attribute and every
// outcome event, as a React 19 app would use them, through the package's own published types.
import type { BookingConfirmedDetail, EligibilityCheckedDetail, IntakeSubmittedDetail, RsvpConfirmedDetail } from 'iop-widgets';
import 'iop-widgets/react';

const seen: string[] = [];

export function CenterPage() {
  return (
    <iop-provider api-base="/api/iop/" locale="es" storage="memory">
      <iop-schedule-picker
        audience="healthcare-professionals"
        track="evening-iop"
        visitor-time-zone="America/Denver"
        isolation="inline"
        oniop-booking-confirmed={(event: CustomEvent<BookingConfirmedDetail>) => seen.push(event.detail.bookingId, event.detail.status)}
      />
      <iop-intake-screener
        instruments="audit-c,phq-9"
        thresholds='{"auditC":{"female":3,"male":4}}'
        quick-exit-url="https://www.example.org/"
        isolation="frame"
        oniop-intake-submitted={(event: CustomEvent<IntakeSubmittedDetail>) => seen.push(event.detail.intakeId, event.detail.status)}
      />
      <iop-insurance-verification
        track-id="day-iop"
        api-base="https://api.example.org/api/iop/"
        locale="en"
        storage="local"
        oniop-eligibility-checked={(event: CustomEvent<EligibilityCheckedDetail>) => seen.push(event.detail.checkId, event.detail.status)}
      />
      <iop-alumni-browser
        view="week"
        range-days={14}
        sync-url
        calendar-title="Appointment"
        oniop-rsvp-confirmed={(event: CustomEvent<RsvpConfirmedDetail>) => seen.push(event.detail.rsvpId, event.detail.status)}
      />
    </iop-provider>
  );
}

// A page script's listeners: every outcome event type-checks on document and window.
document.addEventListener('iop-booking-confirmed', (event) => seen.push(event.detail.bookingId));
document.addEventListener('iop-intake-submitted', (event) => seen.push(event.detail.intakeId));
window.addEventListener('iop-eligibility-checked', (event) => seen.push(event.detail.checkId));
document.addEventListener('iop-rsvp-confirmed', (event) => seen.push(event.detail.rsvpId, event.rsvpId));

// @ts-expect-error a misspelt attribute value is refused
export const wrongView = <iop-alumni-browser view="month" />;
// @ts-expect-error an unknown tag's attribute is refused
export const unknownAttribute = <iop-intake-screener instrumentz="phq-9" />;
