import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { money, percent, shareBp } from './report-text.js';
import { categoriesReport, type CategoryRow } from './reports-api.js';

/** The name of a category row; sales of products without a category are shown as such. */
export function categoryName(c: CategoryRow): string {
  return c.categoryId === '' ? msg('No category') : (c.name ?? c.categoryId);
}

/** Sales by category: each category's share of the sales, returns taken off. */
@customElement('report-categories-page')
@localized()
export class ReportCategoriesPage extends ReportPage<CategoryRow[]> {
  protected readonly report = 'categories';

  protected heading(): string {
    return msg('Sales by category');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<CategoryRow[]> {
    return categoriesReport(this.api, filter, signal);
  }

  protected renderReport(rows: CategoryRow[]) {
    const total = rows.reduce((n, c) => n + c.totalMinor, 0);
    return html`<div class="split">
      <div class="card">
        <report-chart
          kind="doughnut"
          label=${msg('Share of sales by category')}
          .labels=${rows.map(categoryName)}
          .series=${[{ label: msg('Sales'), values: rows.map((c) => c.totalMinor) }]}
          .format=${money}
        ></report-chart>
      </div>
      ${renderTable({
        caption: msg('Categories'),
        columns: [
          { header: msg('Category'), cell: categoryName },
          { header: msg('Lines'), cell: (c) => count(c.lines), align: 'end' },
          { header: msg('Discounts'), cell: (c) => money(c.discountMinor), align: 'end' },
          { header: msg('Sales'), cell: (c) => money(c.totalMinor), align: 'end' },
          { header: msg('Share'), cell: (c) => percent(shareBp(c.totalMinor, total)), align: 'end' },
        ],
        rows,
        empty: msg('No sales in this period.'),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-categories-page': ReportCategoriesPage;
  }
}
