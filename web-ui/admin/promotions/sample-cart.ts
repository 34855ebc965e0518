import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatGrams } from '../../shared/format/numbers.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { getStoreTimeZone } from '../components/admin-format.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { adminSessionContext, type AdminSession } from '../shell/admin-session.js';
import './product-search.js';
import { fromWallClock } from './shop-clock.js';
import { previewCart, type Preview, type ProductHit, type PromotionDraft } from './promotions-api.js';

interface SampleLine {
  product: ProductHit;
  /** Pieces, or grams for a product sold by weight. */
  quantity: number;
}

/**
 * A sample cart priced by the hub with the store's campaigns and the one being edited (as if saved):
 * which promotion each line gets and what it takes off, with or without a code, a customer and at a
 * chosen moment. Nothing is saved.
 */
@customElement('promotion-sample-cart')
@localized()
export class PromotionSampleCart extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    css`
      .lines {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .lines li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .lines .name {
        flex: 1 1 12rem;
        align-self: center;
      }
      .lines input {
        width: 7rem;
      }
      .applied {
        color: var(--accent-strong);
        font-weight: 600;
      }
    `,
  ];

  /** The campaign being edited, or null while its form does not read as one (then only saved ones count). */
  @property({ attribute: false }) draft: PromotionDraft | null = null;

  @consume({ context: adminSessionContext, subscribe: true })
  private _session?: AdminSession;

  @state() private _lines: SampleLine[] = [];
  @state() private _preview: Preview | null = null;
  @state() private _error: string | null = null;
  @state() private _busy = false;

  override render() {
    return html`<section class="card" aria-labelledby="sample-heading" data-sample-cart>
      <h2 id="sample-heading">${msg('Try it on a sample cart')}</h2>
      <promotion-product-search
        .label=${msg('Add a product to the sample cart')}
        .onPick=${(p: ProductHit) => this._add(p)}
      ></promotion-product-search>
      ${this._renderLines()}
      <form class="toolbar" @submit=${this._run}>
        <label class="field">
          <span>${msg('Coupon codes on the sale')}</span>
          <input name="codes" autocomplete="off" placeholder="WINTER10" />
        </label>
        <label class="check">
          <input type="checkbox" name="customer" />
          ${msg('A customer is attached')}
        </label>
        <label class="field">
          <span>${msg('At (empty: now)')}</span>
          <input type="datetime-local" name="at" />
        </label>
        <button class="button primary" type="submit" ?disabled=${this._busy || this._lines.length === 0}>
          ${msg('Show the prices')}
        </button>
      </form>
      ${this._error === null ? nothing : html`<p class="notice error" role="alert">${this._error}</p>`}
      ${this._renderPreview()}
    </section>`;
  }

  private _renderLines() {
    if (this._lines.length === 0) {
      return html`<p class="muted">${msg('Add products to see which promotions they get.')}</p>`;
    }
    return html`<ul class="lines" aria-label=${msg('Sample cart')}>
      ${this._lines.map(
        (line, i) =>
          html`<li>
            <span class="name">${line.product.name}</span>
            <label class="field">
              <span>${line.product.weighed ? msg('Grams') : msg('Quantity')}</span>
              <input
                inputmode="numeric"
                .value=${String(line.quantity)}
                @change=${(e: Event) => this._setQuantity(i, (e.target as HTMLInputElement).value)}
              />
            </label>
            <button
              class="button"
              type="button"
              aria-label=${msg(str`Take ${line.product.name} out of the sample cart`)}
              @click=${() => {
                this._lines = this._lines.filter((_, j) => j !== i);
                this._preview = null;
              }}
            >
              ✕
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _renderPreview() {
    const preview = this._preview;
    if (preview === null) return nothing;
    const money = (minor: number) => storeMoney(minor);
    return html`<div data-preview>
      ${
        preview.unknownCoupons.length === 0
          ? nothing
          : html`<p class="notice warning" role="status">
              ${msg(str`No campaign running then takes: ${preview.unknownCoupons.join(', ')}`)}
            </p>`
      }
      ${renderTable({
        caption: msg('Prices with promotions'),
        empty: '',
        rows: preview.lines,
        columns: [
          { header: msg('Product'), cell: (l) => l.name },
          {
            header: msg('Quantity'),
            cell: (l) => (l.measured ? formatGrams(l.quantity, storeFormat().locale) : l.quantity),
            align: 'end',
          },
          { header: msg('Price'), cell: (l) => money(l.grossMinor), align: 'end' },
          {
            header: msg('Promotion'),
            cell: (l) =>
              l.promotions.length === 0
                ? msg('None')
                : html`<span class="applied" data-applied
                    >${l.promotions.map((p) => `${p.name} ${money(-p.discountMinor)}`).join(', ')}</span
                  >`,
          },
          { header: msg('To pay'), cell: (l) => money(l.totalMinor), align: 'end' },
        ],
      })}
      <p role="status" data-preview-total>
        ${msg(str`Saved ${money(preview.discountMinor)}: ${money(preview.totalMinor)} instead of ${money(preview.grossMinor)}`)}
      </p>
    </div>`;
  }

  private _add(product: ProductHit): void {
    if (this._lines.some((l) => l.product.id === product.id)) return;
    this._lines = [...this._lines, { product, quantity: product.weighed ? 1000 : 1 }];
    this._preview = null;
  }

  private _setQuantity(index: number, text: string): void {
    const n = /^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : 0;
    this._lines = this._lines.map((l, i) => (i === index ? { ...l, quantity: Math.max(1, n) } : l));
    this._preview = null;
  }

  private _run = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const session = this._session;
    if (!session) return;
    const form = event.currentTarget as HTMLFormElement;
    const codes = formText(form, 'codes')
      .split(/[\s,]+/)
      .filter((c) => c !== '');
    // Empty (or unreadable): now, by the hub's clock.
    const atMs = fromWallClock(formText(form, 'at'), getStoreTimeZone());
    const withCustomer = new FormData(form).get('customer') !== null;
    this._busy = true;
    try {
      this._preview = await previewCart(session.api, {
        lines: this._lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })),
        couponCodes: codes,
        withCustomer,
        ...(Number.isNaN(atMs) ? {} : { at: new Date(atMs).toISOString() }),
        ...(this.draft === null ? {} : { draft: this.draft }),
      });
      this._error = null;
    } catch (error) {
      this._error = adminErrorText(error);
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'promotion-sample-cart': PromotionSampleCart;
  }
}
