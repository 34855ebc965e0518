import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { kbdStyles } from '../../shared/styles/kbd.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { SALE_ACTIONS, shortcutText } from './cart-actions.js';
import { cartPanelStyles } from './cart-panel.styles.js';
import { canPay, currentTotals, emptyCart, type CartState } from './cart-state.js';
import './cart-lines.js';
import './customer-points.js';
import { noticeStyles, panelStyles, pendingStyles } from './selling-panel.styles.js';

/** A message to the cashier above the cart. */
export interface TillNotice {
  text: string;
  danger: boolean;
}

/**
 * The cart: the notice to the cashier, the lines, the hub's totals, the Pay button ('pay-request')
 * and whether the hub has the cart yet.
 */
@customElement('cart-panel')
@localized()
export class CartPanel extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    kbdStyles,
    panelStyles,
    noticeStyles,
    pendingStyles,
    cartPanelStyles,
  ];

  @property({ attribute: false }) cart: CartState = emptyCart('');
  @property({ attribute: false }) notice: TillNotice | null = null;
  @property({ type: Boolean }) paying = false;
  /** The line the line actions act on. */
  @property() selected: string | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  override render() {
    return html`<section class="cart" aria-labelledby="cart-title">
      <h2 id="cart-title">${msg('Cart')}</h2>
      ${
        this.notice
          ? html`<p class="notice ${this.notice.danger ? 'danger' : ''}" role="alert">${this.notice.text}</p>`
          : nothing
      }
      <cart-lines
        .cart=${this.cart}
        .selected=${this.selected}
        .currency=${this.currency}
        .uiLocale=${this.uiLocale}
      ></cart-lines>
      ${this._renderSale()} ${this._renderTotals()}
      <button
        class="button primary pay"
        type="button"
        ?disabled=${!canPay(this.cart) || this.paying}
        aria-keyshortcuts="F12"
        @click=${() => emit(this, 'pay-request', {})}
      >
        ${msg('Pay')}
      </button>
      ${this._renderSync()}
      <div class="sale-actions" role="group" aria-label=${msg('Sale')}>
        ${SALE_ACTIONS.map(
          (a) =>
            html`<button
              class="button"
              type="button"
              ?disabled=${this.paying}
              aria-keyshortcuts=${shortcutText(a.shortcut)}
              @click=${() => emit(this, 'cart-action', { action: a.action, lineId: null })}
            >
              ${a.label()} <kbd>${shortcutText(a.shortcut)}</kbd>
            </button>`,
        )}
      </div>
    </section>`;
  }

  /** The customer, the sale discount asked for and the sale note, as the cart holds them. */
  private _renderSale() {
    const { customer, discount, discountReason, note, couponCodes } = this.cart.sale;
    if (customer === null && discount === null && note === '' && couponCodes.length === 0) return nothing;
    return html`<dl class="sale-info">
      ${
        customer === null
          ? nothing
          : html`<dt>${msg('Customer')}</dt>
              <dd>
                <span data-customer>${customer.name}</span>
                <customer-points
                  .customerId=${customer.id}
                  .refresh=${this.cart.hub?.version ?? 0}
                ></customer-points>
              </dd>`
      }
      ${
        discount === null
          ? nothing
          : html`<dt>${msg('Sale discount')}</dt>
              <dd data-sale-discount>
                ${
                  discount.kind === 'percent'
                    ? formatPercentBp(discount.bp, storeFormat().locale)
                    : storeMoney(discount.amountMinor, this.currency)
                }
                · ${discountReason}
              </dd>`
      }
      ${
        note === ''
          ? nothing
          : html`<dt>${msg('Note')}</dt>
              <dd data-sale-note>${note}</dd>`
      }
      ${
        couponCodes.length === 0
          ? nothing
          : html`<dt>${msg('Coupon')}</dt>
              <dd data-coupons>${couponCodes.join(', ')}</dd>`
      }
    </dl>`;
  }

  private _renderTotals() {
    const totals = currentTotals(this.cart);
    if (this.cart.lines.length === 0) return nothing;
    const show = (minor: number | undefined) =>
      minor === undefined ? html`<span class="pending">…</span>` : storeMoney(minor, this.currency);
    return html`<dl class="totals" aria-live="polite" aria-busy=${totals === null ? 'true' : 'false'}>
      <dt>${msg('Subtotal')}</dt>
      <dd>${show(totals?.subtotalMinor)}</dd>
      <dt>${msg('Discount')}</dt>
      <dd>${show(totals === null ? undefined : -totals.discountMinor)}</dd>
      <dt>${msg('Tax')}</dt>
      <dd>${show(totals?.taxMinor)}</dd>
      <dt class="grand">${msg('Total')}</dt>
      <dd class="grand" data-total>${show(totals?.totalMinor)}</dd>
    </dl>`;
  }

  private _renderSync() {
    switch (this.cart.sync) {
      case 'synced':
        return this.cart.hub === null
          ? nothing
          : html`<p class="sync" role="status">${msg('Saved on the hub.')}</p>`;
      case 'pending':
        return html`<p class="sync" role="status">${msg('Sending to the hub…')}</p>`;
      case 'offline':
        return html`<p class="sync offline" role="status">
          ${msg('The hub is not answering. The cart is kept on this till and sent again by itself.')}
        </p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cart-panel': CartPanel;
  }
}
