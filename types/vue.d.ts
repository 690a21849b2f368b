import type { DefineComponent } from "vue";

import type { IopAlumniBrowser, RsvpConfirmedDetail } from "iop-widgets/alumni-browser";
import type { IopInsuranceVerification, EligibilityCheckedDetail } from "iop-widgets/insurance-verification";
import type { IopIntakeScreener, IntakeSubmittedDetail } from "iop-widgets/intake-screener";
import type { IopProvider } from "iop-widgets/provider";
import type { IopSchedulePicker, BookingConfirmedDetail } from "iop-widgets/schedule-picker";

type IopAlumniBrowserProps = {
  /** `list` (grouped by day, from now) or `week`. */
  view?: IopAlumniBrowser["view"];
  /** How many days ahead to show. */
  rangeDays?: IopAlumniBrowser["rangeDays"];
  /** Mirror the filters (never the search text) in the page URL, so a filtered list can be shared. */
  syncUrl?: IopAlumniBrowser["syncUrl"];
  /** Title of calendar files; discreet by default ("Appointment"). */
  calendarTitle?: IopAlumniBrowser["calendarTitle"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  apiBase?: IopAlumniBrowser["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopAlumniBrowser["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopAlumniBrowser["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopAlumniBrowser["isolation"];

  /** An RSVP was confirmed, waitlisted or queued (an IopRsvpConfirmedEvent). Detail: `{ rsvpId, status }` only. */
  onIopRsvpConfirmed?: (e: CustomEvent<RsvpConfirmedDetail>) => void;
};

type IopInsuranceVerificationProps = {
  /** The track to estimate the cost of (an id from `GET programs`); the person can change it. */
  trackId?: IopInsuranceVerification["trackId"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  apiBase?: IopInsuranceVerification["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopInsuranceVerification["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopInsuranceVerification["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopInsuranceVerification["isolation"];

  /** A check answered (an IopEligibilityCheckedEvent). Detail: `{ checkId, status: 'complete' | 'pending' | 'callback' }` only. */
  onIopEligibilityChecked?: (e: CustomEvent<EligibilityCheckedDetail>) => void;
};

type IopIntakeScreenerProps = {
  /** Comma-separated instruments, in order: `audit-c`, `audit`, `dast-10`, `phq-9`, `gad-7`, `asq`. Set, it wins over
the center's list (console > settings > screener); unset, the center's list, or `audit-c,dast-10,phq-9,gad-7,asq`
when the center's settings cannot be read. */
  instruments?: IopIntakeScreener["instruments"];
  /** Result thresholds as JSON (see `ResultThresholds` in src/domain/screening-result.ts), used only while the center's
settings cannot be read: the center's saved thresholds are what the server applies, so they win. */
  thresholds?: IopIntakeScreener["thresholds"];
  /** An https address: "Leave this page" clears the form and goes there. Unset, the center's quick-exit address. */
  quickExitUrl?: IopIntakeScreener["quickExitUrl"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  apiBase?: IopIntakeScreener["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopIntakeScreener["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopIntakeScreener["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopIntakeScreener["isolation"];

  /** Answers were sent (`status: 'sent'`) or saved to send later (`'queued'`), as an IntakeSubmittedEvent. Detail: `{ intakeId, status }` only. */
  onIopIntakeSubmitted?: (e: CustomEvent<IntakeSubmittedDetail>) => void;
};

type IopProviderProps = {
  /** Base URL of the center's IOP API, absolute or relative to the page, e.g. `/api/iop/`. */
  apiBase?: IopProvider["apiBase"];
  /** Language of every widget inside: `en` or `es`. Can change at run time. Unset: the page's `lang`, then the browser's languages. */
  locale?: IopProvider["locale"];
  /** `local` keeps encrypted drafts on this device; `memory` (shared devices) keeps nothing. */
  storage?: IopProvider["storage"];
};

type IopSchedulePickerProps = {
  /** Preselects a family of tracks by audience, e.g. `healthcare-professionals`. */
  audience?: IopSchedulePicker["audience"];
  /** A track id: skips the track step and books an assessment for that track. */
  track?: IopSchedulePicker["track"];
  /** The visitor's IANA time zone; defaults to the device's. Times show in it beside the center's when different. */
  visitorTimeZone?: IopSchedulePicker["visitorTimeZone"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  apiBase?: IopSchedulePicker["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopSchedulePicker["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopSchedulePicker["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopSchedulePicker["isolation"];

  /** An assessment was booked (a BookingConfirmedEvent). Detail: `{ bookingId, status }` only. */
  onIopBookingConfirmed?: (e: CustomEvent<BookingConfirmedDetail>) => void;
};

export type CustomElements = {
  /**
   * Browse, filter and RSVP to alumni, family and peer sessions.
   * ---
   *
   *
   * ### **Events:**
   *  - **iop-rsvp-confirmed** - An RSVP was confirmed, waitlisted or queued (an IopRsvpConfirmedEvent). Detail: `{ rsvpId, status }` only.
   *
   * ### **CSS Properties:**
   *  - **--iop-color-accent** - Buttons, links and selected states. _(default: undefined)_
   * - **--iop-color-surface** - Background of cards. _(default: undefined)_
   * - **--iop-color-border** - Card borders. _(default: undefined)_
   * - **--iop-color-success** - The "happening now" badge and confirmations. _(default: undefined)_
   * - **--iop-radius** - Corner radius. _(default: undefined)_
   * - **--iop-space** - Base spacing unit. _(default: undefined)_
   * - **--iop-frame-initial-height** - Frame mode: room kept for the frame until it reports its height. _(default: 40rem)_
   *
   * ### **CSS Parts:**
   *  - **setup-problem** - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
   * - **filters** - The search field and filter groups.
   * - **results** - The list or week of sessions.
   * - **session** - One session in the list or week.
   * - **detail** - A session's details.
   * - **rsvp-form** - The RSVP form.
   * - **confirmation** - What the person sees after sending an RSVP.
   * - **button** - Every button.
   */
  "iop-alumni-browser": DefineComponent<IopAlumniBrowserProps>;

  /**
   * Verifies insurance benefits for IOP and shows a transparent cost estimate.
   * ---
   *
   *
   * ### **Events:**
   *  - **iop-eligibility-checked** - A check answered (an IopEligibilityCheckedEvent). Detail: `{ checkId, status: 'complete' | 'pending' | 'callback' }` only.
   *
   * ### **CSS Properties:**
   *  - **--iop-color-accent** - Buttons, links and the highlighted insurer. _(default: #0b5f73)_
   * - **--iop-color-error** - Error messages and invalid borders. _(default: #b3261e)_
   * - **--iop-color-success** - Confirmations. _(default: #1e6b35)_
   * - **--iop-color-focus** - Focus ring. _(default: #ffbf47)_
   * - **--iop-color-border** - Inputs, the insurer list and panels. _(default: #6b7580)_
   * - **--iop-radius** - Corner radius. _(default: 6px)_
   * - **--iop-space** - Base spacing unit. _(default: 1rem)_
   * - **--iop-frame-initial-height** - Frame mode: room kept for the frame until it reports its height. _(default: 28rem)_
   *
   * ### **CSS Parts:**
   *  - **setup-problem** - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
   * - **reference** - The receipt's reference to read out on the phone.
   * - **error-summary** - The "There is a problem" box after a failed submit.
   * - **estimate** - The cost estimate panel.
   */
  "iop-insurance-verification": DefineComponent<IopInsuranceVerificationProps>;

  /**
   * Confidential screening for an intensive outpatient program, with a safety interrupt and save & resume.
   * ---
   *
   *
   * ### **Events:**
   *  - **iop-intake-submitted** - Answers were sent (`status: 'sent'`) or saved to send later (`'queued'`), as an IntakeSubmittedEvent. Detail: `{ intakeId, status }` only.
   *
   * ### **CSS Properties:**
   *  - **--iop-crisis-color** - Border, heading and button colour of the crisis panel. _(default: #7a1020)_
   * - **--iop-crisis-surface** - Background of the crisis panel. _(default: #fff4f4)_
   * - **--iop-color-accent** - Buttons, links, selected states. _(default: #0b5f73)_
   * - **--iop-color-error** - Error messages and the "Leave this page" button. _(default: #b3261e)_
   * - **--iop-frame-initial-height** - Frame mode: room kept for the frame until it reports its height. _(default: 42rem)_
   *
   * ### **CSS Parts:**
   *  - **setup-problem** - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
   * - **reference** - The receipt's reference to read out on the phone.
   * - **crisis** - The crisis panel (988, chat, 911).
   * - **step** - The current step's content.
   * - **receipt** - The receipt after submitting.
   * - **error-summary** - "There is a problem" after a failed Continue.
   */
  "iop-intake-screener": DefineComponent<IopIntakeScreenerProps>;

  /**
   * Shares the center's API, storage mode and language with the widgets inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The IOP widgets (and any other content) to configure.
   */
  "iop-provider": DefineComponent<IopProviderProps>;

  /**
   * Choose a program track, then book an assessment time in the center's or your own time zone.
   * ---
   *
   *
   * ### **Events:**
   *  - **iop-booking-confirmed** - An assessment was booked (a BookingConfirmedEvent). Detail: `{ bookingId, status }` only.
   *
   * ### **CSS Properties:**
   *  - **--iop-color-accent** - Buttons, selected day, focus accents. _(default: #0b5f73)_
   * - **--iop-color-border** - Card and calendar borders. _(default: #6b7580)_
   * - **--iop-color-muted** - Hints and secondary times. _(default: #4d5661)_
   * - **--iop-color-error** - Errors and "just taken". _(default: #b3261e)_
   * - **--iop-color-success** - The confirmation. _(default: #1e6b35)_
   * - **--iop-radius** - Corner radius. _(default: 6px)_
   * - **--iop-space** - Base spacing unit. _(default: 1rem)_
   * - **--iop-frame-initial-height** - Frame mode: room kept for the frame until it reports its height. _(default: 40rem)_
   *
   * ### **CSS Parts:**
   *  - **setup-problem** - Shown instead of the widget when the API does not accept this page's origin (IOP_ALLOWED_ORIGINS).
   * - **reference** - The receipt's reference to read out on the phone.
   * - **track-card** - One program track in the track step.
   * - **calendar** - The grid of days with free times.
   * - **time-list** - The free times of the chosen day.
   * - **hold** - The notice showing how long a time is held.
   * - **confirmation** - The booked appointment.
   * - **error-summary** - "There is a problem" above the details form.
   */
  "iop-schedule-picker": DefineComponent<IopSchedulePickerProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
