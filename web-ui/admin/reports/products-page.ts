import { localized, msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { renderPager } from './report-pager.js';
import { money } from './report-text.js';
import { productsReport, type ProductRow, type ProductSort, type ProductsPage } from './reports-api.js';

const PAGE = 50;
const CHARTED = 10;

/** Best or worst sellers by revenue before tax, quantity or margin, with returns taken off. */
@customElement('report-products-page')
@localized()
export class ReportProductsPage extends ReportPage<ProductsPage> {
  protected readonly report = 'products';
  @state() private sort: ProductSort = 'revenue';
  @state() private order: 'best' | 'worst' = 'best';

  protected heading(): string {
    return msg('Best and worst sellers');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<ProductsPage> {
    return productsReport(
      this.api,
      filter,
      { sort: this.sort, order: this.order, limit: PAGE, offset: this.offset },
      signal,
    );
  }

  protected override csvExtra(): Record<string, string> {
    return { sort: this.sort, order: this.order };
  }

  private pick(change: { sort?: ProductSort; order?: 'best' | 'worst'; offset?: number }): void {
    this.sort = change.sort ?? this.sort;
    this.order = change.order ?? this.order;
    this.offset = change.offset ?? 0;
    void this.reload();
  }

  protected override controls() {
    const sorts: [ProductSort, string][] = [
      ['revenue', msg('Revenue before tax')],
      ['quantity', msg('Quantity')],
      ['margin', msg('Margin')],
    ];
    return html`<label class="field">
        <span>${msg('Show')}</span>
        <select
          @change=${(e: Event) => this.pick({ order: (e.target as HTMLSelectElement).value as 'best' | 'worst' })}
        >
          <option value="best" ?selected=${this.order === 'best'}>${msg('Best sellers')}</option>
          <option value="worst" ?selected=${this.order === 'worst'}>${msg('Worst sellers')}</option>
        </select>
      </label>
      <label class="field">
        <span>${msg('Ranked by')}</span>
        <select
          @change=${(e: Event) => this.pick({ sort: (e.target as HTMLSelectElement).value as ProductSort })}
        >
          ${sorts.map(([value, label]) => html`<option value=${value} ?selected=${value === this.sort}>${label}</option>`)}
        </select>
      </label>`;
  }

  private measure(p: ProductRow): number {
    if (this.sort === 'quantity') return p.quantity;
    if (this.sort === 'margin') return p.marginMinor;
    return p.totalMinor - p.taxMinor;
  }

  protected renderReport(r: ProductsPage) {
    const top = r.items.slice(0, CHARTED);
    const name = (p: ProductRow) => p.name ?? p.sku ?? p.productId;
    return html`<div class="summary">
        <div class="card">
          <div class="label">${msg('Products sold')}</div>
          <div class="figure">${count(r.totals.products)}</div>
        </div>
        <div class="card">
          <div class="label">${msg('Revenue before tax')}</div>
          <div class="figure">${money(r.totals.totalMinor - r.totals.taxMinor)}</div>
        </div>
        <div class="card">
          <div class="label">${msg('Gross margin')}</div>
          <div class="figure">${money(r.totals.totalMinor - r.totals.taxMinor - r.totals.costMinor)}</div>
        </div>
      </div>
      ${
        top.length === 0
          ? nothing
          : html`<div class="card">
              <report-chart
                kind="horizontal"
                label=${msg('The first products of the list and their figure')}
                .labels=${top.map(name)}
                .series=${[{ label: this.sort === 'quantity' ? msg('Quantity') : this.sort === 'margin' ? msg('Margin') : msg('Revenue before tax'), values: top.map((p) => this.measure(p)) }]}
                .format=${this.sort === 'quantity' ? count : money}
              ></report-chart>
            </div>`
      }
      ${renderTable({
        caption: this.order === 'best' ? msg('Best sellers') : msg('Worst sellers'),
        columns: [
          { header: '#', cell: (p) => count(this.offset + r.items.indexOf(p) + 1), align: 'end' },
          { header: msg('Product'), cell: (p) => html`${name(p)} <span class="muted">${p.sku ?? ''}</span>` },
          { header: msg('Quantity'), cell: (p) => count(p.quantity), align: 'end' },
          { header: msg('Returned'), cell: (p) => count(p.returnedQuantity), align: 'end' },
          { header: msg('Discounts'), cell: (p) => money(p.discountMinor), align: 'end' },
          { header: msg('Revenue before tax'), cell: (p) => money(p.totalMinor - p.taxMinor), align: 'end' },
          { header: msg('Cost'), cell: (p) => money(p.costMinor), align: 'end' },
          { header: msg('Margin'), cell: (p) => money(p.marginMinor), align: 'end' },
        ],
        rows: r.items,
        empty: msg('No products were sold in this period.'),
      })}
      ${renderPager(
        { offset: this.offset, shown: r.items.length, total: r.total, nextOffset: r.nextOffset, size: PAGE },
        (offset) => this.pick({ offset }),
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-products-page': ReportProductsPage;
  }
}
