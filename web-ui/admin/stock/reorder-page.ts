import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatInteger } from '../../shared/format/numbers.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderNotice, type Notice } from './notice.js';
import { createOrder, listSuppliers, type Supplier } from './purchasing-api.js';
import { listSuggestions, type Suggestion } from './stock-api.js';
import { quantity } from './stock-format.js';

/**
 * What to order, from how fast each product sold over the last days against on-hand, what is already on
 * order and its reorder point; the ticked ones become a draft purchase order for one supplier.
 */
@customElement('stock-reorder-page')
@localized()
export class StockReorderPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _days = 28;
  @state() private _coverDays = 14;
  @state() private _picked = new Set<string>();
  @state() private _suppliers: Supplier[] = [];
  @state() private _notice: Notice | null = null;

  private _list = new PagedList<Suggestion>(
    this,
    (_limit, _offset, signal) => listSuggestions(this.api, this._days, this._coverDays, signal),
    500,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load().then(() => (this._picked = new Set(this._list.items.map((s) => s.productId))));
    listSuppliers(this.api, false, 500, 0).then(
      (page) => (this._suppliers = page.items),
      (error: unknown) => (this._notice = { text: adminErrorText(error), error: true }),
    );
  }

  override render() {
    const perDay = (n: number) =>
      new Intl.NumberFormat(storeFormat().locale, { maximumFractionDigits: 2 }).format(n);
    return html`<div class="head"><h1>${msg('Reorder suggestions')}</h1></div>
      ${renderNotice(this._notice)}
      <form class="toolbar" @submit=${this._refresh}>
        <label class="field">
          <span>${msg('Sales over the last days')}</span>
          <input name="days" inputmode="numeric" size="4" .value=${String(this._days)} />
        </label>
        <label class="field">
          <span>${msg('Order enough for days')}</span>
          <input name="coverDays" inputmode="numeric" size="4" .value=${String(this._coverDays)} />
        </label>
        <button class="button" type="submit">${msg('Update')}</button>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('Suggested orders'),
        empty: msg('Nothing needs ordering now.'),
        columns: [
          {
            header: msg('Order'),
            cell: (s) =>
              html`<label class="check"
                ><input
                  type="checkbox"
                  .checked=${this._picked.has(s.productId)}
                  @change=${() => this._toggle(s.productId)}
                /><span class="visually-hidden">${msg(str`Order ${s.name}`)}</span></label
              >`,
          },
          { header: msg('Product'), cell: (s) => s.name },
          { header: msg('Sold per day'), cell: (s) => perDay(s.perDay), align: 'end' },
          { header: msg('On hand'), cell: (s) => quantity(s.onHand, s.unit), align: 'end' },
          { header: msg('On order'), cell: (s) => quantity(s.onOrder, s.unit), align: 'end' },
          {
            header: msg('Reorder point'),
            cell: (s) => (s.reorderPoint === null ? '—' : quantity(s.reorderPoint, s.unit)),
            align: 'end',
          },
          {
            header: msg('Suggested'),
            cell: (s) => html`<strong>${formatInteger(s.suggested, storeFormat().locale)}</strong>`,
            align: 'end',
          },
        ],
      })}
      <form class="card toolbar" @submit=${this._order}>
        <label class="field">
          <span>${msg('Supplier')}</span>
          <select name="supplierId" required>
            <option value="">${msg('Choose a supplier')}</option>
            ${this._suppliers.map((s) => html`<option value=${s.id}>${s.name}</option>`)}
          </select>
        </label>
        <button class="button primary" type="submit" ?disabled=${this._picked.size === 0}>
          ${msg('Create a purchase order from the ticked lines')}
        </button>
      </form>`;
  }

  private _toggle(productId: string): void {
    const next = new Set(this._picked);
    if (!next.delete(productId)) next.add(productId);
    this._picked = next;
  }

  private _refresh = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const days = Number(formText(form, 'days'));
    const cover = Number(formText(form, 'coverDays'));
    if (
      !Number.isInteger(days) ||
      days < 1 ||
      days > 365 ||
      !Number.isInteger(cover) ||
      cover < 1 ||
      cover > 180
    ) {
      this._notice = { text: msg('Days are a whole number: sales 1 to 365, cover 1 to 180.'), error: true };
      return;
    }
    this._days = days;
    this._coverDays = cover;
    void this._list.load();
  };

  private _order = async (event: SubmitEvent) => {
    event.preventDefault();
    const supplierId = formText(event.currentTarget as HTMLFormElement, 'supplierId');
    const lines = this._list.items
      .filter((s) => this._picked.has(s.productId))
      .map((s) => ({ productId: s.productId, quantity: s.suggested }));
    try {
      const order = await createOrder(this.api, supplierId, lines, msg('From reorder suggestions'));
      navigate(adminHref(`/stock/orders/${order.id}`));
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-reorder-page': StockReorderPage;
  }
}
