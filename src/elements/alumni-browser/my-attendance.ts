import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AttendanceRecord } from '../../api/attendance-schemas.js';
import { ClientError } from '../../client/errors.js';
import { monthAround, normaliseCheckInCode, rsvpsToCheckIn, letterPeriodProblem, type LetterTitles } from '../../domain/attendance.js';
import type { MyRsvp } from '../../domain/session-rsvp.js';
import { formatTime } from '../../i18n/format.js';
import { translate } from '../../i18n/locale.js';
import { ConfigController } from '../shared/config-controller.js';
import { LanguageLoadController, updatedInItsLanguage } from '../shared/language-load-controller.js';
import { alumniBrowserStyles } from './alumni-browser.styles.js';
import { myAttendanceMessages, type MyAttendanceMessage } from './my-attendance.messages.js';

/** A check-in was recorded. Carries an opaque id and a status only: never a session, a date or a name. */
export class IopAttendanceRecordedEvent extends Event {
  static readonly eventName = 'iop-attendance-recorded';
  readonly rsvpId: string;
  readonly status: 'present';
  constructor(rsvpId: string) {
    super(IopAttendanceRecordedEvent.eventName, { bubbles: true, composed: true });
    this.rsvpId = rsvpId;
    this.status = 'present';
  }
}

type Problem = MyAttendanceMessage;
interface Letter {
  readonly url: string;
  readonly code: string;
}

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

function problemOf(error: unknown): Problem {
  if (!(error instanceof ClientError)) return 'serverError';
  if (error.kind === 'offline' || error.kind === 'timeout') return 'offline';
  const codes: Partial<Record<string, Problem>> = {
    'check-in-outside-window': 'outsideWindow',
    'check-in-wrong-code': 'wrongCode',
    'check-in-already-done': 'alreadyDone',
    'check-in-no-rsvp': 'noRsvp',
  };
  const code = error.problem?.code;
  if (code && codes[code]) return codes[code]!;
  if (error.status === 401 || error.status === 404) return 'noRsvp';
  if (error.status === 422) {
    const pointer = (error.problem?.['errors'] as { pointer: string }[] | undefined)?.[0]?.pointer;
    if (pointer === '/from') return 'noAttendanceInRange';
    if (pointer === '/to') return 'badPeriod';
  }
  return 'serverError';
}

/**
 * The person's own attendance in the alumni browser: check in with the facilitator's code, see what
 * was recorded, and ask for an attendance letter. Everything comes from the RSVPs (and their tokens)
 * kept encrypted on this device; nothing is put in the page's URL, title or storage.
 *
 * @summary My attendance: check-in, own record and attendance letters.
 * @fires {IopAttendanceRecordedEvent} iop-attendance-recorded - A check-in was recorded: `rsvpId` (opaque) and `status` only.
 * @csspart attendance - The section.
 */
export class IopMyAttendance extends LitElement {
  static override styles = [
    alumniBrowserStyles,
    css`
      .records {
        list-style: none;
        padding: 0;
      }
      .records li {
        padding: 0.4em 0;
        border-block-end: 1px solid var(--iop-color-border, #c9ced6);
      }
      .letter {
        margin-block-start: var(--iop-space, 1rem);
      }
      .dates {
        display: flex;
        gap: var(--iop-space, 1rem);
        flex-wrap: wrap;
      }
    `,
  ];

  /** @internal */
  private readonly settings = new ConfigController(this);
  /** @internal */
  protected readonly languageLoad = new LanguageLoadController(this);
  /** @internal */
  private letterUrl?: string;
  /** @internal */
  private loadToken = 0;

  /** @internal */
  @state() private records = new Map<string, AttendanceRecord>();
  /** @internal */
  @state() private loading = false;
  /** @internal */
  @state() private codes: Record<string, string> = {};
  /** @internal */
  @state() private checkInProblem: Record<string, Problem> = {};
  /** @internal */
  @state() private checkedIn = new Set<string>();
  /** @internal */
  @state() private from = monthAround(localToday()).from;
  /** @internal */
  @state() private to = monthAround(localToday()).to;
  /** @internal */
  @state() private participantName = '';
  /** @internal */
  @state() private titles: LetterTitles = 'discreet';
  /** @internal */
  @state() private letterProblem?: Problem;
  /** @internal */
  @state() private requesting = false;
  /** @internal */
  @state() private letter?: Letter;

  /** The person's RSVPs as the alumni browser keeps them (with their tokens). */
  @property({ attribute: false }) rsvps: readonly MyRsvp[] = [];
  /** Session titles and time zone by session id, to name each RSVP on screen (never sent anywhere). */
  @property({ attribute: false }) sessions: ReadonlyMap<string, { readonly title: string; readonly timeZone: string }> = new Map();
  /** Base URL of the center's IOP API; falls back to the nearest `<iop-provider>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** `en` or `es`. */
  @property() locale?: string;

  /** @internal */
  protected override getUpdateComplete(): Promise<boolean> {
    return updatedInItsLanguage(() => super.getUpdateComplete());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.letterUrl) URL.revokeObjectURL(this.letterUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rsvps') || changed.has('apiBase')) void this.loadRecords();
  }

  private async onCheckIn(event: Event, rsvp: MyRsvp): Promise<void> {
    event.preventDefault();
    const id = rsvp.id!;
    const code = normaliseCheckInCode(this.codes[id] ?? '');
    if (!code) {
      this.checkInProblem = { ...this.checkInProblem, [id]: 'codeFormat' };
      this.focusLater(`#code-${id}`);
      return;
    }
    try {
      const record = await this.settings.config!.client.checkIn(id, rsvp.token!, { code });
      this.records = new Map(this.records).set(id, record);
      this.checkedIn = new Set(this.checkedIn).add(id);
      this.checkInProblem = Object.fromEntries(Object.entries(this.checkInProblem).filter(([key]) => key !== id));
      this.dispatchEvent(new IopAttendanceRecordedEvent(id));
      this.focusLater(`#checked-in-${id}`);
    } catch (error) {
      this.checkInProblem = { ...this.checkInProblem, [id]: problemOf(error) };
      this.focusLater(`#code-${id}`);
    }
  }

  private async onRequestLetter(event: Event): Promise<void> {
    event.preventDefault();
    this.letter = undefined;
    if (!this.participantName.trim()) return this.failLetter('nameMissing', '#letter-name');
    if (letterPeriodProblem(this.from, this.to)) return this.failLetter('badPeriod', '#letter-to');
    const rsvps = this.rsvps.filter((rsvp) => rsvp.id && rsvp.token).map((rsvp) => ({ id: rsvp.id!, token: rsvp.token! }));
    if (rsvps.length === 0) return this.failLetter('noAttendanceInRange', '#letter-from');
    this.requesting = true;
    this.letterProblem = undefined;
    try {
      const letter = await this.settings.config!.client.requestAttendanceLetter({
        rsvps,
        from: this.from,
        to: this.to,
        titles: this.titles,
        participantName: this.participantName.trim(),
        locale: this.settings.locale,
      });
      const bytes = Uint8Array.from(atob(letter.pdfBase64), (char) => char.charCodeAt(0));
      if (this.letterUrl) URL.revokeObjectURL(this.letterUrl);
      this.letterUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
      this.letter = { url: this.letterUrl, code: letter.verificationCode };
      this.focusLater('#letter-ready');
    } catch (error) {
      this.failLetter(problemOf(error), '#letter-problem');
    } finally {
      this.requesting = false;
    }
  }

  private failLetter(problem: Problem, focus: string): void {
    this.letterProblem = problem;
    this.focusLater(focus);
  }

  private async loadRecords(): Promise<void> {
    const client = this.settings.config?.client;
    const today = localToday();
    const known = this.rsvps.filter((rsvp) => rsvp.id && rsvp.token && rsvp.date <= today);
    if (!client || known.length === 0) return;
    const token = ++this.loadToken;
    this.loading = true;
    const records = new Map<string, AttendanceRecord>();
    await Promise.all(
      known.map(async (rsvp) => {
        // One that fails (cancelled, removed) is simply not shown; the rest still are.
        const record = await client.getAttendance(rsvp.id!, rsvp.token!).catch(() => undefined);
        if (record) records.set(rsvp.id!, record);
      }),
    );
    if (token !== this.loadToken) return;
    this.records = records;
    this.loading = false;
  }

  private focusLater(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private t(key: MyAttendanceMessage, params?: Record<string, string | number>): string {
    return translate(myAttendanceMessages, this.settings.locale, key, params);
  }

  private sessionName(rsvp: MyRsvp): string {
    return `${this.sessions.get(rsvp.sessionId)?.title ?? ''} ${rsvp.date}`.trim();
  }

  private renderCheckIn(rsvp: MyRsvp): TemplateResult {
    const id = rsvp.id!;
    if (this.checkedIn.has(id) || this.records.get(id)?.status === 'present')
      return html`<p id="checked-in-${id}" class="success" role="status" tabindex="-1">${this.sessionName(rsvp)}: ${this.t('checkedIn')}</p>`;
    const problem = this.checkInProblem[id];
    return html`<form class="field ${problem ? 'field--error' : ''}" novalidate @submit=${(event: Event) => this.onCheckIn(event, rsvp)}>
      <label for="code-${id}">${this.t('codeLabel', { session: this.sessionName(rsvp) })}</label>
      <p class="hint" id="code-hint-${id}">${this.t('codeHint')}</p>
      ${problem
        ? html`<p class="error-message" id="code-error-${id}" role="alert"><span class="visually-hidden">${this.t('error')}</span> ${this.t(problem)}</p>`
        : nothing}
      <input
        id="code-${id}"
        class="input--short"
        inputmode="numeric"
        autocomplete="one-time-code"
        maxlength="9"
        aria-describedby="code-hint-${id}${problem ? ` code-error-${id}` : ''}"
        aria-invalid=${problem ? 'true' : 'false'}
        .value=${this.codes[id] ?? ''}
        @input=${(event: Event) => (this.codes = { ...this.codes, [id]: (event.target as HTMLInputElement).value })}
      />
      <button type="submit" class="button" part="button">${this.t('checkIn')}</button>
    </form>`;
  }

  private renderRecord(rsvp: MyRsvp): TemplateResult {
    const record = this.records.get(rsvp.id ?? '');
    const zone = this.sessions.get(rsvp.sessionId)?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const times = [
      record?.arrivedAt ? this.t('arrivedAt', { time: formatTime(record.arrivedAt, this.settings.locale, zone) }) : '',
      record?.leftAt ? this.t('leftAt', { time: formatTime(record.leftAt, this.settings.locale, zone) }) : '',
    ].filter(Boolean);
    return html`<li>
      <strong>${this.sessionName(rsvp)}</strong>: ${this.t(record?.status === 'present' ? 'present' : 'notRecorded')}${times.length ? `, ${times.join(', ')}` : ''}
    </li>`;
  }

  private renderLetter(): TemplateResult {
    const problem = this.letterProblem;
    const describedBy = (hint?: string) => [hint, problem ? 'letter-problem' : ''].filter(Boolean).join(' ') || nothing;
    return html`<form class="letter" novalidate @submit=${this.onRequestLetter}>
      <h4>${this.t('letterHeading')}</h4>
      <p class="hint">${this.t('letterIntro')}</p>
      ${problem
        ? html`<p class="error-message" id="letter-problem" role="alert" tabindex="-1"><span class="visually-hidden">${this.t('error')}</span> ${this.t(problem)}</p>`
        : nothing}
      <div class="dates">
        <div class="field">
          <label for="letter-from">${this.t('from')}</label>
          <input id="letter-from" type="date" .value=${this.from} aria-describedby=${describedBy()} @input=${(event: Event) => (this.from = (event.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="letter-to">${this.t('to')}</label>
          <input id="letter-to" type="date" .value=${this.to} aria-describedby=${describedBy()} @input=${(event: Event) => (this.to = (event.target as HTMLInputElement).value)} />
        </div>
      </div>
      <div class="field">
        <label for="letter-name">${this.t('name')}</label>
        <p class="hint" id="letter-name-hint">${this.t('nameHint')}</p>
        <input
          id="letter-name"
          type="text"
          autocomplete="name"
          maxlength="80"
          aria-describedby=${describedBy('letter-name-hint')}
          aria-invalid=${problem === 'nameMissing' ? 'true' : 'false'}
          .value=${this.participantName}
          @input=${(event: Event) => (this.participantName = (event.target as HTMLInputElement).value)}
        />
      </div>
      <fieldset class="field">
        <legend>${this.t('titles')}</legend>
        ${(['discreet', 'real'] as const).map(
          (choice) => html`<div class="choice">
            <input type="radio" id="titles-${choice}" name="titles" value=${choice} .checked=${this.titles === choice} @change=${() => (this.titles = choice)} />
            <label for="titles-${choice}">${this.t(choice)}</label>
          </div>`,
        )}
      </fieldset>
      <button type="submit" class="button" part="button" ?disabled=${this.requesting}>${this.t(this.requesting ? 'requesting' : 'requestLetter')}</button>
      ${this.letter
        ? html`<div class="success" role="status">
            <p id="letter-ready" tabindex="-1">${this.t('letterReady')} ${this.t('verificationCode', { code: this.letter.code })}</p>
            <p><a href=${this.letter.url} download="attendance-letter.pdf" part="download">${this.t('download')}</a></p>
          </div>`
        : nothing}
    </form>`;
  }

  override render() {
    const today = localToday();
    const toCheckIn = rsvpsToCheckIn(this.rsvps, today);
    const past = this.rsvps.filter((rsvp) => rsvp.id && rsvp.date <= today);
    return html`<section class="attendance" part="attendance" aria-labelledby="attendance-heading" lang=${this.settings.locale}>
      <h3 id="attendance-heading">${this.t('heading')}</h3>
      <p class="hint">${this.t('intro')}</p>
      ${toCheckIn.length ? html`<h4>${this.t('checkInHeading')}</h4>${toCheckIn.map((rsvp) => this.renderCheckIn(rsvp))}` : nothing}
      ${this.loading ? html`<p role="status">${this.t('loading')}</p>` : nothing}
      ${past.length ? html`<ul class="records">${past.map((rsvp) => this.renderRecord(rsvp))}</ul>` : html`<p>${this.t('none')}</p>`}
      ${this.renderLetter()}
    </section>`;
  }
}

if (!customElements.get('iop-my-attendance')) customElements.define('iop-my-attendance', IopMyAttendance);

declare global {
  interface HTMLElementTagNameMap {
    'iop-my-attendance': IopMyAttendance;
  }
  interface HTMLElementEventMap {
    'iop-attendance-recorded': IopAttendanceRecordedEvent;
  }
}
