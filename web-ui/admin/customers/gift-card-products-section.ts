import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HubApiClient } from '../../shared/api/client.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { customersErrorText, renderNotice, type Notice } from './customer-text.js';
import {
  giftCardProducts,
  markGiftCardProduct,
  setGiftCardProduct,
  type GiftCardProduct,
} from './gift-cards-api.js';

/**
 * The products that sell gift cards: a till line of one loads the card whose number the cashier puts in
 * the line's note when the sale completes. Added by the product's barcode.
 */
@customElement('gift-card-products-section')
@localized()
export class GiftCardProductsSection extends LitElement {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @property({ attribute: false }) api!: HubApiClient;

  @state() private _products: GiftCardProduct[] = [];
  @state() private _notice: Notice | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._run(async () => {
      this._products = await giftCardProducts(this.api);
      return null;
    });
  }

  override render() {
    return html`<section class="card" aria-labelledby="products-heading">
      <h2 id="products-heading">${msg('Products that sell gift cards')}</h2>
      <p class="muted">
        ${msg('At the till, ring one up and put the card’s number in the line note: the card is loaded when the sale completes.')}
      </p>
      ${renderNotice(this._notice)}
      ${renderTable({
        caption: msg('Gift card products'),
        hideCaption: true,
        empty: msg('No product sells gift cards yet.'),
        rows: this._products,
        columns: [
          { header: msg('Product'), cell: (p) => p.name },
          { header: msg('SKU'), cell: (p) => p.sku },
          { header: msg('Price'), cell: (p) => storeMoney(p.priceMinor), align: 'end' },
          {
            header: msg('Actions'),
            align: 'end',
            cell: (p) =>
              html`<button class="button" type="button" @click=${() => void this._remove(p)}>
                ${msg('Remove')}
              </button>`,
          },
        ],
      })}
      <form class="toolbar" @submit=${this._add}>
        <label class="field">
          <span>${msg('Barcode of the product')}</span>
          <input name="barcode" required maxlength="64" autocomplete="off" />
        </label>
        <button class="button" type="submit">${msg('Sells gift cards')}</button>
      </form>
    </section>`;
  }

  private async _run(work: () => Promise<string | null>): Promise<void> {
    try {
      const text = await work();
      this._notice = text === null ? null : { text, error: false };
    } catch (error) {
      this._notice = { text: customersErrorText(error), error: true };
    }
  }

  private _add = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const barcode = formText(form, 'barcode');
    void this._run(async () => {
      this._products = await markGiftCardProduct(this.api, barcode, true);
      form.reset();
      return msg('The product now sells gift cards.');
    });
  };

  private _remove(product: GiftCardProduct): Promise<void> {
    return this._run(async () => {
      this._products = await setGiftCardProduct(this.api, product.productId, false);
      return msg(str`${product.name} no longer sells gift cards.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gift-card-products-section': GiftCardProductsSection;
  }
}
