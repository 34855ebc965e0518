import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable, renderTable } from '../components/table.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderNotice, type Notice } from './notice.js';
import { orderStatusBadge, orderStatusLabel } from './order-status.js';
import './product-picker.js';
import {
  createOrder,
  listOrders,
  listSuppliers,
  ORDER_STATUSES,
  type OrderStatus,
  type PurchaseOrder,
  type Supplier,
} from './purchasing-api.js';
import type { StockLevel } from './stock-api.js';
import { draftColumns, parseDraft, withProduct, type DraftLine } from './draft-lines.js';

/** Purchase orders: the list by status, and a new draft put together from found or scanned products. */
@customElement('stock-orders-page')
@localized()
export class StockOrdersPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _status: OrderStatus | '' = '';
  @state() private _suppliers: Supplier[] = [];
  @state() private _lines: DraftLine[] = [];
  @state() private _notice: Notice | null = null;

  private _list = new PagedList<PurchaseOrder>(this, (limit, offset, signal) =>
    listOrders(this.api, this._status, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
    listSuppliers(this.api, false, 500, 0).then(
      (page) => (this._suppliers = page.items),
      (error: unknown) => (this._notice = { text: adminErrorText(error), error: true }),
    );
  }

  override render() {
    return html`<div class="head"><h1>${msg('Purchase orders')}</h1></div>
      ${renderNotice(this._notice)}
      <form class="card" @submit=${this._create}>
        <h2>${msg('New purchase order')}</h2>
        <div class="form-grid">
          <label class="field">
            <span>${msg('Supplier')}</span>
            <select name="supplierId" required>
              <option value="">${msg('Choose a supplier')}</option>
              ${this._suppliers.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
            </select>
          </label>
          <stock-product-picker .api=${this.api} @product-picked=${this._add}></stock-product-picker>
        </div>
        ${renderTable({
          caption: msg('Lines'),
          empty: msg('Find or scan the products to order.'),
          rows: this._lines,
          columns: draftColumns(),
        })}
        <div class="toolbar">
          <button class="button primary" type="submit" ?disabled=${this._lines.length === 0}>
            ${msg('Create draft')}
          </button>
        </div>
      </form>
      <div class="toolbar">
        <label class="field">
          <span>${msg('Status')}</span>
          <select
            @change=${(e: Event) => {
              this._status = (e.target as HTMLSelectElement).value as OrderStatus | '';
              void this._list.load();
            }}
          >
            <option value="">${msg('All')}</option>
            ${ORDER_STATUSES.map((s) => html`<option value=${s}>${orderStatusLabel(s)}</option>`)}
          </select>
        </label>
      </div>
      ${renderPagedTable(this._list, {
        caption: msg('Purchase orders'),
        empty: msg('No purchase order yet.'),
        columns: [
          {
            header: msg('No.'),
            cell: (o) => html`<a href=${adminHref(`/stock/orders/${o.id}`)}>${o.number}</a>`,
            align: 'end',
          },
          { header: msg('Supplier'), cell: (o) => o.supplierName },
          { header: msg('Status'), cell: (o) => orderStatusBadge(o.status) },
          { header: msg('Total at cost'), cell: (o) => storeMoney(o.totalMinor), align: 'end' },
          { header: msg('Created'), cell: (o) => dateTime(o.createdAt) },
        ],
      })}`;
  }

  private _add = (event: CustomEvent<StockLevel>) => {
    this._lines = withProduct(this._lines, event.detail);
  };

  private _create = async (event: SubmitEvent) => {
    event.preventDefault();
    const supplierId = formText(event.currentTarget as HTMLFormElement, 'supplierId');
    const parsed = parseDraft(this._lines);
    if (!parsed.ok) {
      this._notice = { text: parsed.error, error: true };
      return;
    }
    try {
      const order = await createOrder(this.api, supplierId, parsed.lines);
      navigate(adminHref(`/stock/orders/${order.id}`));
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-orders-page': StockOrdersPage;
  }
}
