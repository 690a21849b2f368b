import { css } from 'lit';

export const settingsPageStyles = css`
  fieldset {
    border: 1px solid #c9ced4;
    border-radius: var(--iop-radius);
    margin: 0 0 1em;
    padding: 0.75em 1em;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
  }
  fieldset.spanish {
    border-inline-start: 5px solid var(--iop-color-accent);
  }
  .checkbox {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .checkbox input {
    inline-size: 24px;
    block-size: 24px;
    min-height: 24px;
  }
  .checkbox label {
    font-weight: 400;
    margin: 0;
  }
  .item {
    border: 2px solid #c9ced4;
    border-radius: var(--iop-radius);
    padding: 1em;
    margin-block-end: 1em;
  }
  .item > h3,
  .item > h4 {
    margin-block-start: 0;
  }
  .grid {
    display: grid;
    gap: 0 1em;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
  }
  .conflict:focus {
    outline: 3px solid #ffbf47;
  }
  .section-nav {
    list-style: none;
    padding: 0;
    margin: 0 0 1.5em;
    gap: 0.5em;
  }
  .section-nav button[aria-current='page'] {
    background: var(--iop-color-accent);
    color: #ffffff;
  }
  ul.dates {
    columns: 2 14rem;
  }
`;
