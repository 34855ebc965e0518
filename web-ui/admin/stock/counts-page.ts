import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { storeMoney } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count, dateTime } from '../components/admin-format.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import { AdminPage } from '../shell/admin-page.js';
import { createCount, listCounts, type StockCount } from './counts-api.js';
import { PageAction, renderNotice } from './notice.js';
import { listCategories, type Category } from './stock-api.js';

export function countStatus(c: StockCount) {
  switch (c.status) {
    case 'open':
      return html`<span class="badge warning">${msg('Open')}</span>`;
    case 'posted':
      return html`<span class="badge ok">${msg('Posted')}</span>`;
    case 'cancelled':
      return html`<span class="badge">${msg('Cancelled')}</span>`;
  }
}

export function countScope(c: StockCount): string {
  return c.scope === 'full' ? msg('Full count') : msg(str`Cycle count: ${c.categoryName ?? ''}`);
}

/** Stock counts: start a full count or one category's, and open a count's sheet. */
@customElement('stock-counts-page')
@localized()
export class StockCountsPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _categories: Category[] = [];
  private _action = new PageAction(this);

  private _list = new PagedList<StockCount>(this, (limit, offset, signal) =>
    listCounts(this.api, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
    listCategories(this.api).then(
      (c) => (this._categories = c),
      (error: unknown) => {
        this._action.say(adminErrorText(error), true);
      },
    );
  }

  override render() {
    return html`<div class="head"><h1>${msg('Stock counts')}</h1></div>
      ${renderNotice(this._action.notice)}
      <form class="card toolbar" @submit=${this._start}>
        <label class="field">
          <span>${msg('What to count')}</span>
          <select name="categoryId">
            <option value="">${msg('Everything (full count)')}</option>
            ${this._categories.map((c) => html`<option value=${c.id}>${msg(str`Cycle count: ${c.name}`)}</option>`)}
          </select>
        </label>
        <button class="button primary" type="submit" ?disabled=${this._action.busy}>
          ${msg('Start a count')}
        </button>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('Counts'),
        empty: msg('No stock count yet.'),
        columns: [
          {
            header: msg('No.'),
            cell: (c) => html`<a href=${adminHref(`/stock/counts/${c.id}`)}>${c.number}</a>`,
            align: 'end',
          },
          { header: msg('Scope'), cell: countScope },
          { header: msg('Status'), cell: countStatus },
          {
            header: msg('Counted'),
            cell: (c) => `${count(c.countedCount)} / ${count(c.lineCount)}`,
            align: 'end',
          },
          { header: msg('Variance at cost'), cell: (c) => storeMoney(c.varianceValueMinor), align: 'end' },
          { header: msg('Started'), cell: (c) => dateTime(c.createdAt) },
          { header: msg('Posted'), cell: (c) => dateTime(c.postedAt) },
        ],
      })}`;
  }

  private _start = async (event: SubmitEvent) => {
    event.preventDefault();
    const categoryId = formText(event.currentTarget as HTMLFormElement, 'categoryId');
    await this._action.run(async () => {
      const created = await createCount(this.api, categoryId === '' ? null : categoryId);
      navigate(adminHref(`/stock/counts/${created.id}`));
      return '';
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'stock-counts-page': StockCountsPage;
  }
}
