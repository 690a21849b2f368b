import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { encode } from 'uqr';
import type { CheckInCode, IssuedLetter, Roster, RosterEntry } from '../../api/attendance-schemas.js';
import type { AlumniSession } from '../../api/schemas.js';
import { createClient } from '../../client/client.js';
import { occursOn } from '../../domain/session-recurrence.js';
import { toLocale, translate, type Locale } from '../../i18n/locale.js';
import { createAttendanceDeskClient, DeskError } from './attendance-desk-client.js';
import { attendanceDeskMessages, type AttendanceDeskMessage } from './attendance-desk.messages.js';

type Problem = DeskError['kind'];

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * The facilitator's attendance desk in the center console: pick today's alumni or peer session, show
 * the rotating check-in code (digits and a QR code drawn as SVG rectangles, no markup strings), mark
 * arrivals and leavings by hand, and see the attendance letters issued. Roles alumni and admin.
 *
 * @summary Check-in codes, attendance marks and letters issued, for facilitators.
 * @csspart code - The check-in code digits.
 */
export class IopAttendanceDesk extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .code {
      font-size: 3rem;
      font-weight: 700;
      letter-spacing: 0.2em;
      font-variant-numeric: tabular-nums;
      margin: 0.25rem 0;
    }
    svg {
      inline-size: 12rem;
      block-size: 12rem;
      background: #fff;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      border: 1px solid #8a8f98;
      padding: 0.25rem 0.5rem;
      text-align: start;
    }
    button,
    select,
    input {
      font: inherit;
      min-height: 44px;
    }
    .error {
      color: #a4161a;
    }
  `;

  /** @internal */
  private timer?: ReturnType<typeof setTimeout>;
  /** @internal */
  private client = createAttendanceDeskClient();

  /** @internal */
  @state() private date = localToday();
  /** @internal */
  @state() private sessions: AlumniSession[] = [];
  /** @internal */
  @state() private sessionId = '';
  /** @internal */
  @state() private openSessionId = '';
  /** @internal */
  @state() private code?: CheckInCode;
  /** @internal */
  @state() private roster?: Roster;
  /** @internal */
  @state() private letters?: IssuedLetter[];
  /** @internal */
  @state() private problem?: Problem;

  /** The staff API, e.g. `/api/iop/staff/`. */
  @property({ attribute: 'staff-base' }) staffBase = '/api/iop/staff/';
  /** The public API (for the list of sessions), e.g. `/api/iop/`. */
  @property({ attribute: 'api-base' }) apiBase = '/api/iop/';
  /** `en` or `es`. */
  @property() locale?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSessions();
    void this.loadLetters();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('staffBase')) this.client = createAttendanceDeskClient(this.staffBase);
  }

  private async onOpen(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.sessionId) return;
    this.openSessionId = this.sessionId;
    await Promise.all([this.refreshCode(), this.loadRoster()]);
  }

  private async onMark(entry: RosterEntry, mark: 'arrived' | 'left' | 'not-attended'): Promise<void> {
    await this.attempt(() => this.client.mark(this.openSessionId, { date: this.date, rsvpId: entry.rsvpId, mark }));
    await this.loadRoster();
  }

  /** `clears`: a success here means the staff API answers, so an earlier refusal no longer holds. */
  private async attempt<T>(work: () => Promise<T>, clears = true): Promise<T | undefined> {
    try {
      const value = await work();
      if (clears) this.problem = undefined;
      return value;
    } catch (error) {
      this.problem = error instanceof DeskError ? error.kind : 'server';
      return undefined;
    }
  }

  private async loadSessions(): Promise<void> {
    const list = await this.attempt(() => createClient({ apiBase: this.apiBase }).listAlumniSessions({ from: this.date, to: this.date }), false);
    this.sessions = (list?.sessions ?? []).filter((session) => occursOn(session.recurrence, session.exceptions, this.date));
    this.sessionId = this.sessions[0]?.id ?? '';
  }

  private async loadLetters(): Promise<void> {
    this.letters = (await this.attempt(() => this.client.letters()))?.letters;
  }

  private async loadRoster(): Promise<void> {
    this.roster = await this.attempt(() => this.client.roster(this.openSessionId, this.date));
  }

  /** Fetches the code and schedules the next fetch for when it rotates. */
  private async refreshCode(): Promise<void> {
    clearTimeout(this.timer);
    const code = await this.attempt(() => this.client.code(this.openSessionId, this.date));
    this.code = code;
    if (code) this.timer = setTimeout(() => void this.refreshCode(), Math.max(1000, Date.parse(code.expiresAt) - Date.now() + 250));
  }

  private get language(): Locale {
    return toLocale(this.locale) ?? toLocale(document.documentElement.lang) ?? 'en';
  }

  private t(key: AttendanceDeskMessage, params?: Record<string, string | number>): string {
    return translate(attendanceDeskMessages, this.language, key, params);
  }

  private time(instant: string | null): string {
    return instant ? new Intl.DateTimeFormat(this.language, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant)) : '–';
  }

  private renderQr(code: string) {
    const { size, data } = encode(code, { ecc: 'M', border: 2 });
    const cells = data.flatMap((row, y) => row.map((dark, x) => (dark ? svg`<rect x=${x} y=${y} width="1" height="1"></rect>` : nothing)));
    return html`<svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${this.t('qrLabel')} shape-rendering="crispEdges">${cells}</svg>`;
  }

  private renderRoster(roster: Roster) {
    if (roster.entries.length === 0) return html`<p>${this.t('noRsvps')}</p>`;
    return html`<table>
      <caption>${this.t('rosterHeading')}: ${roster.title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.t('name')}</th>
          <th scope="col">${this.t('status')}</th>
          <th scope="col">${this.t('arrived')}</th>
          <th scope="col">${this.t('left')}</th>
          <td></td>
        </tr>
      </thead>
      <tbody>
        ${roster.entries.map(
          (entry) => html`<tr>
            <th scope="row">${entry.name}</th>
            <td>${this.t(entry.status === 'present' ? 'present' : 'notRecorded')}${entry.method ? ` (${this.t(entry.method === 'code' ? 'byCode' : 'byFacilitator')})` : ''}</td>
            <td>${this.time(entry.arrivedAt)}</td>
            <td>${this.time(entry.leftAt)}</td>
            <td>
              ${entry.status === 'present'
                ? html`${entry.leftAt ? nothing : html`<button type="button" @click=${() => this.onMark(entry, 'left')}>${this.t('markLeft', { name: entry.name })}</button>`}
                    <button type="button" @click=${() => this.onMark(entry, 'not-attended')}>${this.t('undo', { name: entry.name })}</button>`
                : html`<button type="button" @click=${() => this.onMark(entry, 'arrived')}>${this.t('markArrived', { name: entry.name })}</button>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderLetters(letters: IssuedLetter[]) {
    if (letters.length === 0) return html`<p>${this.t('noLetters')}</p>`;
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${this.t('issued')}</th>
          <th scope="col">${this.t('period')}</th>
          <th scope="col">${this.t('sessions')}</th>
          <th scope="col">${this.t('titles')}</th>
          <th scope="col">${this.t('verifications')}</th>
        </tr>
      </thead>
      <tbody>
        ${letters.map(
          (letter) => html`<tr>
            <td>${letter.issuedAt.slice(0, 10)}</td>
            <td>${letter.periodFrom} – ${letter.periodTo}</td>
            <td>${letter.sessions}</td>
            <td>${this.t(letter.titles)}</td>
            <td>${letter.verifications}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<section aria-labelledby="desk-heading" lang=${this.language}>
      <h2 id="desk-heading">${this.t('heading')}</h2>
      ${this.problem ? html`<p class="error" role="alert">${this.t(this.problem)}</p>` : nothing}
      <form @submit=${this.onOpen}>
        <label for="desk-date">${this.t('date')}</label>
        <input
          id="desk-date"
          type="date"
          .value=${this.date}
          @change=${(event: Event) => {
            this.date = (event.target as HTMLInputElement).value;
            void this.loadSessions();
          }}
        />
        ${this.sessions.length
          ? html`<label for="desk-session">${this.t('session')}</label>
              <select id="desk-session" .value=${this.sessionId} @change=${(event: Event) => (this.sessionId = (event.target as HTMLSelectElement).value)}>
                ${this.sessions.map((session) => html`<option value=${session.id} ?selected=${session.id === this.sessionId}>${session.title}</option>`)}
              </select>
              <button type="submit">${this.t('show')}</button>`
          : html`<p>${this.t('noSessions')}</p>`}
      </form>
      ${this.code
        ? html`<h3>${this.t('codeHeading')}</h3>
            <p>${this.t('codeHint')}</p>
            <p class="code" part="code" data-code=${this.code.code}>${this.code.code}</p>
            ${this.renderQr(this.code.code)}
            <p>${this.t('window', { opens: this.time(this.code.opensAt), closes: this.time(this.code.closesAt) })}</p>`
        : nothing}
      ${this.roster ? this.renderRoster(this.roster) : nothing}
      <h3>${this.t('lettersHeading')}</h3>
      ${this.letters ? this.renderLetters(this.letters) : html`<p>${this.problem ? '' : this.t('loading')}</p>`}
    </section>`;
  }
}

if (!customElements.get('iop-attendance-desk')) customElements.define('iop-attendance-desk', IopAttendanceDesk);

declare global {
  interface HTMLElementTagNameMap {
    'iop-attendance-desk': IopAttendanceDesk;
  }
}
