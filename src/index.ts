/**
 * `iop-widgets`: every element, defined on import, plus the client and the contract.
 * The CDN build bundles this file into `dist/cdn/iop-widgets.js` for a plain script tag.
 */
// First, before anything that loads Lit: these two need no Lit, so they still work when Lit cannot
// start (a host with `trusted-types 'none'`) and inside the isolation frame.
import './elements/shared/trusted-types-fallback.js';
import './elements/shared/frame-child.js';
export * from './client.js';
export { IopProvider } from './elements/provider/provider.js';
export { IopSchedulePicker, BookingConfirmedEvent } from './elements/schedule-picker/schedule-picker.js';
export { IopIntakeScreener, IntakeSubmittedEvent } from './elements/intake-screener/intake-screener.js';
export { IopInsuranceVerification, IopEligibilityCheckedEvent } from './elements/insurance-verification/insurance-verification.js';
export { IopAlumniBrowser, IopRsvpConfirmedEvent } from './elements/alumni-browser/alumni-browser.js';
export { outcomeEventTypes } from './elements/events.js';
export type {
  OutcomeEventType,
  BookingConfirmedDetail,
  IntakeSubmittedDetail,
  EligibilityCheckedDetail,
  EligibilityCheckedStatus,
  RsvpConfirmedDetail,
  RsvpStatus,
} from './elements/events.js';
export { IopWidgetElement } from './elements/shared/iop-widget-element.js';
export { ConfigController } from './elements/shared/config-controller.js';
export { iopContext } from './elements/shared/iop-context.js';
export type { IopConfig } from './elements/shared/iop-context.js';
export { openStore } from './store/store.js';
export type { IopStore, StorageMode } from './store/store.js';
export { themeTokens } from './elements/shared/theme.js';
