import { localized, msg } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../shared/components/placeholder-app.js';

/** Root of /display: a placeholder until the customer display step. */
@customElement('display-app')
@localized()
export class DisplayApp extends LitElement {
  override render() {
    return html`<placeholder-app
      .heading=${msg('Customer display')}
      .text=${msg('This display is not linked to a till yet. Linking a display to a till comes with the customer display step.')}
    ></placeholder-app>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-app': DisplayApp;
  }
}
