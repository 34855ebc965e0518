import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HubApiClient } from '../../shared/api/client.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { listLevels, type StockLevel } from './stock-api.js';
import { quantity } from './stock-format.js';

const SEARCH_DELAY_MS = 250;

/**
 * Finds a stocked product by name, SKU or barcode (typed or scanned: a scanner's Enter picks the only
 * match) and tells the page with a 'product-picked' event.
 */
@customElement('stock-product-picker')
@localized()
export class StockProductPicker extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0.25rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      .match {
        width: 100%;
        justify-content: space-between;
        text-align: start;
      }
      .muted {
        color: var(--ink-muted);
      }
    `,
  ];

  @property({ attribute: false }) api: HubApiClient | null = null;
  @property() label = '';
  @state() private _matches: StockLevel[] = [];
  @state() private _error = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #search = 0;

  override render() {
    return html`<label class="field">
        <span>${this.label || msg('Product: name, SKU or barcode')}</span>
        <input
          name="product"
          autocomplete="off"
          @input=${this._onInput}
          @keydown=${this._onKeydown}
          data-product-search
        />
      </label>
      ${this._error === '' ? nothing : html`<p class="muted" role="alert">${this._error}</p>`}
      <ul aria-label=${msg('Matching products')}>
        ${this._matches.map(
          (m) =>
            html`<li>
              <button class="button match" type="button" @click=${() => this._pick(m)}>
                <span>${m.name} <span class="muted">${m.sku}</span></span>
                <span class="muted">${quantity(m.onHand, m.unit)}</span>
              </button>
            </li>`,
        )}
      </ul>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  private _onInput = (event: Event) => {
    const text = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this._find(text), SEARCH_DELAY_MS);
  };

  private _onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(this.#timer);
    const text = (event.target as HTMLInputElement).value;
    void this._find(text).then((found) => {
      if (found.length === 1 && found[0]) this._pick(found[0]);
    });
  };

  private async _find(text: string): Promise<StockLevel[]> {
    const search = ++this.#search;
    if (text.trim() === '' || !this.api) {
      this._matches = [];
      return [];
    }
    try {
      const page = await listLevels(this.api, { q: text.trim() }, 8, 0);
      if (search !== this.#search) return [];
      this._error = page.items.length === 0 ? msg('No stocked product matches.') : '';
      this._matches = page.items;
      return page.items;
    } catch (error) {
      this._error = adminErrorText(error);
      return [];
    }
  }

  private _pick(product: StockLevel): void {
    this._matches = [];
    const input = this.renderRoot.querySelector('input');
    if (input) input.value = '';
    this.dispatchEvent(new CustomEvent('product-picked', { detail: product, bubbles: true, composed: true }));
  }

  /** Puts the cursor in the search, for the next scan. */
  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-product-picker': StockProductPicker;
  }
  interface HTMLElementEventMap {
    'product-picked': CustomEvent<StockLevel>;
  }
}
