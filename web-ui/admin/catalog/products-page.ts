import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { adminHref } from '../shell/router.js';
import {
  categoryPaths,
  listCategories,
  listProducts,
  type Product,
  type ProductFilter,
} from './catalog-api.js';
import { CatalogPage, catalogStyles } from './catalog-page.js';

/**
 * Products: search by name, SKU or barcode, filter by category and archived, a page at a time; tick
 * products to change their prices together.
 */
@customElement('products-page')
@localized()
export class ProductsPage extends CatalogPage {
  static override styles = [baseStyles, buttonStyles, pageStyles, catalogStyles];

  @state() private _filter: ProductFilter = { q: '', categoryId: '', status: 'active' };
  @state() private _categories = new Map<string, string>();
  @state() private _picked = new Set<string>();
  #typing: ReturnType<typeof setTimeout> | undefined;

  private _list = new PagedList<Product>(this, (limit, offset, signal) =>
    listProducts(this.api, this._filter, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this._filter = {
      q: this.query.get('q') ?? '',
      categoryId: this.query.get('category') ?? '',
      status:
        (['active', 'archived', 'all'] as const).find((s) => s === this.query.get('status')) ?? 'active',
    };
    void this._list.load();
    void this.run(async () => {
      this._categories = categoryPaths(await listCategories(this.api, true));
      return null;
    });
  }

  override render() {
    const picked = [...this._picked];
    return html`<div class="head">
        <h1 tabindex="-1">${msg('Products')}</h1>
        <div class="actions">
          ${
            picked.length === 0
              ? ''
              : html`<a class="button" href=${adminHref('/price-changes', { products: picked.join(',') })}
                  >${msg(str`Change prices of ${picked.length} picked`)}</a
                >`
          }
          <a class="button primary" href=${adminHref('/products/new')}>${msg('New product')}</a>
        </div>
      </div>
      ${this.renderNotice()}
      <form class="toolbar" role="search" @submit=${(e: Event) => e.preventDefault()}>
        <label class="field">
          <span>${msg('Search name, SKU or barcode')}</span>
          <input type="search" name="q" .value=${this._filter.q} @input=${this._search} autocomplete="off" />
        </label>
        <label class="field">
          <span>${msg('Category')}</span>
          <select
            name="category"
            @change=${(e: Event) => this._set({ categoryId: (e.target as HTMLSelectElement).value })}
          >
            <option value="" ?selected=${this._filter.categoryId === ''}>${msg('All categories')}</option>
            ${[...this._categories].map(
              ([id, path]) =>
                html`<option value=${id} ?selected=${this._filter.categoryId === id}>${path}</option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${msg('Show')}</span>
          <select
            name="status"
            @change=${(e: Event) =>
              this._set({ status: (e.target as HTMLSelectElement).value as ProductFilter['status'] })}
          >
            <option value="active" ?selected=${this._filter.status === 'active'}>${msg('On sale')}</option>
            <option value="archived" ?selected=${this._filter.status === 'archived'}>
              ${msg('Archived')}
            </option>
            <option value="all" ?selected=${this._filter.status === 'all'}>${msg('All')}</option>
          </select>
        </label>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('Products'),
        hideCaption: true,
        empty: msg('No product matches.'),
        columns: [
          {
            header: msg('Pick'),
            cell: (p) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  .checked=${this._picked.has(p.id)}
                  @change=${(e: Event) => this._pick(p.id, (e.target as HTMLInputElement).checked)}
                /><span class="visually-hidden">${msg(str`Pick ${p.name}`)}</span></label
              >`,
          },
          { header: msg('SKU'), cell: (p) => p.sku },
          {
            header: msg('Name'),
            cell: (p) => html`<a href=${adminHref(`/products/${p.id}`)}>${p.name}</a>`,
          },
          {
            header: msg('Category'),
            cell: (p) => (p.categoryId === null ? '—' : (this._categories.get(p.categoryId) ?? '—')),
          },
          { header: msg('Barcodes'), cell: (p) => p.barcodes.map((b) => b.display).join(', ') || '—' },
          {
            header: msg('Price'),
            cell: (p) => (p.weighed ? msg(str`${storeMoney(p.priceMinor)} / kg`) : storeMoney(p.priceMinor)),
            align: 'end',
          },
          {
            header: msg('Status'),
            cell: (p) =>
              p.active
                ? html`<span class="badge ok">${p.hasVariants ? msg('Style') : msg('On sale')}</span>`
                : html`<span class="badge">${msg('Archived')}</span>`,
          },
        ],
      })}`;
  }

  private _pick(id: string, on: boolean): void {
    const next = new Set(this._picked);
    if (on) next.add(id);
    else next.delete(id);
    this._picked = next;
  }

  private _search = (e: Event): void => {
    const q = (e.target as HTMLInputElement).value;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(() => this._set({ q }), 250);
  };

  private _set(change: Partial<ProductFilter>): void {
    this._filter = { ...this._filter, ...change };
    const query: Record<string, string> = {};
    if (this._filter.q !== '') query.q = this._filter.q;
    if (this._filter.categoryId !== '') query.category = this._filter.categoryId;
    if (this._filter.status !== 'active') query.status = this._filter.status;
    history.replaceState(null, '', adminHref('/products', query));
    void this._list.load(0);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'products-page': ProductsPage;
  }
}
