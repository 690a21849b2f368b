import { css } from 'lit';

/** Styles for `form-fields.ts`: large targets, visible focus, errors marked by more than colour. */
export const formStyles = css`
  .field {
    margin: 0 0 calc(var(--iop-space, 1rem) * 1.25);
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .field--error {
    border-inline-start: 4px solid var(--iop-color-error, #b3261e);
    padding-inline-start: calc(var(--iop-space, 1rem) * 0.75);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  .legend--heading {
    font-size: 1.25em;
  }
  .hint {
    color: var(--iop-color-muted, #4d5661);
    margin-block-end: 0.4em;
  }
  .error-message {
    color: var(--iop-color-error, #b3261e);
    font-weight: 600;
    margin: 0 0 0.4em;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='date'],
  input[type='number'],
  input[type='search'],
  input:not([type]),
  select,
  textarea {
    font: inherit;
    inline-size: 100%;
    max-inline-size: 32em;
    min-height: 44px;
    padding: 0.4em 0.5em;
    border: 2px solid var(--iop-color-border, #6b7580);
    border-radius: var(--iop-radius, 6px);
    background: var(--iop-color-surface, #ffffff);
    color: inherit;
  }
  .input--short {
    max-inline-size: 12em;
  }
  input[aria-invalid='true'] {
    border-color: var(--iop-color-error, #b3261e);
    border-width: 3px;
  }
  .choices {
    display: grid;
    gap: 0.5em;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.6em;
  }
  .choice input {
    inline-size: 1.5em;
    block-size: 1.5em;
    margin: 0;
    accent-color: var(--iop-color-accent, #0b5f73);
  }
  .choice label {
    font-weight: 400;
    margin: 0;
    padding-block: 0.5em;
  }
  .choice-hint {
    grid-column: 2;
  }
  .error-summary {
    border: 4px solid var(--iop-color-error, #b3261e);
    padding: var(--iop-space, 1rem);
    margin-block-end: var(--iop-space, 1rem);
  }
  .error-summary h2 {
    margin-block-start: 0;
    font-size: 1.2em;
  }
  .error-summary a {
    color: var(--iop-color-error, #b3261e);
    font-weight: 600;
  }
  .button--secondary {
    background: transparent;
    color: var(--iop-color-accent, #0b5f73);
  }
  .button-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    margin-block-start: var(--iop-space, 1rem);
  }
`;
