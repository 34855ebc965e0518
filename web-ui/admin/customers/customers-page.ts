import { localized, msg } from '@lit/localize';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { exportUrl, searchCustomers, type CustomerRow } from './customers-api.js';

/** Customers: search by name, phone or e-mail, open a profile, and export the list (all, or those who consented). */
@customElement('customers-page')
@localized()
export class CustomersPage extends AdminPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    // The export links look like the page's buttons.
    css`
      a.button {
        display: inline-flex;
        align-items: center;
        text-decoration: none;
      }
    `,
  ];

  @state() private _q = '';

  private _list = new PagedList<CustomerRow>(this, (limit, offset, signal) =>
    searchCustomers(this.api, this._q, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this._q = this.query.get('q') ?? '';
    void this._list.load();
  }

  override render() {
    return html`<div class="head">
        <h1>${msg('Customers')}</h1>
        <div class="actions">
          <a class="button" href=${exportUrl(false)} download="customers.csv">${msg('Export all (CSV)')}</a>
          <a class="button" href=${exportUrl(true)} download="customers-consented.csv"
            >${msg('Export those who consented (CSV)')}</a
          >
        </div>
      </div>
      <form class="toolbar" role="search" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <label class="field">
          <span>${msg('Name, phone or e-mail')}</span>
          <input name="q" type="search" autocomplete="off" .value=${this._q} @input=${this._search} />
        </label>
      </form>
      ${renderPagedTable(this._list, {
        caption: msg('Customers'),
        hideCaption: true,
        empty: msg('No customer matches.'),
        columns: [
          {
            header: msg('Name'),
            cell: (c) => html`<a href=${`/admin/customers/${encodeURIComponent(c.id)}`}>${c.name}</a>`,
          },
          { header: msg('Phone'), cell: (c) => c.phone ?? '—' },
          { header: msg('E-mail'), cell: (c) => c.email ?? '—' },
          {
            header: msg('Marketing consent'),
            cell: (c) =>
              c.marketingConsent
                ? html`<span class="badge ok">${msg('Given')}</span>`
                : html`<span class="badge">${msg('Not given')}</span>`,
          },
          { header: msg('Customer since'), cell: (c) => dateTime(c.createdAt) },
        ],
      })}`;
  }

  private _search = (event: InputEvent): void => {
    this._q = (event.target as HTMLInputElement).value.trim();
    void this._list.load();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'customers-page': CustomersPage;
  }
}
