import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import { PageAction, renderNotice } from './notice.js';
import './product-picker.js';
import { adjustStock, type AdjustReason, type StockLevel } from './stock-api.js';
import { parseQuantity, quantity, quantityHint, signed } from './stock-format.js';

function reasonLabel(reason: AdjustReason): string {
  switch (reason) {
    case 'damage':
      return msg('Damaged');
    case 'theft':
      return msg('Stolen');
    case 'count':
      return msg('Counted');
    case 'other':
      return msg('Other (say why)');
  }
}

const REASONS: readonly AdjustReason[] = ['damage', 'theft', 'count', 'other'];

/**
 * One product's stock changed by hand, always with a reason: damaged or stolen goods (taken off), a count
 * of the shelf (the hub books the difference) or another reason the manager writes down.
 */
@customElement('stock-adjust-page')
@localized()
export class StockAdjustPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _product: StockLevel | null = null;
  @state() private _reason: AdjustReason = 'damage';
  private _action = new PageAction(this);

  override render() {
    const p = this._product;
    return html`<div class="head"><h1>${msg('Adjust stock')}</h1></div>
      ${renderNotice(this._action.notice)}
      <section class="card">
        <stock-product-picker
          .api=${this.api}
          @product-picked=${(e: CustomEvent<StockLevel>) => (this._product = e.detail)}
        >
        </stock-product-picker>
      </section>
      ${
        p === null
          ? nothing
          : html`<form class="card" @submit=${this._submit}>
              <h2>${p.name}</h2>
              <p class="muted">${msg(str`On hand: ${quantity(p.onHand, p.unit)}`)}</p>
              <div class="form-grid">
                <label class="field">
                  <span>${msg('Reason')}</span>
                  <select
                    name="reason"
                    @change=${(e: Event) => (this._reason = (e.target as HTMLSelectElement).value as AdjustReason)}
                  >
                    ${REASONS.map((r) => html`<option value=${r} ?selected=${r === this._reason}>${reasonLabel(r)}</option>`)}
                  </select>
                </label>
                <label class="field">
                  <span
                    >${
                      this._reason === 'count'
                        ? msg(str`Counted on the shelf (${quantityHint(p.unit)})`)
                        : this._reason === 'other'
                          ? msg(str`Change, + or − (${quantityHint(p.unit)})`)
                          : msg(str`How many are gone (${quantityHint(p.unit)})`)
                    }</span
                  >
                  <input name="quantity" inputmode="numeric" required autocomplete="off" />
                </label>
                <label class="field">
                  <span>${msg('Note')}</span>
                  <input
                    name="note"
                    maxlength="200"
                    ?required=${this._reason === 'other'}
                    autocomplete="off"
                  />
                </label>
              </div>
              <div class="toolbar">
                <button class="button primary" type="submit" ?disabled=${this._action.busy}>
                  ${msg('Book the adjustment')}
                </button>
              </div>
            </form>`
      }`;
  }

  private _submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const product = this._product;
    if (!product) return;
    const form = event.currentTarget as HTMLFormElement;
    const text = formText(form, 'quantity').replace('−', '-');
    const negative = this._reason === 'other' && text.startsWith('-');
    const amount = parseQuantity(negative ? text.slice(1) : text.replace(/^\+/, ''));
    if (amount === null || (amount === 0 && this._reason !== 'count')) {
      this._action.say(msg('Type a whole number.'), true);
      return;
    }
    await this._action.run(async () => {
      const result = await adjustStock(this.api, {
        reason: this._reason,
        productId: product.productId,
        quantity: negative ? -amount : amount,
        note: formText(form, 'note'),
      });
      this._product = { ...product, onHand: result.onHand };
      form.reset();
      return msg(
        str`${product.name}: ${signed(result.booked, product.unit)} booked, ${quantity(result.onHand, product.unit)} on hand.`,
      );
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-adjust-page': StockAdjustPage;
  }
}
