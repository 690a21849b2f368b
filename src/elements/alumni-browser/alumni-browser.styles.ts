import { css, unsafeCSS } from 'lit';
import { reservedBlockSize } from '../shared/first-screen-reservation.js';
import { formStyles } from '../shared/form.styles.js';
import { themeStyles } from '../shared/theme.js';

export const alumniBrowserStyles = [
  themeStyles,
  formStyles,
  css`
    :host {
      display: block;
      --iop-reserved-block-size: ${unsafeCSS(reservedBlockSize['iop-alumni-browser'])};
    }
    h2 {
      font-size: 1.4em;
      margin: 0 0 0.25em;
    }
    h3 {
      font-size: 1.15em;
      margin: 1em 0 0.5em;
    }
    h4 {
      font-size: 1em;
      margin: 0.75em 0 0.25em;
    }
    .hint,
    .muted,
    .more {
      color: var(--iop-color-muted, #4d5661);
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .banner {
      border-inline-start: 4px solid var(--iop-color-accent, #0b5f73);
      padding: 0.5em 0.75em;
      background: var(--iop-color-surface, #ffffff);
    }
    details {
      margin-block-end: var(--iop-space, 1rem);
    }
    summary {
      cursor: pointer;
      min-height: 44px;
      display: flex;
      align-items: center;
      font-weight: 600;
      color: var(--iop-color-accent, #0b5f73);
    }
    .facet-groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
      gap: 0 var(--iop-space, 1rem);
    }
    .button {
      font: inherit;
      min-height: 44px;
      padding: 0.4em 1em;
      border: 2px solid var(--iop-color-accent, #0b5f73);
      border-radius: var(--iop-radius, 6px);
      background: var(--iop-color-accent, #0b5f73);
      color: var(--iop-color-accent-contrast, #ffffff);
      font-weight: 600;
      cursor: pointer;
    }
    .button[disabled] {
      opacity: 0.7;
      cursor: progress;
    }
    .button--toggle {
      background: transparent;
      color: var(--iop-color-accent, #0b5f73);
    }
    .button--toggle[aria-pressed='true'] {
      background: var(--iop-color-accent, #0b5f73);
      color: var(--iop-color-accent-contrast, #ffffff);
    }
    .link-button {
      font: inherit;
      background: none;
      border: 0;
      padding: 0.5em 0;
      min-height: 44px;
      color: var(--iop-color-accent, #0b5f73);
      text-decoration: underline;
      cursor: pointer;
      text-align: start;
    }
    .link-button[aria-current='date'] {
      font-weight: 700;
    }
    a {
      color: var(--iop-color-accent, #0b5f73);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.75em;
    }
    .views {
      display: flex;
      gap: 0.5em;
    }
    .count {
      font-weight: 600;
    }
    .day,
    .week-day {
      /* Days off screen skip layout and paint; the intrinsic size keeps the scrollbar steady. */
      content-visibility: auto;
      contain-intrinsic-size: auto 12em;
    }
    .sessions,
    .links {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5em;
    }
    .session-button,
    .my-rsvp {
      inline-size: 100%;
      display: grid;
      grid-template-columns: 7.5em 1fr;
      gap: 0.1em 0.75em;
      padding: 0.6em 0.75em;
      font: inherit;
      color: inherit;
      text-align: start;
      background: var(--iop-color-surface, #ffffff);
      border: 1px solid var(--iop-color-border, #6b7580);
      border-radius: var(--iop-radius, 6px);
      cursor: pointer;
    }
    .my-rsvp {
      display: block;
      cursor: auto;
    }
    .my-rsvp p {
      margin: 0 0 0.4em;
    }
    .session-button > :not(.session-time) {
      grid-column: 2;
    }
    .session-time {
      grid-row: 1 / span 4;
      font-weight: 600;
    }
    .session-title {
      font-weight: 600;
      color: var(--iop-color-accent, #0b5f73);
      text-decoration: underline;
    }
    .session-meta,
    .seats {
      color: var(--iop-color-muted, #4d5661);
    }
    .badge {
      justify-self: start;
      padding: 0 0.5em;
      border-radius: var(--iop-radius, 6px);
      font-weight: 600;
    }
    .badge--now {
      background: var(--iop-color-success, #1e6b35);
      color: var(--iop-color-accent-contrast, #ffffff);
    }
    .week-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .week {
      display: grid;
      gap: var(--iop-space, 1rem);
    }
    .empty {
      padding: var(--iop-space, 1rem);
      border: 1px dashed var(--iop-color-border, #6b7580);
      border-radius: var(--iop-radius, 6px);
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25em 1em;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .block {
      display: block;
    }
    .confirmation {
      border-inline-start: 6px solid var(--iop-color-success, #1e6b35);
      padding: 0.25em var(--iop-space, 1rem);
    }
    .confirmation--waitlisted,
    .confirmation--queued {
      border-inline-start-color: var(--iop-color-accent, #0b5f73);
    }
    .success {
      color: var(--iop-color-success, #1e6b35);
      font-weight: 600;
    }
  `,
];
