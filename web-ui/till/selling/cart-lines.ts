import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { formatMoney } from '../../shared/format/money.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cartLinesStyles } from './cart-lines.styles.js';
import { displayLines, type CartState } from './cart-state.js';
import { pendingStyles } from './selling-panel.styles.js';

/** The cart's lines with their amounts; one more, one less and remove say 'line-quantity' and 'line-remove'. */
@customElement('cart-lines')
@localized()
export class CartLines extends LitElement {
  static override styles = [baseStyles, buttonStyles, pendingStyles, cartLinesStyles];

  @property({ attribute: false }) cart: CartState | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  override render() {
    const lines = this.cart ? displayLines(this.cart) : [];
    if (lines.length === 0) {
      return html`<p class="empty">${msg('The cart is empty. Scan or search to add products.')}</p>`;
    }
    return html`<ul class="lines" aria-label=${msg('Cart lines')}>
      ${lines.map(
        (line) =>
          html`<li class="line" data-line=${line.id}>
            <span class="name">${line.name}</span>
            <span class="amount">
              ${
                line.totalMinor === null
                  ? html`<span class="pending">${msg('updating…')}</span>`
                  : formatMoney(line.totalMinor, this.currency, this.uiLocale)
              }
            </span>
            <div class="controls">
              ${
                line.quantity !== null && !line.measured
                  ? this._renderQuantity(line.id, line.name, line.quantity)
                  : html`<span class="qty">${line.quantity ?? ''}</span>`
              }
              <button
                class="button remove"
                type="button"
                aria-label=${msg(str`Remove ${line.name}`)}
                @click=${() => emit(this, 'line-remove', { lineId: line.id })}
              >
                ${msg('Remove')}
              </button>
            </div>
          </li>`,
      )}
    </ul>`;
  }

  private _renderQuantity(id: string, name: string, quantity: number) {
    return html`<button
        class="button"
        type="button"
        aria-label=${msg(str`One less ${name}`)}
        ?disabled=${quantity <= 1}
        @click=${() => {
          emit(this, 'line-quantity', { lineId: id, quantity: quantity - 1 });
        }}
      >
        −
      </button>
      <span class="qty" aria-label=${msg('Quantity')}>${quantity}</span>
      <button
        class="button"
        type="button"
        aria-label=${msg(str`One more ${name}`)}
        @click=${() => {
          emit(this, 'line-quantity', { lineId: id, quantity: quantity + 1 });
        }}
      >
        +
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cart-lines': CartLines;
  }
}
