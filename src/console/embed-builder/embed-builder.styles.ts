import { css } from 'lit';

export const embedBuilderStyles = css`
  .builder {
    display: grid;
    gap: 2em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
  }
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
  .radio,
  .checkbox {
    display: flex;
    gap: 0.5em;
    align-items: center;
    margin-block-end: 0.5em;
  }
  .radio input,
  .checkbox input {
    min-height: 24px;
    inline-size: 24px;
    block-size: 24px;
  }
  .radio label,
  .checkbox label {
    font-weight: 400;
    margin: 0;
  }
  .colours {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.5em;
  }
  .colour {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .colour label {
    font-weight: 400;
    margin: 0;
  }
  .colour input {
    inline-size: 3rem;
    padding: 2px;
  }
  textarea {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
  }
  .error-message {
    color: #a4161a;
    font-weight: 700;
  }
  .preview {
    border: 2px dashed #c9ced4;
    border-radius: var(--iop-radius);
    padding: 1em;
  }
`;
