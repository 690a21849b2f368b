/** What a widget tells IsolationController (isolation-controller.ts) and its frame half (isolation-frame.ts). */
import type { ReactiveElement } from 'lit';
import type { OutcomeEventName } from '../../domain/frame-messages.js';

export type Isolation = 'frame' | 'inline';

export interface IsolatedHost extends ReactiveElement {
  isolation?: Isolation;
}

export interface IsolationOptions {
  /** The widget's outcome event, rebuilt on the host from the id and status the frame relays. */
  readonly outcome: { readonly name: OutcomeEventName; readonly create: (id: string, status: string) => Event };
  /** Frame by default when the API is on another origin (the intake screener and the insurance form). */
  readonly frameWhenCrossOrigin?: boolean;
  /** The widget asks for personal data, so trackers on the page are worth a warning in inline mode. */
  readonly collectsPersonalData?: boolean;
  /** Room kept for the frame until it reports its height, e.g. `42rem`; `--iop-frame-initial-height` overrides it. */
  readonly initialHeight?: `${number}rem`;
}
