import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MqttStatus } from '../../shared/mqtt/hub-mqtt.js';
import { baseStyles } from '../../shared/styles/theme.js';

/**
 * Stands where the selling screen goes (the next step of the till). It says so plainly instead of
 * pretending, and shows what the shell has already established: who is logged in and the live link.
 */
@customElement('selling-placeholder')
@localized()
export class SellingPlaceholder extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        place-items: start center;
        padding: clamp(1rem, 4vw, 3rem) 1rem;
      }
      .card {
        width: min(100%, 40rem);
        display: grid;
        gap: 0.75rem;
        background: var(--surface);
        border: 1px dashed var(--line-strong);
        border-radius: calc(var(--radius) * 2);
        padding: 1.5rem;
      }
      h1 {
        margin: 0;
        font-size: 1.4rem;
      }
      p,
      dl {
        margin: 0;
        line-height: 1.5;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.25rem 1rem;
      }
      dt {
        color: var(--ink-muted);
      }
    `,
  ];

  @property() staffName = '';
  @property() live: MqttStatus = 'connecting';

  override render() {
    return html`<div class="card" data-screen="selling-placeholder">
      <h1>${msg(str`Welcome, ${this.staffName}`)}</h1>
      <p>${msg('The selling screen is not part of this version yet. It is the next step of the till.')}</p>
      <dl>
        <dt>${msg('Live updates')}</dt>
        <dd>${this._liveText()}</dd>
      </dl>
    </div>`;
  }

  private _liveText(): string {
    switch (this.live) {
      case 'connecting':
        return msg('Connecting…');
      case 'online':
        return msg('Connected');
      case 'offline':
        return msg('Not connected; retrying');
      case 'refused':
        return msg('Refused by the hub');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'selling-placeholder': SellingPlaceholder;
  }
}
