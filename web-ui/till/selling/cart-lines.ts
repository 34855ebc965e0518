import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { formatWeight } from '../../shared/format/weight.js';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { kbdStyles } from '../../shared/styles/kbd.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { LINE_ACTIONS, shortcutText } from './cart-actions.js';
import { cartLinesStyles } from './cart-lines.styles.js';
import { displayLines, type CartLineDisplay, type CartState } from './cart-state.js';
import { pendingStyles } from './selling-panel.styles.js';

/**
 * The cart's lines with the hub's amounts, price overrides, discounts and notes. A tap on a line picks
 * it ('line-select'); the picked line shows its actions ('cart-action'). One more, one less and remove
 * say 'line-quantity' and 'line-remove'.
 */
@customElement('cart-lines')
@localized()
export class CartLines extends LitElement {
  static override styles = [baseStyles, buttonStyles, kbdStyles, pendingStyles, cartLinesStyles];

  @property({ attribute: false }) cart: CartState | null = null;
  /** The line the line actions act on. */
  @property() selected: string | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  override render() {
    const lines = this.cart ? displayLines(this.cart) : [];
    if (lines.length === 0) {
      return html`<p class="empty">${msg('The cart is empty. Scan or search to add products.')}</p>`;
    }
    return html`<ul class="lines" aria-label=${msg('Cart lines')}>
      ${lines.map((line) => this._renderLine(line, line.id === this.selected))}
    </ul>`;
  }

  private _renderLine(line: CartLineDisplay, selected: boolean) {
    return html`<li
      class="line ${selected ? 'selected' : ''}"
      data-line=${line.id}
      aria-current=${selected ? 'true' : 'false'}
    >
      <button
        class="pick"
        type="button"
        aria-pressed=${selected ? 'true' : 'false'}
        @click=${() => emit(this, 'line-select', { lineId: line.id })}
      >
        <span class="name">${line.name}</span>
        ${this._renderPrice(line)}
      </button>
      <span class="amount">
        ${
          line.totalMinor === null
            ? html`<span class="pending">${msg('updating…')}</span>`
            : this._money(line.totalMinor)
        }
      </span>
      ${line.promotions.map(
        (p) =>
          html`<span class="promotion" data-line-promotion>
            ${p.name} <span class="off">${this._money(-p.discountMinor)}</span>
          </span>`,
      )}
      ${this._renderDiscount(line)}
      ${line.note === '' ? nothing : html`<span class="note" data-note>${line.note}</span>`}
      <div class="controls">
        ${
          line.quantity !== null && !line.measured
            ? this._renderQuantity(line.id, line.name, line.quantity)
            : html`<span class="qty">
                ${
                  line.quantity !== null && line.measured
                    ? formatWeight(line.quantity, storeFormat().locale)
                    : (line.quantity ?? '')
                }
              </span>`
        }
        <button
          class="button remove"
          type="button"
          aria-label=${msg(str`Remove ${line.name}`)}
          aria-keyshortcuts=${selected ? 'Delete' : nothing}
          @click=${() => emit(this, 'line-remove', { lineId: line.id })}
        >
          ${msg('Remove')}
        </button>
      </div>
      ${selected ? this._renderActions(line) : nothing}
    </li>`;
  }

  /** Unit price from the hub; after a price override, the catalog price struck through beside it. */
  private _renderPrice(line: CartLineDisplay) {
    if (line.unitPriceMinor === null || line.quantity === null || line.measured) return nothing;
    const overridden = line.catalogPriceMinor !== null && line.catalogPriceMinor !== line.unitPriceMinor;
    return html`<span class="detail">
      ${line.quantity} × ${this._money(line.unitPriceMinor)}
      ${
        overridden && line.catalogPriceMinor !== null
          ? html`<s aria-label=${msg(str`Catalog price ${this._money(line.catalogPriceMinor)}`)}
              >${this._money(line.catalogPriceMinor)}</s
            >`
          : nothing
      }
    </span>`;
  }

  private _renderDiscount(line: CartLineDisplay) {
    if (line.discount === null) return nothing;
    const asked =
      line.discount.kind === 'percent'
        ? formatPercentBp(line.discount.bp, storeFormat().locale)
        : msg('Discount');
    return html`<span class="discount" data-line-discount>
      ${asked}
      ${
        line.discountMinor === null
          ? html`<span class="pending">…</span>`
          : html`<span class="off">${this._money(-line.discountMinor)}</span>`
      }
    </span>`;
  }

  private _renderActions(line: CartLineDisplay) {
    return html`<div class="line-actions" role="group" aria-label=${msg(str`Change ${line.name}`)}>
      ${LINE_ACTIONS.filter((a) => a.action !== 'void-line').map(
        (a) =>
          html`<button
            class="button"
            type="button"
            aria-keyshortcuts=${shortcutText(a.shortcut)}
            @click=${() => emit(this, 'cart-action', { action: a.action, lineId: line.id })}
          >
            ${a.label()} <kbd>${shortcutText(a.shortcut)}</kbd>
          </button>`,
      )}
    </div>`;
  }

  private _money(minor: number): string {
    return storeMoney(minor, this.currency);
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
