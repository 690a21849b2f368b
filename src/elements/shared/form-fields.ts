/**
 * Form pieces in the GOV.UK pattern, as template functions so that label, hint, input and error
 * all live in the widget's own shadow root (ID references cannot cross shadow roots).
 * An error shows only once a field was touched and changed, or after a failed submit: the widget
 * decides, and passes `error` only then.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface FieldError {
  /** The id of the field (for radios and checkboxes: of the first input) the summary links to. */
  id: string;
  message: string;
}

interface FieldBase {
  id: string;
  label: string;
  hint?: string;
  /** Shown with a visually hidden prefix, e.g. "Error:". */
  error?: string;
  errorPrefix: string;
}

const describedBy = (field: FieldBase) =>
  [field.hint ? `${field.id}-hint` : '', field.error ? `${field.id}-error` : ''].filter(Boolean).join(' ') || undefined;

const hintAndError = (field: FieldBase) => html`
  ${field.hint ? html`<div class="hint" id="${field.id}-hint">${field.hint}</div>` : nothing}
  ${field.error
    ? html`<p class="error-message" id="${field.id}-error"><span class="visually-hidden">${field.errorPrefix}</span> ${field.error}</p>`
    : nothing}
`;

export interface TextFieldOptions extends FieldBase {
  value: string;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
  /** Narrow inputs for short answers (a member ID, a date). */
  width?: 'short' | 'full';
  onInput: (value: string) => void;
  onBlur?: () => void;
}

export function textField(options: TextFieldOptions): TemplateResult {
  return html`
    <div class="field ${options.error ? 'field--error' : ''}">
      <label for=${options.id}>${options.label}</label>
      ${hintAndError(options)}
      <input
        id=${options.id}
        class=${options.width === 'short' ? 'input--short' : ''}
        type=${options.type ?? 'text'}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        spellcheck="false"
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(options))}
        .value=${live(options.value)}
        @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
        @blur=${() => options.onBlur?.()}
      />
    </div>
  `;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceGroupOptions extends FieldBase {
  choices: readonly Choice[];
  /** Radios: one value. Checkboxes: several. */
  multiple?: boolean;
  value: string | readonly string[] | undefined;
  onChange: (value: string | string[]) => void;
  /** Smaller legend for questions inside a step that already has a heading. */
  legendSize?: 'heading' | 'body';
}

/** A fieldset of radios or checkboxes. The first input's id is `${id}` so an error summary can link to it. */
export function choiceGroup(options: ChoiceGroupOptions): TemplateResult {
  const selected = new Set(Array.isArray(options.value) ? options.value : options.value === undefined ? [] : [options.value]);
  const type = options.multiple ? 'checkbox' : 'radio';
  const change = (choice: string, checked: boolean) => {
    if (!options.multiple) return options.onChange(choice);
    const next = new Set(selected);
    if (checked) next.add(choice);
    else next.delete(choice);
    options.onChange(options.choices.map((c) => c.value).filter((value) => next.has(value)));
  };
  return html`
    <fieldset class="field ${options.error ? 'field--error' : ''}" aria-describedby=${ifDefined(describedBy(options))}>
      <legend class=${options.legendSize === 'heading' ? 'legend--heading' : ''}>${options.label}</legend>
      ${hintAndError(options)}
      <div class="choices">
        ${options.choices.map(
          (choice, index) => html`
            <div class="choice">
              <input
                id=${index === 0 ? options.id : `${options.id}-${index}`}
                type=${type}
                name=${options.id}
                .value=${choice.value}
                .checked=${live(selected.has(choice.value))}
                aria-invalid=${options.error ? 'true' : 'false'}
                aria-describedby=${ifDefined(choice.hint ? `${options.id}-${index}-hint` : undefined)}
                @change=${(event: Event) => change(choice.value, (event.target as HTMLInputElement).checked)}
              />
              <label for=${index === 0 ? options.id : `${options.id}-${index}`}>${choice.label}</label>
              ${choice.hint ? html`<div class="hint choice-hint" id="${options.id}-${index}-hint">${choice.hint}</div>` : nothing}
            </div>
          `,
        )}
      </div>
    </fieldset>
  `;
}

/**
 * "There is a problem" with a link to each field, worded as the field's own message. The widget
 * focuses it after a failed submit (`focusErrorSummary`).
 */
export function errorSummary(title: string, errors: readonly FieldError[]): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const jump = (event: Event, id: string) => {
    event.preventDefault();
    const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
    root.getElementById(id)?.focus();
  };
  return html`
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" part="error-summary">
      <h2 id="error-summary-title">${title}</h2>
      <ul>
        ${errors.map((error) => html`<li><a href="#${error.id}" @click=${(event: Event) => jump(event, error.id)}>${error.message}</a></li>`)}
      </ul>
    </div>
  `;
}

export function focusErrorSummary(root: ShadowRoot | null): void {
  root?.querySelector<HTMLElement>('.error-summary')?.focus();
}
