import { css, unsafeCSS } from 'lit';
import { reservedBlockSize } from '../shared/first-screen-reservation.js';

export const insuranceVerificationStyles = css`
  :host {
    display: block;
    --iop-reserved-block-size: ${unsafeCSS(reservedBlockSize['iop-insurance-verification'])};
  }
  h2,
  h3 {
    line-height: 1.25;
    margin-block: 0 0.5em;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  .progress {
    color: var(--iop-color-muted, #4d5661);
    margin-block-end: 0.25em;
  }
  .combobox {
    position: relative;
    max-inline-size: 32em;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0;
    max-block-size: 16em;
    overflow-y: auto;
    border: 2px solid var(--iop-color-border, #6b7580);
    border-radius: var(--iop-radius, 6px);
    background: var(--iop-color-surface, #ffffff);
  }
  [role='option'] {
    padding: 0.6em 0.75em;
    min-block-size: 44px;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    background: var(--iop-color-accent, #0b5f73);
    color: var(--iop-color-accent-contrast, #ffffff);
    outline: 3px solid var(--iop-color-focus, #ffbf47);
    outline-offset: -3px;
  }
  .option-alias {
    display: block;
    font-size: 0.875em;
  }
  .link-button {
    background: none;
    border: 0;
    color: var(--iop-color-accent, #0b5f73);
    text-decoration: underline;
    padding: 0.5em 0;
  }
  .choice-block {
    margin-block: var(--iop-space, 1rem);
  }
  .panel {
    border: 2px solid var(--iop-color-border, #6b7580);
    border-radius: var(--iop-radius, 6px);
    padding: var(--iop-space, 1rem);
    margin-block: var(--iop-space, 1rem);
  }
  .estimate-figure {
    font-size: 1.5em;
    font-weight: 700;
    margin-block: 0.25em;
  }
  .photos {
    display: grid;
    gap: var(--iop-space, 1rem);
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
  }
  .photo img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border-radius: var(--iop-radius, 6px);
    margin-block: 0.5em;
  }
  input[type='file'] {
    font: inherit;
    max-inline-size: 100%;
  }
  ul.facts,
  ul.assumptions {
    padding-inline-start: 1.25em;
  }
  .success {
    border-inline-start-color: var(--iop-color-success, #1e6b35);
  }
`;
