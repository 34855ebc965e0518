import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../shared/components/placeholder-app.js';

/** Root of /admin: a placeholder until the manager admin step. */
@customElement('admin-app')
@localized()
export class AdminApp extends LitElement {
  override render() {
    return html`<placeholder-app
      .heading=${msg('Store admin')}
      .text=${msg('The admin pages are not built yet. They come with the manager admin step.')}
    ></placeholder-app>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
