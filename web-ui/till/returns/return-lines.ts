import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../../shared/events.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { formatGrams, formatInteger } from '../../shared/format/numbers.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cartLinesStyles } from '../selling/cart-lines.styles.js';
import { panelStyles } from '../selling/selling-panel.styles.js';
import { quantityOf, type ReturnableLine, type ReturnSelection } from './return-selection.js';
import { returnsStyles } from './returns-screen.styles.js';

/**
 * The receipt's lines (or the products scanned for a return without a receipt): what was sold, what
 * earlier returns already took back, and how many come back now, with back-on-the-shelf per line.
 */
@customElement('return-lines')
@localized()
export class ReturnLines extends LitElement {
  static override styles = [baseStyles, buttonStyles, panelStyles, cartLinesStyles, returnsStyles];

  @property({ attribute: false }) selection: ReturnSelection | null = null;
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  override render() {
    const s = this.selection;
    if (!s) return nothing;
    const title = s.receiptCode === null ? msg('Items coming back') : msg(str`Receipt ${s.receiptCode}`);
    return html`<section aria-labelledby="lines-title">
      <h2 id="lines-title">${title}</h2>
      ${
        s.lines.length === 0
          ? html`<p class="empty">
              ${s.receiptCode === null ? msg('Scan or type the code of each item coming back.') : msg('Nothing on this receipt can be returned.')}
            </p>`
          : html`<ul class="lines" aria-label=${msg('Lines to return')}>
              ${s.lines.map((l) => this._renderLine(s, l))}
            </ul>`
      }
      ${
        s.receiptCode !== null && s.lines.some((l) => l.left > quantityOf(s, l.key))
          ? html`<button class="button" type="button" @click=${() => emit(this, 'return-all', {})}>
              ${msg('Return everything')}
            </button>`
          : nothing
      }
    </section>`;
  }

  private _renderLine(s: ReturnSelection, l: ReturnableLine) {
    const quantity = quantityOf(s, l.key);
    const choice = s.choices.get(l.key);
    // Weighed goods are sold in grams.
    const n = (v: number) => (l.measured ? formatGrams(v, this.uiLocale) : formatInteger(v, this.uiLocale));
    return html`<li class="line ${quantity > 0 ? 'picked' : ''}" data-line=${l.key}>
      <span class="name">${l.name}</span>
      <span class="amount"> ${l.paidMinor === null ? nothing : storeMoney(l.paidMinor, this.currency)} </span>
      ${
        s.receiptCode === null
          ? nothing
          : html`<span class="sold">
              ${msg(str`Sold ${n(l.sold)}`)}${
                l.returned > 0
                  ? html` · <strong data-returned>${msg(str`already returned ${n(l.returned)}`)}</strong>`
                  : nothing
              }
            </span>`
      }
      <div class="controls">
        ${l.left === 0 ? html`<span class="done-line">${msg('All returned')}</span>` : this._renderQuantity(l, quantity)}
        ${
          choice
            ? html`<label class="restock">
                <input
                  type="checkbox"
                  .checked=${choice.restock}
                  @change=${(e: Event) =>
                    emit(this, 'return-restock', {
                      key: l.key,
                      restock: (e.target as HTMLInputElement).checked,
                    })}
                />
                ${msg('Back on the shelf')}
              </label>`
            : nothing
        }
      </div>
    </li>`;
  }

  private _renderQuantity(l: ReturnableLine, quantity: number) {
    const set = (q: number) => emit(this, 'return-quantity', { key: l.key, quantity: q });
    if (l.measured) {
      // A weighed line comes back whole: the hub prorates by grams, the till has no scale reading here.
      return html`<button
        class="button"
        type="button"
        aria-pressed=${quantity > 0 ? 'true' : 'false'}
        @click=${() => set(quantity > 0 ? 0 : l.left)}
      >
        ${quantity > 0 ? msg('Returning') : msg('Return')}
      </button>`;
    }
    return html`<button
        class="button"
        type="button"
        aria-label=${msg(str`One less ${l.name}`)}
        ?disabled=${quantity <= 0}
        @click=${() => set(quantity - 1)}
      >
        −
      </button>
      <span class="qty" aria-label=${msg(str`Quantity of ${l.name} to return`)}>${quantity}</span>
      <button
        class="button"
        type="button"
        aria-label=${msg(str`One more ${l.name}`)}
        ?disabled=${quantity >= l.left}
        @click=${() => set(quantity + 1)}
      >
        +
      </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'return-lines': ReturnLines;
  }
}
