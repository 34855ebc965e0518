import { localized, msg } from '@lit/localize';
import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { pageStyles } from '../components/page-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import './mail-section.js';
import './receipt-settings-form.js';
import './store-settings-form.js';
import './tenders-section.js';

/** The store's settings, one card a part, each saved on its own. Tax classes have their own page. */
@customElement('settings-page')
@localized()
export class SettingsPage extends AdminPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    css`
      .card > * {
        display: block;
      }
    `,
  ];

  override render() {
    return html`<div class="head">
        <h1>${msg('Settings')}</h1>
        <a href="/admin/tax-classes">${msg('Tax rates')}</a>
      </div>
      <div class="card"><store-settings-form></store-settings-form></div>
      <div class="card"><receipt-settings-form></receipt-settings-form></div>
      <div class="card"><tenders-section></tenders-section></div>
      <div class="card"><mail-section></mail-section></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-page': SettingsPage;
  }
}
