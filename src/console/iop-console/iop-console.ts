/**
 * @summary The center console: passkey sign-in (or enrolment from an invitation link), then the work
 * queue, a record, staff accounts and tokens, and the audit trail, by role. Health data stays in this
 * page's memory only.
 */
import { html, LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import type { RecordKind } from '../../api/staff-schemas.js';
import { toLocale, translate, type Locale } from '../../i18n/locale.js';
import { ConsoleApi } from '../console-api.js';
import type { RecordOpenedEvent } from '../console-events.js';
import { consoleMessages, type ConsoleMessage } from '../console.messages.js';
import { consoleStyles } from '../console.styles.js';
import { SessionController } from '../session-controller.js';
import '../work-queue/work-queue.js';
import '../record-view/record-view.js';
import '../staff-admin/staff-admin.js';
import '../audit-log/audit-log.js';
import '../attendance/attendance-desk.js';
import '../center-setup/center-setup.js';
import { setupMessages } from '../setup.messages.js';

/** Who runs alumni and peer sessions: the attendance desk (check-in codes, marks, letters issued). */
const FACILITATOR_ROLES: readonly string[] = ['admin', 'alumni'];

type View = { name: 'queue' } | { name: 'record'; kind: RecordKind; id: string } | { name: 'staff' } | { name: 'audit' } | { name: 'attendance' } | { name: 'setup' };

export class IopConsole extends LitElement {
  static override styles = [consoleStyles];

  /** @internal */
  readonly api = new ConsoleApi();
  /** @internal */
  readonly session = new SessionController(this, this.api);

  /** @internal */
  @state() view: View = { name: 'queue' };
  /** @internal */
  @state() locale: Locale = toLocale(navigator.language) ?? 'en';
  /** @internal */
  @state() displayName = '';

  #t = (key: ConsoleMessage, params: Record<string, string | number> = {}) => translate(consoleMessages, this.locale, key, params);

  /** @internal Whether the signed-in administrator was already sent to first-run setup. */
  #setupChecked = false;

  override willUpdate(): void {
    // Before the children render and ask: the server answers their problems in this language.
    this.api.language = this.locale;
  }

  override updated(): void {
    document.documentElement.lang = this.locale;
    document.title = this.#t('title');
    const state = this.session.state;
    if (state.phase !== 'signed-in') this.#setupChecked = false;
    else if (!this.#setupChecked && state.principal.role === 'admin') {
      // An unconfigured center (a fresh production install) opens on its first-run setup.
      this.#setupChecked = true;
      void this.api
        .setup()
        .then(({ centerConfigured }) => {
          if (!centerConfigured) this.view = { name: 'setup' };
        })
        .catch(() => undefined);
    }
  }

  #onLocale(event: Event): void {
    this.locale = toLocale((event.target as HTMLSelectElement).value) ?? 'en';
  }

  #onRecordOpened(event: RecordOpenedEvent): void {
    this.view = { name: 'record', kind: event.kind, id: event.recordId };
  }

  #onEnrol(event: SubmitEvent): void {
    event.preventDefault();
    void this.session.enrol(this.displayName.trim());
  }

  #go(view: View): void {
    this.view = view;
  }

  #renderSignedOut() {
    const state = this.session.state;
    if (state.phase !== 'signed-out') return null;
    const problem =
      state.problem === 'passkey' ? this.#t('passkeyProblem') : state.problem === 'load' ? this.#t('loadError') : state.problem === 'signed-out' ? this.#t('signedOutNotice') : null;
    const problemBox = problem ? html`<div class="alert" role="alert">${problem}</div>` : null;
    if (state.inviteToken)
      return html`<section aria-labelledby="enrol-heading">
        <h2 id="enrol-heading">${this.#t('enrolHeading')}</h2>
        ${problemBox}
        <p>${this.#t('enrolIntro')}</p>
        <form @submit=${this.#onEnrol}>
          <div class="field">
            <label for="display-name">${this.#t('displayName')}</label>
            <input id="display-name" name="displayName" autocomplete="name" required maxlength="120" .value=${this.displayName} @input=${(event: InputEvent) => (this.displayName = (event.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" ?disabled=${state.busy}>${this.#t('enrolButton')}</button>
        </form>
      </section>`;
    return html`<section aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">${this.#t('signInHeading')}</h2>
      ${problemBox} ${state.needsFirstAdmin ? html`<p class="notice">${this.#t('noAdminYet')}</p>` : null}
      <p>${this.#t('signInIntro')}</p>
      <button type="button" ?disabled=${state.busy} @click=${() => void this.session.signIn()}>${this.#t('signInButton')}</button>
    </section>`;
  }

  #renderView(role: string) {
    const view = this.view;
    if (view.name === 'record')
      return html`<iop-record-view .api=${this.api} .locale=${this.locale} .kind=${view.kind} .recordId=${view.id} @iop-record-closed=${() => this.#go({ name: 'queue' })}></iop-record-view>`;
    if (view.name === 'staff' && role === 'admin') return html`<iop-staff-admin .api=${this.api} .locale=${this.locale}></iop-staff-admin>`;
    if (view.name === 'audit' && role === 'admin') return html`<iop-audit-log .api=${this.api} .locale=${this.locale}></iop-audit-log>`;
    if (view.name === 'setup' && role === 'admin') return html`<iop-center-setup .api=${this.api} .locale=${this.locale}></iop-center-setup>`;
    if (view.name === 'attendance' && FACILITATOR_ROLES.includes(role)) return html`<iop-attendance-desk .locale=${this.locale}></iop-attendance-desk>`;
    return html`<iop-work-queue .api=${this.api} .locale=${this.locale} .staffRole=${role} @iop-record-opened=${this.#onRecordOpened}></iop-work-queue>`;
  }

  override render() {
    const state = this.session.state;
    const principal = state.phase === 'signed-in' ? state.principal : null;
    const current = (name: View['name']) => (this.view.name === name || (name === 'queue' && this.view.name === 'record') ? 'page' : 'false');
    return html`
      <header>
        <div class="row">
          <h1>${this.#t('title')}</h1>
          <div class="field">
            <label for="locale">${this.#t('language')}</label>
            <select id="locale" @change=${this.#onLocale}>
              <option value="en" ?selected=${this.locale === 'en'}>English</option>
              <option value="es" ?selected=${this.locale === 'es'}>Español</option>
            </select>
          </div>
        </div>
        ${principal
          ? html`<div class="row">
                <p>${this.#t('signedInAs', { name: principal.displayName, role: this.#t(`role-${principal.role}`) })}</p>
                <button type="button" class="secondary" @click=${() => void this.session.signOut(false)}>${this.#t('signOut')}</button>
                <button type="button" class="secondary" @click=${() => void this.session.signOut(true)}>${this.#t('signOutEverywhere')}</button>
              </div>
              ${FACILITATOR_ROLES.includes(principal.role)
                ? html`<nav aria-label=${this.#t('navLabel')}>
                    <div class="row">
                      <button type="button" class="secondary" aria-current=${current('queue')} @click=${() => this.#go({ name: 'queue' })}>${this.#t('navQueue')}</button>
                      <button type="button" class="secondary" aria-current=${current('attendance')} @click=${() => this.#go({ name: 'attendance' })}>${this.#t('navAttendance')}</button>
                      ${principal.role === 'admin'
                        ? html`<button type="button" class="secondary" aria-current=${current('staff')} @click=${() => this.#go({ name: 'staff' })}>${this.#t('navStaff')}</button>
                            <button type="button" class="secondary" aria-current=${current('audit')} @click=${() => this.#go({ name: 'audit' })}>${this.#t('navAudit')}</button>
                            <button type="button" class="secondary" aria-current=${current('setup')} @click=${() => this.#go({ name: 'setup' })}>${translate(setupMessages, this.locale, 'navSetup')}</button>`
                        : null}
                    </div>
                  </nav>`
                : null}`
          : null}
      </header>
      <main>
        ${state.phase === 'checking' ? html`<p role="status">${this.#t('checking')}</p>` : principal ? this.#renderView(principal.role) : this.#renderSignedOut()}
      </main>
    `;
  }
}

if (!customElements.get('iop-console')) customElements.define('iop-console', IopConsole);

declare global {
  interface HTMLElementTagNameMap {
    'iop-console': IopConsole;
  }
}
