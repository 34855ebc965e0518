import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { formatMoney } from '../../shared/format/money.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cartPanelStyles } from './cart-panel.styles.js';
import { canPay, currentTotals, emptyCart, type CartState } from './cart-state.js';
import './cart-lines.js';
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
    panelStyles,
    noticeStyles,
    pendingStyles,
    cartPanelStyles,
  ];

  @property({ attribute: false }) cart: CartState = emptyCart('');
  @property({ attribute: false }) notice: TillNotice | null = null;
  @property({ type: Boolean }) paying = false;
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
      <cart-lines .cart=${this.cart} .currency=${this.currency} .uiLocale=${this.uiLocale}></cart-lines>
      ${this._renderTotals()}
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
    </section>`;
  }

  private _renderTotals() {
    const totals = currentTotals(this.cart);
    if (this.cart.lines.length === 0) return nothing;
    const show = (minor: number | undefined) =>
      minor === undefined
        ? html`<span class="pending">…</span>`
        : formatMoney(minor, this.currency, this.uiLocale);
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
