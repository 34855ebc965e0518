import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { isUnreachable } from '../../../shared/api/errors.js';
import {
  listCategories,
  listCategoryProducts,
  listFavourites,
  type GridCategory,
} from '../../../shared/api/grid-endpoints.js';
import type { ProductHit } from '../../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../../shared/connection/context.js';
import type { HubConnection } from '../../../shared/connection/hub-connection.js';
import { emit } from '../../../shared/events.js';
import { storeMoney } from '../../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../../shared/styles/theme.js';
import { errorText } from '../../app/error-text.js';
import { productGridStyles } from './product-grid.styles.js';

/**
 * The touch grid beside the search: the store's favourites as one-tap tiles, then the categories (a
 * category's subcategories under it) and the products of the one picked. A tapped tile is 'product-pick',
 * the same event a search result gives, so it goes into the cart the same way (weighed ones to the scale).
 */
@customElement('product-grid')
@localized()
export class ProductGrid extends LitElement {
  static override styles = [baseStyles, buttonStyles, productGridStyles];

  @property() currency = 'DKK';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _favourites: ProductHit[] = [];
  @state() private _categories: GridCategory[] = [];
  @state() private _open: GridCategory | null = null;
  @state() private _products: ProductHit[] | null = null;

  private _loading: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._loading?.abort();
  }

  /** Reads favourites and categories again (after the hub was away, or the catalog changed). */
  async reload(): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    try {
      const [favourites, categories] = await Promise.all([listFavourites(api), listCategories(api)]);
      this._favourites = favourites;
      this._categories = categories;
    } catch (error) {
      this._notify(error);
    }
  }

  /** Puts the focus on the first tile, for the keyboard (Alt+G). */
  focusGrid(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  override render() {
    const shown = this._categories.filter((c) => c.parentId === (this._open?.id ?? null));
    return html`${
        this._favourites.length > 0
          ? html`<h2 id="favourites-title">${msg('Favourites')}</h2>
              <ul class="tiles" aria-labelledby="favourites-title">
                ${this._favourites.map((p) => this._tile(p, true))}
              </ul>`
          : nothing
      }
      <h2 id="categories-title">${msg('Categories')}</h2>
      <div class="categories" role="group" aria-labelledby="categories-title">
        ${
          this._open
            ? html`<button class="button" type="button" @click=${() => void this._openCategory(null)}>
                  ${msg('All categories')}
                </button>
                <button class="button" type="button" aria-pressed="true">${this._open.name}</button>`
            : nothing
        }
        ${shown.map(
          (c) =>
            html`<button class="button" type="button" @click=${() => void this._openCategory(c)}>
              ${c.name}
            </button>`,
        )}
      </div>
      ${this._renderProducts()}`;
  }

  private _renderProducts() {
    if (this._open === null) return nothing;
    if (this._products === null) return html`<p class="hint">${msg('Loading…')}</p>`;
    if (this._products.length === 0) return html`<p class="hint">${msg('No products in this category.')}</p>`;
    return html`<ul class="tiles products" aria-label=${msg(str`Products in ${this._open.name}`)}>
      ${this._products.map((p) => this._tile(p, false))}
    </ul>`;
  }

  private _tile(product: ProductHit, favourite: boolean) {
    const price = storeMoney(product.priceMinor, this.currency);
    return html`<li>
      <button
        class="tile ${favourite ? 'favourite' : ''}"
        type="button"
        @click=${() => emit(this, 'product-pick', { product })}
      >
        <span class="name">${product.name}</span>
        <span class="price">${product.weighed ? msg(str`${price} per kg`) : price}</span>
      </button>
    </li>`;
  }

  private async _openCategory(category: GridCategory | null): Promise<void> {
    this._loading?.abort();
    this._open = category;
    this._products = null;
    const api = this._connection?.api;
    if (category === null || !api) return;
    const abort = new AbortController();
    this._loading = abort;
    try {
      const products = await listCategoryProducts(api, category.id, abort.signal);
      if (!abort.signal.aborted) this._products = products;
    } catch (error) {
      if (!abort.signal.aborted) {
        this._products = [];
        this._notify(error);
      }
    }
  }

  private _notify(error: unknown): void {
    // Unreachable: the offline banner says so; the grid fills again on reload().
    if (!isUnreachable(error)) emit(this, 'till-notice', { text: errorText(error), danger: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'product-grid': ProductGrid;
  }
}
