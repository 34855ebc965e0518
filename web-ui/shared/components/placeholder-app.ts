import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pickAndRemember, startLocale } from '../app-locale.js';
import type { AppEvent } from '../events.js';
import type { UiLocale } from '../i18n/locales.js';
import './coming-soon.js';
import './language-picker.js';

/**
 * The body of an app that is not built yet (admin, customer display): served, localised and styled like
 * the till, and honest that it is empty. It starts and remembers the language; the app passes its
 * heading (also the page title) and text, already translated.
 */
@customElement('placeholder-app')
export class PlaceholderApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() heading = '';
  @property() text = '';

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
    document.title = this.heading;
  }

  override render() {
    return html`<coming-soon .heading=${this.heading} .text=${this.text}>
      <language-picker .locale=${this._locale}></language-picker>
    </coming-soon>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'placeholder-app': PlaceholderApp;
  }
}
