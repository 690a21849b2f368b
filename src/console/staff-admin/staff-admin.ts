/**
 * @summary Staff accounts (disable), single-use invitation links by role, and per-integration API
 * tokens (issued once, revocable, with their last use). Administrators only.
 */
import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { StaffRole } from '../../api/staff-schemas.js';
import { translate, type Locale } from '../../i18n/locale.js';
import type { ConsoleApi } from '../console-api.js';
import { consoleMessages, type ConsoleMessage } from '../console.messages.js';
import { consoleStyles } from '../console.styles.js';

export class IopStaffAdmin extends LitElement {
  static override styles = [consoleStyles];

  /** @internal The invitation link or token just created: shown once, held in memory only. */
  @state() secret: { kind: 'invite' | 'token'; value: string } | null = null;
  /** @internal */
  @state() problem = false;

  @property({ attribute: false }) api: ConsoleApi | undefined;
  @property() locale: Locale = 'en';

  /** @internal */
  readonly data = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return undefined;
      const [accounts, tokens] = await Promise.all([api.accounts(signal), api.tokens(signal)]);
      return { accounts: accounts.accounts, tokens: tokens.tokens };
    },
    args: () => [this.api] as const,
  });

  #t = (key: ConsoleMessage, params: Record<string, string | number> = {}) => translate(consoleMessages, this.locale, key, params);
  #time = (iso: string | null) => (iso ? new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : this.#t('never'));

  async #act(work: () => Promise<void>): Promise<void> {
    this.problem = false;
    try {
      await work();
      await this.data.run();
    } catch {
      this.problem = true;
    }
  }

  #onInvite(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const role = StaffRole.parse(form.get('role'));
    const name = String(form.get('name') ?? '').trim();
    void this.#act(async () => {
      const invite = await this.api!.invite(role, name || undefined);
      this.secret = { kind: 'invite', value: new URL(invite.enrolmentPath, location.origin).href };
    });
  }

  #onToken(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const role = StaffRole.parse(form.get('role'));
    const name = String(form.get('name') ?? '').trim();
    if (!name) return;
    void this.#act(async () => {
      this.secret = { kind: 'token', value: (await this.api!.issueToken(name, role)).token };
    });
  }

  #roleOptions() {
    return StaffRole.options.map((role) => html`<option value=${role} ?selected=${role === 'intake'}>${this.#t(`role-${role}`)}</option>`);
  }

  override render() {
    const data = this.data.value;
    return html`
      ${this.problem ? html`<div class="alert" role="alert">${this.#t('saveError')}</div>` : null}
      <div role="status">
        ${this.secret
          ? html`<div class="notice">
              <p>${this.secret.kind === 'invite' ? this.#t('inviteCreated') : this.#t('tokenIssued')}</p>
              <p class="secret" data-secret=${this.secret.kind}>${this.secret.value}</p>
            </div>`
          : null}
      </div>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">${this.#t('inviteHeading')}</h2>
        <form class="row" @submit=${this.#onInvite}>
          <div class="field"><label for="invite-role">${this.#t('inviteRole')}</label><select id="invite-role" name="role">${this.#roleOptions()}</select></div>
          <div class="field"><label for="invite-name">${this.#t('inviteName')}</label><input id="invite-name" name="name" maxlength="120" autocomplete="off" /></div>
          <div class="field"><button type="submit">${this.#t('inviteButton')}</button></div>
        </form>
      </section>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">${this.#t('staffHeading')}</h2>
        ${!data
          ? this.data.render({ pending: () => html`<p role="status">${this.#t('loading')}</p>`, error: () => html`<p role="alert">${this.#t('loadError')}</p>` })
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${this.#t('colName')}</th>
                  <th scope="col">${this.#t('colRole')}</th>
                  <th scope="col">${this.#t('colPasskeys')}</th>
                  <th scope="col">${this.#t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                ${data.accounts.map(
                  (account) => html`<tr>
                    <td>${account.displayName}</td>
                    <td>${this.#t(`role-${account.role}`)}</td>
                    <td>${account.passkeys}</td>
                    <td>
                      ${account.disabledAt
                        ? this.#t('disabled')
                        : html`${this.#t('active')}
                            <button type="button" class="link" aria-label=${`${this.#t('disable')}: ${account.displayName}`} @click=${() => void this.#act(() => this.api!.disableAccount(account.id))}>${this.#t('disable')}</button>`}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">${this.#t('tokensHeading')}</h2>
        <p>${this.#t('tokensIntro')}</p>
        <form class="row" @submit=${this.#onToken}>
          <div class="field"><label for="token-name">${this.#t('tokenName')}</label><input id="token-name" name="name" maxlength="120" required autocomplete="off" /></div>
          <div class="field"><label for="token-role">${this.#t('inviteRole')}</label><select id="token-role" name="role">${this.#roleOptions()}</select></div>
          <div class="field"><button type="submit">${this.#t('issueToken')}</button></div>
        </form>
        ${data?.tokens.length
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${this.#t('tokenName')}</th>
                  <th scope="col">${this.#t('colRole')}</th>
                  <th scope="col">${this.#t('colCreated')}</th>
                  <th scope="col">${this.#t('lastUsed')}</th>
                  <th scope="col">${this.#t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                ${data.tokens.map(
                  (token) => html`<tr>
                    <td>${token.name}</td>
                    <td>${this.#t(`role-${token.role}`)}</td>
                    <td>${this.#time(token.createdAt)}</td>
                    <td>${this.#time(token.lastUsedAt)}</td>
                    <td>
                      ${token.revokedAt
                        ? this.#t('revoked')
                        : html`<button type="button" class="link" aria-label=${`${this.#t('revoke')}: ${token.name}`} @click=${() => void this.#act(() => this.api!.revokeToken(token.id))}>${this.#t('revoke')}</button>`}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : null}
      </section>
    `;
  }
}

if (!customElements.get('iop-staff-admin')) customElements.define('iop-staff-admin', IopStaffAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'iop-staff-admin': IopStaffAdmin;
  }
}
