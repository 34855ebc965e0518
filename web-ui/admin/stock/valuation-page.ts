import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count } from '../components/admin-format.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { getValuation, type ValuationItem } from './stock-api.js';
import { quantity } from './stock-format.js';

/** What the stock on the shelves is worth at cost (moving average), highest value first. */
@customElement('stock-valuation-page')
@localized()
export class StockValuationPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _totalValueMinor: number | null = null;

  private _list = new PagedList<ValuationItem>(this, async (limit, offset, signal) => {
    const page = await getValuation(this.api, limit, offset, signal);
    this._totalValueMinor = page.totalValueMinor;
    return page;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
  }

  override render() {
    return html`<div class="head"><h1>${msg('Inventory valuation')}</h1></div>
      <div class="cards">
        <div class="card">
          <span class="muted">${msg('Stock at cost')}</span>
          <div class="figure" data-total-value>
            ${this._totalValueMinor === null ? '—' : storeMoney(this._totalValueMinor)}
          </div>
        </div>
        <div class="card">
          <span class="muted">${msg('Products in stock')}</span>
          <div class="figure">${this._list.total === null ? '—' : count(this._list.total)}</div>
        </div>
      </div>
      ${renderPagedTable(this._list, {
        caption: msg('Value per product'),
        empty: msg('Nothing is in stock.'),
        columns: [
          { header: msg('Product'), cell: (v) => v.name },
          { header: msg('SKU'), cell: (v) => v.sku },
          { header: msg('On hand'), cell: (v) => quantity(v.onHand, v.unit), align: 'end' },
          { header: msg('Unit cost'), cell: (v) => storeMoney(v.costMinor), align: 'end' },
          { header: msg('Value'), cell: (v) => storeMoney(v.valueMinor), align: 'end' },
        ],
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-valuation-page': StockValuationPage;
  }
}
