import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CartDisplayState, CartSnapshot, SnapshotLine } from '../shared/display/cart-snapshot.js';
import { formatMoney } from '../shared/format/money.js';
import { formatWeight } from '../shared/format/weight.js';
import { baseStyles } from '../shared/styles/theme.js';
import { customerScreenStyles } from './customer-screen.styles.js';

/**
 * What the customer sees, from the till's snapshot: a welcome with the store's name, the lines and the
 * total as they are rung up, what is paid and the change, then a thank-you with the e-receipt QR code.
 * Big type for reading from across the counter; every amount is the hub's, formatted in the store's
 * locale. Purely presentational: the app decides what `state` is showing.
 */
@customElement('customer-screen')
@localized()
export class CustomerScreen extends LitElement {
  static override styles = [baseStyles, customerScreenStyles];

  @property({ attribute: false }) snapshot: CartSnapshot | null = null;
  @property() state: CartDisplayState = 'idle';
  @property() storeName = '';
  /** The store's BCP 47 locale: money and weights are formatted in it. */
  @property() storeLocale = 'en';

  override updated(changed: PropertyValues): void {
    // The newest line is at the bottom: keep it in view as the cart grows.
    if (changed.has('snapshot'))
      this.renderRoot.querySelector('.lines li:last-child')?.scrollIntoView({ block: 'end' });
  }

  override render() {
    const snapshot = this.snapshot;
    if (this.state === 'idle' || snapshot === null) return this._welcome();
    if (this.state === 'done') return this._thanks(snapshot);
    return html`<div class="cart" data-state=${this.state}>
      <section class="items" aria-label=${msg('Your items')}>
        <h1 class="store">${this.storeName}</h1>
        <ol class="lines">
          ${snapshot.lines.map((line) => this._line(line))}
        </ol>
        ${snapshot.promotions.length > 0 ? this._promotions(snapshot) : nothing}
      </section>
      <aside class="sum" aria-live="polite">${this._sum(snapshot)}</aside>
    </div>`;
  }

  private _welcome() {
    return html`<div class="welcome" data-state="idle">
      <p class="hello">${msg('Welcome!')}</p>
      <h1 class="store-big">${this.storeName}</h1>
    </div>`;
  }

  private _line(line: SnapshotLine) {
    return html`<li data-line>
      <span class="name">${line.name}</span>
      <span class="detail">${this._detail(line)}</span>
      <span class="amount">${line.totalMinor === null ? '…' : this._money(line.totalMinor)}</span>
      ${
        line.discountMinor > 0 && line.totalMinor !== null
          ? html`<span class="saving">${msg(str`You save ${this._money(line.discountMinor)}`)}</span>`
          : nothing
      }
    </li>`;
  }

  private _detail(line: SnapshotLine): string {
    if (line.quantity === null) return '';
    if (line.measured) {
      const weight = formatWeight(line.quantity, this.storeLocale);
      return line.unitPriceMinor === null
        ? weight
        : msg(str`${weight} at ${this._money(line.unitPriceMinor)}/kg`);
    }
    if (line.quantity === 1 || line.unitPriceMinor === null)
      return line.quantity === 1 ? '' : `${line.quantity} ×`;
    return `${line.quantity} × ${this._money(line.unitPriceMinor)}`;
  }

  private _promotions(snapshot: CartSnapshot) {
    return html`<ul class="promotions" aria-label=${msg('Offers')}>
      ${snapshot.promotions.map(
        (p) => html`<li><span>${p.name}</span><span>−${this._money(p.amountMinor)}</span></li>`,
      )}
    </ul>`;
  }

  private _sum(snapshot: CartSnapshot) {
    const t = snapshot.totals;
    if (t === null) {
      return html`<p class="label">${msg('Total')}</p>
        <p class="total" data-total>…</p>`;
    }
    const paying = this.state === 'paying';
    return html`<p class="label">${msg('Total')}</p>
      <p class="total" data-total>${this._money(t.toPayMinor)}</p>
      ${
        t.discountMinor > 0
          ? html`<p class="row saving">
              <span>${msg('You save')}</span><span>${this._money(t.discountMinor)}</span>
            </p>`
          : nothing
      }
      ${
        t.roundingMinor !== 0
          ? html`<p class="row">
              <span>${msg('Rounding')}</span><span>${this._money(t.roundingMinor)}</span>
            </p>`
          : nothing
      }
      ${
        paying && t.paidMinor !== 0
          ? html`<p class="row" data-paid>
              <span>${msg('Paid')}</span><span>${this._money(t.paidMinor)}</span>
            </p>`
          : nothing
      }
      ${
        paying && t.changeMinor > 0
          ? html`<p class="label">${msg('Change')}</p>
              <p class="change" data-change>${this._money(t.changeMinor)}</p>`
          : paying && t.dueMinor > 0 && t.paidMinor !== 0
            ? html`<p class="row due">
                <span>${msg('Left to pay')}</span><span>${this._money(t.dueMinor)}</span>
              </p>`
            : nothing
      }`;
  }

  private _thanks(snapshot: CartSnapshot) {
    const t = snapshot.totals;
    const change = t?.changeMinor ?? 0;
    return html`<div class="thanks" data-state="done">
      <div class="message">
        <h1>${msg('Thank you!')}</h1>
        <p class="store">${this.storeName}</p>
        ${
          change > 0
            ? html`<p class="label">${msg('Your change')}</p>
                <p class="change" data-change>${this._money(change)}</p>`
            : t
              ? html`<p class="label">${msg('Paid')}</p>
                  <p class="paid" data-paid>${this._money(t.paidMinor)}</p>`
              : nothing
        }
        ${snapshot.receiptCode ? html`<p class="receipt">${msg(str`Receipt ${snapshot.receiptCode}`)}</p>` : nothing}
      </div>
      ${
        snapshot.receiptQrPath
          ? html`<figure class="qr">
              <img
                src=${snapshot.receiptQrPath}
                alt=${msg('QR code of your e-receipt')}
                width="280"
                height="280"
              />
              <figcaption>${msg('Scan for your e-receipt')}</figcaption>
            </figure>`
          : nothing
      }
    </div>`;
  }

  private _money(minor: number): string {
    return formatMoney(minor, this.snapshot?.currency ?? 'EUR', this.storeLocale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-screen': CustomerScreen;
  }
}
