import { css } from 'lit';

/** Shared by every console element: readable type, large targets, focus that always shows. */
export const consoleStyles = css`
  :host {
    display: block;
    --iop-color-accent: #1d4f91;
    --iop-color-urgent: #a4161a;
    --iop-color-muted: #4d5661;
    --iop-color-border: #6b7580;
    --iop-radius: 6px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 0.75em;
  }
  button,
  .button {
    font: inherit;
    min-height: 44px;
    padding: 0.4em 1em;
    border-radius: var(--iop-radius);
    border: 2px solid var(--iop-color-accent);
    background: var(--iop-color-accent);
    color: #ffffff;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
  }
  button.secondary,
  .button.secondary {
    background: #ffffff;
    color: var(--iop-color-accent);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  button.link {
    background: none;
    border: 0;
    color: var(--iop-color-accent);
    text-decoration: underline;
    padding: 0;
    min-height: 24px;
  }
  :focus-visible {
    outline: 3px solid #ffbf47;
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  input,
  select,
  textarea {
    font: inherit;
    min-height: 44px;
    padding: 0.3em 0.5em;
    border: 2px solid var(--iop-color-border);
    border-radius: var(--iop-radius);
    box-sizing: border-box;
    max-inline-size: 100%;
  }
  textarea {
    inline-size: 100%;
    min-height: 6em;
  }
  .field {
    margin-block-end: 1em;
  }
  .hint {
    color: var(--iop-color-muted);
    margin: 0 0 0.3em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    align-items: flex-end;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5em;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em;
    border-block-end: 1px solid #c9ced4;
    vertical-align: top;
  }
  .urgent {
    color: var(--iop-color-urgent);
    font-weight: 700;
  }
  .alert {
    border: 3px solid var(--iop-color-urgent);
    border-radius: var(--iop-radius);
    padding: 0.75em 1em;
    margin-block-end: 1em;
    background: #fdecea;
  }
  .notice {
    border-inline-start: 5px solid var(--iop-color-accent);
    padding: 0.5em 1em;
    margin-block-end: 1em;
    background: #eef3fa;
  }
  .secret {
    font-family: ui-monospace, monospace;
    word-break: break-all;
    background: #f3f4f6;
    padding: 0.5em;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  section {
    margin-block-end: 2em;
  }
`;
