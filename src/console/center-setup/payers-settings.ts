/** @summary Settings: the center's payer list (names people search for, aliases, member-id rule, in network or not). */
import { html, nothing } from 'lit';
import { MemberIdRule } from '../../api/schemas.js';
import type { PayersSettings } from '../../api/settings-schemas.js';

type PayerSetting = PayersSettings['payers'][number];
import { idFromName, listFromText } from '../../domain/setup-forms.js';
import type { SetupMessage } from '../setup.messages.js';
import { fieldId, SettingsPage } from './settings-page.js';

const NETWORK = { yes: true, no: false, unknown: null } as const;

export class IopPayersSettings extends SettingsPage<'payers'> {
  protected readonly section = 'payers' as const;

  protected renderFields(draft: PayersSettings) {
    const set = (i: number, change: (payer: PayerSetting) => PayerSetting) => this.edit((d) => void (d.payers[i] = change(d.payers[i]!)));
    return html`
      ${draft.payers.length === 0 ? html`<p>${this.t('noPayers')}</p>` : nothing}
      ${draft.payers.map(
        (payer, i) => html`<section class="item" aria-labelledby=${fieldId('payers', i, 'heading')}>
          <h3 id=${fieldId('payers', i, 'heading')}>${payer.name || this.t('newPayer')}</h3>
          <div class="grid">
            ${this.input({
              path: ['payers', i, 'name'],
              label: this.t('nameField'),
              value: payer.name,
              onInput: (v) => {
                // A payer added since the last save keeps its id in step with its name.
                const saved = (this.loaded?.value.payers ?? []).some((other) => other.id === payer.id);
                const others = draft.payers.map((other) => other.id).filter((id) => id !== payer.id);
                set(i, (x) => ({ ...x, name: v, ...(saved ? {} : { id: idFromName(v, others, 'payer') }) }));
              },
            })}
            ${this.input({ path: ['payers', i, 'id'], label: this.t('id'), hint: this.t('idHint'), value: payer.id, onInput: (v) => set(i, (x) => ({ ...x, id: v.trim() })) })}
            ${this.select({
              path: ['payers', i, 'memberIdRule'],
              label: this.t('memberIdRule'),
              value: payer.memberIdRule,
              choices: MemberIdRule.options.map((rule) => ({ value: rule, label: this.t(`rule-${rule}` as SetupMessage) })),
              onChange: (v) => set(i, (x) => ({ ...x, memberIdRule: v as PayerSetting['memberIdRule'] })),
            })}
            ${this.select({
              path: ['payers', i, 'inNetwork'],
              label: this.t('inNetwork'),
              value: payer.inNetwork === null ? 'unknown' : payer.inNetwork ? 'yes' : 'no',
              choices: (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: this.t(`network-${value}`) })),
              onChange: (v) => set(i, (x) => ({ ...x, inNetwork: NETWORK[v as keyof typeof NETWORK] })),
            })}
          </div>
          ${this.input({ path: ['payers', i, 'aliases'], label: this.t('aliases'), hint: this.t('aliasesHint'), value: payer.aliases.join(', '), onInput: (v) => set(i, (x) => ({ ...x, aliases: listFromText(v) })) })}
          <button type="button" class="secondary" @click=${() => this.removeItem((d) => void d.payers.splice(i, 1), 'add-payer')}>${this.t('removeThis', { what: payer.name })}</button>
        </section>`,
      )}
      <button
        id="add-payer"
        type="button"
        class="secondary"
        @click=${() => {
          this.edit((d) => void d.payers.push({ id: idFromName(this.t('newPayer'), d.payers.map((p) => p.id), 'payer'), name: '', aliases: [], memberIdRule: 'generic', inNetwork: true }));
          void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${fieldId('payers', this.draft!.payers.length - 1, 'name')}`)?.focus());
        }}
      >
        ${this.t('addPayer')}
      </button>
    `;
  }
}

if (!customElements.get('iop-payers-settings')) customElements.define('iop-payers-settings', IopPayersSettings);

declare global {
  interface HTMLElementTagNameMap {
    'iop-payers-settings': IopPayersSettings;
  }
}
