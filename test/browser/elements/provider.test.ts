import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import '../../../src/elements/provider/provider.js';
import type { IopProvider } from '../../../src/elements/provider/provider.js';
import { ConfigController } from '../../../src/elements/shared/config-controller.js';
import { translate } from '../../../src/i18n/locale.js';
import { sharedMessages } from '../../../src/i18n/messages.js';
import type { StorageMode } from '../../../src/store/store.js';
import { faultBase } from '../../support/fixtures.js';

/** A stand-in widget: it only reads its configuration the way every real widget does. */
class ConfigProbe extends LitElement {
  @property({ attribute: 'api-base' }) apiBase?: string;
  @property() locale?: string;
  @property() storage?: StorageMode;
  readonly settings = new ConfigController(this);

  override render() {
    return html`<p>${translate(sharedMessages, this.settings.locale, 'tryAgain')}</p>`;
  }
}
customElements.define('config-probe', ConfigProbe);
declare global {
  interface HTMLElementTagNameMap {
    'config-probe': ConfigProbe;
  }
}

const text = (el: ConfigProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('<iop-provider>', () => {
  it('gives nested widgets its client, language and storage mode', async () => {
    const base = faultBase('ok');
    const provider = await fixture<IopProvider>(html`<iop-provider api-base=${base} locale="es" storage="memory"><config-probe></config-probe></iop-provider>`);
    const probe = provider.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Intentar de nuevo');
    expect(probe.settings.storage).to.equal('memory');
    const list = await probe.settings.config!.client.listPrograms();
    expect(list.center.name).to.equal('Juniper Ridge Recovery');
  });

  it('switches language at run time', async () => {
    const provider = await fixture<IopProvider>(html`<iop-provider api-base="/api/iop/" locale="en"><config-probe></config-probe></iop-provider>`);
    const probe = provider.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');
    provider.setAttribute('locale', 'es');
    await provider.updateComplete;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Intentar de nuevo');
  });

  it('lets a widget attribute override the provider', async () => {
    const provider = await fixture<IopProvider>(html`<iop-provider api-base="/api/iop/" locale="es"><config-probe locale="en" api-base="/other/"></config-probe></iop-provider>`);
    const probe = provider.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Try again');
    expect(probe.settings.config!.apiBase).to.equal('/other/');
  });

  it('renders its children and passes axe', async () => {
    const provider = await fixture<IopProvider>(html`<iop-provider api-base="/api/iop/"><p>Center content</p></iop-provider>`);
    expect(provider.querySelector('p')!.textContent).to.equal('Center content');
    await expect(provider).to.be.accessible();
  });
});

describe('a widget without a provider', () => {
  it('works from its own attributes and shares one client per api-base', async () => {
    const base = faultBase('ok');
    const wrapper = await fixture(html`<div><config-probe api-base=${base}></config-probe><config-probe api-base=${base}></config-probe></div>`);
    const [first, second] = [...wrapper.querySelectorAll('config-probe')] as ConfigProbe[];
    expect(first!.settings.config!.client).to.equal(second!.settings.config!.client);
    expect((await first!.settings.config!.client.listPrograms()).programs).to.have.length(1);
  });

  it('follows the page language when it has no locale of its own', async () => {
    const wrapper = await fixture(html`<div lang="es-MX"><config-probe></config-probe></div>`);
    const probe = wrapper.querySelector('config-probe') as ConfigProbe;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Intentar de nuevo');
  });

  it('lets the page lang beat a provider that was given no locale', async () => {
    const wrapper = await fixture(html`<div lang="es"><iop-provider api-base="/api/iop/"><config-probe></config-probe></iop-provider></div>`);
    const probe = wrapper.querySelector('config-probe') as ConfigProbe;
    await probe.updateComplete;
    expect(text(probe)).to.equal('Intentar de nuevo');
  });

  it('follows the browser languages when neither the widget nor the page names one', async () => {
    const pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => ['fr-CA', 'es-MX', 'en'] });
    try {
      const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
      expect(text(probe)).to.equal('Intentar de nuevo');
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (pageLang !== null) document.documentElement.setAttribute('lang', pageLang);
    }
    const english = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    expect(text(english)).to.equal('Try again');
  });

  it('has no configuration until it knows the api-base', async () => {
    const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    expect(probe.settings.config).to.equal(undefined);
  });
});
