import type { IopAlumniBrowser, RsvpConfirmedDetail } from "iop-widgets/alumni-browser";
import type { IopInsuranceVerification, EligibilityCheckedDetail } from "iop-widgets/insurance-verification";
import type { IopIntakeScreener, IntakeSubmittedDetail } from "iop-widgets/intake-screener";
import type { IopProvider } from "iop-widgets/provider";
import type { IopSchedulePicker, BookingConfirmedDetail } from "iop-widgets/schedule-picker";

/**
 * This type can be used to create scoped tags for your components.
 *
 * Usage:
 *
 * ```ts
 * import type { ScopedElements } from "path/to/library/jsx-integration";
 *
 * declare module "my-library" {
 *   namespace JSX {
 *     interface IntrinsicElements
 *       extends ScopedElements<'test-', ''> {}
 *   }
 * }
 * ```
 *
 */
export type ScopedElements<Prefix extends string = "", Suffix extends string = ""> = {
  [Key in keyof CustomElements as `${Prefix}${Key}${Suffix}`]: CustomElements[Key];
};

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: any;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  className?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** For <label> and <output>, lets you associate the label with some control. */
  htmlFor?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Keys tell React which array item each component corresponds to */
  key?: string | number;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: Record<string, string | number>;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

export type IopAlumniBrowserProps = {
  /** `list` (grouped by day, from now) or `week`. */
  view?: IopAlumniBrowser["view"];
  /** How many days ahead to show. */
  "range-days"?: IopAlumniBrowser["rangeDays"];
  /** Mirror the filters (never the search text) in the page URL, so a filtered list can be shared. */
  "sync-url"?: IopAlumniBrowser["syncUrl"];
  /** Title of calendar files; discreet by default ("Appointment"). */
  "calendar-title"?: IopAlumniBrowser["calendarTitle"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  "api-base"?: IopAlumniBrowser["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopAlumniBrowser["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopAlumniBrowser["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopAlumniBrowser["isolation"];

  /** An RSVP was confirmed, waitlisted or queued (an IopRsvpConfirmedEvent). Detail: `{ rsvpId, status }` only. */
  "oniop-rsvp-confirmed"?: (e: CustomEvent<RsvpConfirmedDetail>) => void;
};

export type IopInsuranceVerificationProps = {
  /** The track to estimate the cost of (an id from `GET programs`); the person can change it. */
  "track-id"?: IopInsuranceVerification["trackId"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  "api-base"?: IopInsuranceVerification["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopInsuranceVerification["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopInsuranceVerification["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopInsuranceVerification["isolation"];

  /** A check answered (an IopEligibilityCheckedEvent). Detail: `{ checkId, status: 'complete' | 'pending' | 'callback' }` only. */
  "oniop-eligibility-checked"?: (e: CustomEvent<EligibilityCheckedDetail>) => void;
};

export type IopIntakeScreenerProps = {
  /** Comma-separated instruments, in order: `audit-c`, `audit`, `dast-10`, `phq-9`, `gad-7`, `asq`. Set, it wins over
the center's list (console > settings > screener); unset, the center's list, or `audit-c,dast-10,phq-9,gad-7,asq`
when the center's settings cannot be read. */
  instruments?: IopIntakeScreener["instruments"];
  /** Result thresholds as JSON (see `ResultThresholds` in src/domain/screening-result.ts), used only while the center's
settings cannot be read: the center's saved thresholds are what the server applies, so they win. */
  thresholds?: IopIntakeScreener["thresholds"];
  /** An https address: "Leave this page" clears the form and goes there. Unset, the center's quick-exit address. */
  "quick-exit-url"?: IopIntakeScreener["quickExitUrl"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  "api-base"?: IopIntakeScreener["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopIntakeScreener["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopIntakeScreener["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopIntakeScreener["isolation"];

  /** Answers were sent (`status: 'sent'`) or saved to send later (`'queued'`), as an IntakeSubmittedEvent. Detail: `{ intakeId, status }` only. */
  "oniop-intake-submitted"?: (e: CustomEvent<IntakeSubmittedDetail>) => void;
};

export type IopProviderProps = {
  /** Base URL of the center's IOP API, absolute or relative to the page, e.g. `/api/iop/`. */
  "api-base"?: IopProvider["apiBase"];
  /** Language of every widget inside: `en` or `es`. Can change at run time. Unset: the page's `lang`, then the browser's languages. */
  locale?: IopProvider["locale"];
  /** `local` keeps encrypted drafts on this device; `memory` (shared devices) keeps nothing. */
  storage?: IopProvider["storage"];
};

export type IopSchedulePickerProps = {
  /** Preselects a family of tracks by audience, e.g. `healthcare-professionals`. */
  audience?: IopSchedulePicker["audience"];
  /** A track id: skips the track step and books an assessment for that track. */
  track?: IopSchedulePicker["track"];
  /** The visitor's IANA time zone; defaults to the device's. Times show in it beside the center's when different. */
  "visitor-time-zone"?: IopSchedulePicker["visitorTimeZone"];
  /** Base URL of the center's IOP API, e.g. `/api/iop/`; falls back to `<iop-provider>`. */
  "api-base"?: IopSchedulePicker["apiBase"];
  /** `en` or `es`; falls back to `<iop-provider>`, then the page's `lang`, then the browser's languages. The language switch sets it. */
  locale?: IopSchedulePicker["locale"];
  /** `memory` for shared devices: nothing is saved on the device, and the widget says so. */
  storage?: IopSchedulePicker["storage"];
  /** `frame` renders the widget in a frame from the API origin, out of the page scripts' reach; `inline` renders it in the page. */
  isolation?: IopSchedulePicker["isolation"];

  /** An assessment was booked (a BookingConfirmedEvent). Detail: `{ bookingId, status }` only. */
  "oniop-booking-confirmed"?: (e: CustomEvent<BookingConfirmedDetail>) => void;
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
  "iop-alumni-browser": Partial<IopAlumniBrowserProps & BaseProps & BaseEvents>;

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
  "iop-insurance-verification": Partial<IopInsuranceVerificationProps & BaseProps & BaseEvents>;

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
  "iop-intake-screener": Partial<IopIntakeScreenerProps & BaseProps & BaseEvents>;

  /**
   * Shares the center's API, storage mode and language with the widgets inside it.
   * ---
   *
   *
   * ### **Slots:**
   *  - _default_ - The IOP widgets (and any other content) to configure.
   */
  "iop-provider": Partial<IopProviderProps & BaseProps & BaseEvents>;

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
  "iop-schedule-picker": Partial<IopSchedulePickerProps & BaseProps & BaseEvents>;
};
