import { css, unsafeCSS } from 'lit';
import { reservedBlockSize } from '../shared/first-screen-reservation.js';
import { formStyles } from '../shared/form.styles.js';
import { themeStyles } from '../shared/theme.js';

export const schedulePickerStyles = [
  themeStyles,
  formStyles,
  css`
    :host {
      display: block;
      --iop-reserved-block-size: ${unsafeCSS(reservedBlockSize['iop-schedule-picker'])};
    }
    h2 {
      font-size: 1.5em;
      margin: 0 0 0.5em;
    }
    h3 {
      font-size: 1.15em;
      margin: 1em 0 0.5em;
    }
    .progress,
    .hint,
    .secondary {
      color: var(--iop-color-muted, #4d5661);
    }
    .progress {
      margin: 0;
    }
    .filters {
      border: 1px solid var(--iop-color-border, #6b7580);
      border-radius: var(--iop-radius, 6px);
      padding: var(--iop-space, 1rem);
      margin: 0 0 var(--iop-space, 1rem);
    }
    .filters > legend {
      font-size: 1.15em;
      padding-inline: 0.25em;
    }
    .cards,
    .times,
    .plain {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: calc(var(--iop-space, 1rem) / 2);
    }
    .cards {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
      gap: var(--iop-space, 1rem);
    }
    .card {
      border: 1px solid var(--iop-color-border, #6b7580);
      border-radius: var(--iop-radius, 6px);
      padding: var(--iop-space, 1rem);
      display: flex;
      flex-direction: column;
    }
    .card h3 {
      margin-top: 0;
    }
    .card button {
      margin-top: auto;
      align-self: flex-start;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0 0 0.4em;
    }
    .notice--error {
      border-inline-start-color: var(--iop-color-error, #b3261e);
    }
    .notice--warning {
      border-inline-start-width: 8px;
    }
    .view-switch,
    .calendar-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      margin-block: 0.5em;
    }
    .calendar-nav h3 {
      flex: 1;
      text-align: center;
      margin: 0;
    }
    button[aria-pressed='true'] {
      background: var(--iop-color-accent, #0b5f73);
      color: var(--iop-color-accent-contrast, #ffffff);
    }
    button:disabled {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .button--link {
      background: none;
      border: 0;
      padding: 0 0.25em;
      min-height: 0;
      color: var(--iop-color-accent, #0b5f73);
      text-decoration: underline;
    }
    table {
      inline-size: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    th {
      font-weight: 600;
      padding: 0.25em;
    }
    td {
      border: 1px solid var(--iop-color-border, #6b7580);
      text-align: center;
      padding: 0.35em 0.1em;
      min-height: 44px;
      cursor: pointer;
    }
    td .count {
      display: block;
      font-size: 0.85em;
      color: var(--iop-color-muted, #4d5661);
    }
    td.has-free {
      font-weight: 600;
    }
    td[aria-selected='true'] {
      background: var(--iop-color-accent, #0b5f73);
      color: var(--iop-color-accent-contrast, #ffffff);
    }
    td[aria-selected='true'] .count {
      color: inherit;
    }
    td[aria-disabled='true'] {
      color: var(--iop-color-muted, #4d5661);
      cursor: default;
    }
    .times button {
      inline-size: 100%;
      text-align: start;
    }
    /* Compact times: several per row, so a whole day fits one phone screen. */
    .times--compact {
      grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
    }
    .times--compact button {
      padding: 0.25em 0.35em;
      text-align: center;
    }
    .time-mode {
      display: block;
      font-size: 0.8em;
      font-weight: 400;
    }
    .day-part h4 {
      margin: 0.75em 0 0.35em;
    }
    .part-count {
      font-weight: 400;
      color: var(--iop-color-muted, #4d5661);
    }
    .show-more {
      margin-block-start: 0.5em;
    }
    .summary-row {
      display: grid;
      grid-template-columns: minmax(8em, 1fr) 2fr auto;
      gap: 0.5em;
      border-block-end: 1px solid var(--iop-color-border, #6b7580);
      padding-block: 0.5em;
    }
    .summary-row dd {
      margin: 0;
    }
    .confirmation {
      border: 4px solid var(--iop-color-success, #1e6b35);
      border-radius: var(--iop-radius, 6px);
      padding: var(--iop-space, 1rem);
    }
  `,
];
