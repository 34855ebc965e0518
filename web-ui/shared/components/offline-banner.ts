import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ConnectionWatcher, hubConnectionContext } from '../connection/context.js';
import type { HubConnection } from '../connection/hub-connection.js';
import { baseStyles } from '../styles/theme.js';

/**
 * Says plainly when the hub cannot be reached. It is a live region that is always in the page, so
 * screen readers announce it when the text appears, and it takes no space while the hub answers.
 */
@customElement('offline-banner')
@localized()
export class OfflineBanner extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .banner {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        padding: 0.75rem 1rem;
        background: var(--warning-bg);
        color: var(--warning-ink);
        border-bottom: 2px solid var(--warning-line);
        font-weight: 600;
      }
      .banner span {
        font-weight: 400;
      }
    `,
  ];

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  constructor() {
    super();
    new ConnectionWatcher(this, () => this._connection);
  }

  override render() {
    const offline = this._connection?.online === false;
    return html`<div role="status" aria-live="polite">
      ${
        offline
          ? html`<div class="banner">
              ${msg('The hub cannot be reached.')}
              <span>${msg('Your work on this screen is kept. The till reconnects by itself.')}</span>
            </div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'offline-banner': OfflineBanner;
  }
}
