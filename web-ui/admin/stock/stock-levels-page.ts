import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderNotice, type Notice } from './notice.js';
import { listLevels, setReorderPoint, type StockLevel } from './stock-api.js';
import { lowBadge, parseQuantity, quantity } from './stock-format.js';

/** Stock on hand: search, only what is low, and each product's reorder point edited in place. */
@customElement('stock-levels-page')
@localized()
export class StockLevelsPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _q = '';
  @state() private _lowOnly = false;
  @state() private _notice: Notice | null = null;

  private _list = new PagedList<StockLevel>(this, (limit, offset, signal) =>
    listLevels(this.api, { q: this._q, low: this._lowOnly }, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this._lowOnly = this.query.get('low') === 'true';
    void this._list.load();
  }

  override render() {
    return html`<div class="head">
        <h1>${msg('Stock on hand')}</h1>
      </div>
      ${renderNotice(this._notice)}
      <form class="toolbar" role="search" @submit=${this._search}>
        <label class="field">
          <span>${msg('Search: name, SKU or barcode')}</span>
          <input name="q" type="search" .value=${this._q} autocomplete="off" />
        </label>
        <label class="check">
          <input type="checkbox" name="low" .checked=${this._lowOnly} @change=${this._toggleLow} />
          <span>${msg('Only low stock')}</span>
        </label>
        <button class="button" type="submit">${msg('Search')}</button>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('Stock per product'),
        empty: this._lowOnly
          ? msg('Nothing is at or below its reorder point.')
          : msg('No stocked product matches.'),
        columns: [
          { header: msg('Product'), cell: (l) => l.name },
          { header: msg('SKU'), cell: (l) => l.sku },
          { header: msg('On hand'), cell: (l) => quantity(l.onHand, l.unit), align: 'end' },
          { header: msg('Reorder point'), cell: (l) => this._renderReorderPoint(l), align: 'end' },
          { header: msg('Cost'), cell: (l) => storeMoney(l.costMinor), align: 'end' },
          { header: msg('Status'), cell: (l) => (l.reorderPoint === null ? '—' : lowBadge(l.low)) },
        ],
      })}`;
  }

  private _renderReorderPoint(level: StockLevel) {
    return html`<form class="row-actions" @submit=${(e: SubmitEvent) => this._saveReorderPoint(e, level)}>
      <label class="field">
        <span class="visually-hidden">${msg(str`Reorder point of ${level.name}`)}</span>
        <input
          name="reorderPoint"
          inputmode="numeric"
          size="6"
          .value=${level.reorderPoint === null ? '' : String(level.reorderPoint)}
          placeholder="—"
        />
      </label>
      <button class="button" type="submit">${msg('Save')}</button>
    </form>`;
  }

  private _search = (event: SubmitEvent) => {
    event.preventDefault();
    this._q = formText(event.currentTarget as HTMLFormElement, 'q');
    void this._list.load();
  };

  private _toggleLow = (event: Event) => {
    this._lowOnly = (event.target as HTMLInputElement).checked;
    void this._list.load();
  };

  private async _saveReorderPoint(event: SubmitEvent, level: StockLevel): Promise<void> {
    event.preventDefault();
    const text = formText(event.currentTarget as HTMLFormElement, 'reorderPoint');
    const value = text === '' ? null : parseQuantity(text);
    if (text !== '' && value === null) {
      this._notice = { text: msg('A reorder point is a whole number, or empty for none.'), error: true };
      return;
    }
    try {
      await setReorderPoint(this.api, level.productId, value);
      this._notice = {
        text:
          value === null
            ? msg(str`${level.name} has no reorder point now.`)
            : msg(str`Reorder point of ${level.name} is ${quantity(value, level.unit)}.`),
        error: false,
      };
      await this._list.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-levels-page': StockLevelsPage;
  }
}
