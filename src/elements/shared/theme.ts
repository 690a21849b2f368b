import { css } from 'lit';

/**
 * The theme every widget shares. Centers restyle the suite with these custom properties (set on the
 * tags or any ancestor) and with `::part()`; the host page's font is inherited.
 *
 * --iop-color-text, --iop-color-muted, --iop-color-surface, --iop-color-border, --iop-color-accent,
 * --iop-color-accent-contrast, --iop-color-error, --iop-color-success, --iop-color-focus,
 * --iop-radius, --iop-space, --iop-font-family, --iop-font-size
 */
export const themeTokens = [
  ['--iop-color-text', '#1b1f24', 'Body text'],
  ['--iop-color-muted', '#4d5661', 'Hints and secondary text (4.5:1 on the surface)'],
  ['--iop-color-surface', '#ffffff', 'Widget background'],
  ['--iop-color-border', '#6b7580', 'Input and card borders (3:1 on the surface)'],
  ['--iop-color-accent', '#0b5f73', 'Buttons, links, selected states'],
  ['--iop-color-accent-contrast', '#ffffff', 'Text on the accent colour'],
  ['--iop-color-error', '#b3261e', 'Error messages and invalid borders'],
  ['--iop-color-success', '#1e6b35', 'Confirmations'],
  ['--iop-color-focus', '#ffbf47', 'Focus ring (GOV.UK yellow)'],
  ['--iop-radius', '6px', 'Corner radius'],
  ['--iop-space', '1rem', 'Base spacing unit'],
  ['--iop-font-family', 'inherit', 'Font; inherits the page font by default'],
  ['--iop-font-size', '1rem', 'Base font size'],
] as const;

export const themeStyles = css`
  :host {
    color: var(--iop-color-text, #1b1f24);
    font-family: var(--iop-font-family, inherit);
    font-size: var(--iop-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  /* first-screen-reservation.ts: room for the first screen until the person acts. */
  :host(:state(reserving)) {
    min-block-size: var(--iop-reserved-block-size);
  }
  /* language-load-controller.ts: English words about to become Spanish are not shown. */
  :host(:state(translating)) {
    visibility: hidden;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--iop-color-focus, #ffbf47);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .notice {
    border-inline-start: 4px solid var(--iop-color-accent, #0b5f73);
    padding: calc(var(--iop-space, 1rem) / 2) var(--iop-space, 1rem);
    margin-block: calc(var(--iop-space, 1rem) / 2);
  }
  button,
  a.button {
    font: inherit;
    min-height: 44px;
    padding: 0.5em 1.25em;
    border-radius: var(--iop-radius, 6px);
    border: 2px solid var(--iop-color-accent, #0b5f73);
    background: var(--iop-color-accent, #0b5f73);
    color: var(--iop-color-accent-contrast, #ffffff);
    cursor: pointer;
  }
  /* A link that does what a button does (a calendar download) looks like one. */
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  .reference-code {
    font-size: 1.25em;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .reference .hint {
    display: block;
  }
  .language-switch {
    display: flex;
    justify-content: flex-end;
    gap: 0.25em;
    margin-block-end: calc(var(--iop-space, 1rem) / 2);
  }
  .language-switch .language-option {
    min-height: 44px;
    padding: 0.25em 0.75em;
    background: transparent;
    color: var(--iop-color-accent, #0b5f73);
    border: 2px solid transparent;
    text-decoration: underline;
  }
  .language-switch .language-option[aria-pressed='true'] {
    border-color: var(--iop-color-accent, #0b5f73);
    text-decoration: none;
    font-weight: 600;
  }
  /* Busy buttons stay focusable (aria-disabled, not disabled), so focus is not lost while a request runs. */
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: progress;
  }
`;
