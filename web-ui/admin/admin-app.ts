import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { pickAndRemember, startLocale } from '../shared/app-locale.js';
import '../shared/components/coming-soon.js';
import '../shared/components/language-picker.js';
import type { AppEvent } from '../shared/events.js';
import type { UiLocale } from '../shared/i18n/locales.js';

/** Placeholder root of /admin: served, localised and styled like the till, and honest that it is empty. */
@customElement('admin-app')
@localized()
export class AdminApp extends LitElement {
  @state() private _locale: UiLocale = 'en';

  constructor() {
    super();
    this.addEventListener('locale-pick', (e: AppEvent<'locale-pick'>) => {
      void pickAndRemember(e.detail.locale).then(() => {
        this._locale = e.detail.locale;
      });
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void startLocale().then((locale) => {
      this._locale = locale;
    });
  }

  override updated(): void {
    document.title = msg('Store admin');
  }

  override render() {
    return html`<coming-soon
      .heading=${msg('Store admin')}
      .text=${msg('The admin pages are not built yet. They come with the manager admin step.')}
    >
      <language-picker .locale=${this._locale}></language-picker>
    </coming-soon>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
