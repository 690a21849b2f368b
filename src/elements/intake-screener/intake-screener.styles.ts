import { css, unsafeCSS } from 'lit';
import { reservedBlockSize } from '../shared/first-screen-reservation.js';

export const intakeScreenerStyles = css`
  :host {
    display: block;
    --iop-reserved-block-size: ${unsafeCSS(reservedBlockSize['iop-intake-screener'])};
    --iop-crisis-color: #7a1020;
    --iop-crisis-surface: #fff4f4;
  }
  .screener {
    max-inline-size: 40em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em;
    margin-block-end: var(--iop-space, 1rem);
  }
  .progress {
    color: var(--iop-color-muted, #4d5661);
    margin: 0;
  }
  h2,
  h3 {
    line-height: 1.25;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--iop-color-focus, #ffbf47);
  }
  .link-button {
    background: transparent;
    border: 0;
    color: var(--iop-color-accent, #0b5f73);
    text-decoration: underline;
    padding: 0.5em 0.25em;
    min-height: 44px;
  }
  .leave {
    background: var(--iop-color-error, #b3261e);
    border-color: var(--iop-color-error, #b3261e);
  }
  /* Room kept for "Leave this page" until the center's settings say where it goes. */
  .leave.reserved {
    visibility: hidden;
  }
  .crisis {
    background: var(--iop-crisis-surface);
    border: 3px solid var(--iop-crisis-color);
    border-radius: var(--iop-radius, 6px);
    padding: var(--iop-space, 1rem);
    margin-block: var(--iop-space, 1rem);
  }
  .crisis h3 {
    margin-block-start: 0;
    color: var(--iop-crisis-color);
  }
  .crisis ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    padding: 0;
    margin: 0.5em 0;
  }
  .crisis a {
    display: inline-block;
    min-height: 44px;
    padding: 0.5em 0.9em;
    border-radius: var(--iop-radius, 6px);
    background: var(--iop-crisis-color);
    color: #ffffff;
    font-weight: 600;
  }
  .review dl {
    margin: 0;
  }
  .review-row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25em 1em;
    border-block-end: 1px solid var(--iop-color-border, #6b7580);
    padding-block: 0.5em;
  }
  .review-row dt {
    font-weight: 600;
  }
  .review-row dd {
    margin: 0;
    grid-column: 1;
  }
  .review-row .review-change {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
  }
  .result {
    border-inline-start: 4px solid var(--iop-color-accent, #0b5f73);
    padding-inline-start: var(--iop-space, 1rem);
  }
`;
