import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { renderTable } from '../components/table.js';
import { categoryName } from './categories-page.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { money, percent, shareBp } from './report-text.js';
import { categoriesReport, productsReport, type CategoryRow, type ProductRow } from './reports-api.js';

interface Margins {
  categories: CategoryRow[];
  best: ProductRow[];
  worst: ProductRow[];
}

const SHOWN = 20;

/** Gross margin (sales before tax minus the cost recorded when each line was sold) by category and product. */
@customElement('report-margin-page')
@localized()
export class ReportMarginPage extends ReportPage<Margins> {
  protected readonly report = 'categories';

  protected heading(): string {
    return msg('Gross margin');
  }

  protected async fetch(filter: ReportFilter, signal: AbortSignal): Promise<Margins> {
    const [categories, best, worst] = await Promise.all([
      categoriesReport(this.api, filter, signal),
      productsReport(this.api, filter, { sort: 'margin', order: 'best', limit: SHOWN, offset: 0 }, signal),
      productsReport(this.api, filter, { sort: 'margin', order: 'worst', limit: SHOWN, offset: 0 }, signal),
    ]);
    return { categories, best: best.items, worst: worst.items };
  }

  private productTable(caption: string, rows: ProductRow[]) {
    const revenue = (p: ProductRow) => p.totalMinor - p.taxMinor;
    return renderTable({
      caption,
      columns: [
        { header: msg('Product'), cell: (p) => p.name ?? p.sku ?? p.productId },
        { header: msg('Revenue before tax'), cell: (p) => money(revenue(p)), align: 'end' },
        { header: msg('Cost'), cell: (p) => money(p.costMinor), align: 'end' },
        { header: msg('Margin'), cell: (p) => money(p.marginMinor), align: 'end' },
        { header: msg('Margin %'), cell: (p) => percent(shareBp(p.marginMinor, revenue(p))), align: 'end' },
      ],
      rows,
      empty: msg('No products were sold in this period.'),
    });
  }

  protected renderReport(m: Margins) {
    const revenue = (c: CategoryRow) => c.totalMinor - c.taxMinor;
    return html`<div class="card">
        <report-chart
          label=${msg('Revenue before tax, cost and margin by category')}
          .labels=${m.categories.map(categoryName)}
          .series=${[
            { label: msg('Revenue before tax'), values: m.categories.map(revenue) },
            { label: msg('Cost'), values: m.categories.map((c) => c.costMinor) },
            { label: msg('Margin'), values: m.categories.map((c) => c.marginMinor) },
          ]}
          .format=${money}
        ></report-chart>
      </div>
      ${renderTable({
        caption: msg('Margin by category'),
        columns: [
          { header: msg('Category'), cell: categoryName },
          { header: msg('Revenue before tax'), cell: (c) => money(revenue(c)), align: 'end' },
          { header: msg('Cost'), cell: (c) => money(c.costMinor), align: 'end' },
          { header: msg('Margin'), cell: (c) => money(c.marginMinor), align: 'end' },
          { header: msg('Margin %'), cell: (c) => percent(shareBp(c.marginMinor, revenue(c))), align: 'end' },
        ],
        rows: m.categories,
        empty: msg('No sales in this period.'),
      })}
      <div class="split" style="margin-top:1rem">
        ${this.productTable(msg('Highest margin'), m.best)}
        ${this.productTable(msg('Lowest margin'), m.worst)}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-margin-page': ReportMarginPage;
  }
}
