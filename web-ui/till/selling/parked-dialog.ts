import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { parkedSales } from '../../shared/api/cart-endpoints.js';
import type { SaleView } from '../../shared/api/sales-endpoints.js';
import { ModalDialog, openModal } from '../../shared/components/modal-dialog.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { formatDateTime } from '../../shared/format/numbers.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';

/**
 * The sales parked at this till, newest first, each with when it was parked, what is in it and the hub's
 * total; picking one recalls it. Resolves with the sale picked, or null.
 */
@customElement('parked-dialog')
@localized()
export class ParkedDialog extends ModalDialog<SaleView | null> {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .sale {
        width: 100%;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.2rem 1rem;
        text-align: start;
        padding: 0.5rem 0.8rem;
      }
      .sale .items {
        grid-column: 1 / -1;
        font-weight: 400;
        color: var(--ink-muted);
        overflow-wrap: anywhere;
      }
      .sale .total {
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _sales: SaleView[] | null = null;
  @state() private _error: string | null = null;

  override firstUpdated(): void {
    super.firstUpdated();
    void this._load();
  }

  override render() {
    return html`<dialog
      aria-labelledby="parked-title"
      data-dialog="parked"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.finish(null);
      }}
      @keydown=${this.keepKeys}
    >
      <h2 id="parked-title">${msg('Parked sales')}</h2>
      ${this._error === null ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
      ${this._renderList()}
      <div class="actions">
        <button
          class="button"
          type="button"
          @click=${() => {
            this.finish(null);
          }}
        >
          ${msg('Cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </dialog>`;
  }

  private _renderList() {
    if (this._sales === null)
      return this._error === null ? html`<p class="hint">${msg('Loading…')}</p>` : nothing;
    if (this._sales.length === 0)
      return html`<p class="hint">${msg('No sales are parked at this till.')}</p>`;
    return html`<ul aria-label=${msg('Parked sales')}>
      ${this._sales.map((sale) => {
        const active = sale.lines.filter((l) => l.status === 'active');
        return html`<li>
          <button
            class="button sale"
            type="button"
            @click=${() => {
              this.finish(sale);
            }}
          >
            <span>${formatDateTime(sale.updatedAt, this.uiLocale)}</span>
            <span class="total">${storeMoney(sale.totals.totalMinor, this.currency)}</span>
            <span class="items">
              ${msg(str`Lines: ${active.length}`)} · ${active.map((l) => l.name).join(', ')}
            </span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private async _load(): Promise<void> {
    const connection = this._connection;
    const tillId = connection?.till?.tillId;
    if (!connection || tillId === undefined) return;
    try {
      this._sales = await parkedSales(connection.api, tillId);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.sale')?.focus();
    } catch (error) {
      this._error = errorText(error);
    }
  }
}

export function openParkedDialog(
  host: Element,
  money: { currency: string; uiLocale: string },
): Promise<SaleView | null> {
  const dialog = document.createElement('parked-dialog');
  dialog.currency = money.currency;
  dialog.uiLocale = money.uiLocale;
  return openModal(host, dialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'parked-dialog': ParkedDialog;
  }
}
