import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { decodePage, type Page } from '../components/paged-list.js';
import { renderTable } from '../components/table.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { renderPager } from './report-pager.js';
import { decodeLowStock, type LowStockRow } from './reports-api.js';

const PAGE = 50;

/** Active products at or below their reorder point, lowest stock first. */
@customElement('report-low-stock-page')
@localized()
export class ReportLowStockPage extends ReportPage<Page<LowStockRow>> {
  protected readonly report = 'low-stock';
  protected override readonly dated = false;

  protected heading(): string {
    return msg('Low stock');
  }

  protected async fetch(filter: ReportFilter, signal: AbortSignal): Promise<Page<LowStockRow>> {
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(this.offset) });
    if (filter.categoryId !== null) params.set('categoryId', filter.categoryId);
    return decodePage(
      await this.api.request(`/reports/low-stock?${params.toString()}`, { signal }),
      decodeLowStock,
      'low stock',
    );
  }

  protected renderReport(r: Page<LowStockRow>) {
    return html`${renderTable({
      caption: msg('Products to reorder'),
      columns: [
        { header: msg('Product'), cell: (p) => p.name },
        { header: msg('SKU'), cell: (p) => p.sku },
        {
          header: msg('On hand'),
          cell: (p) =>
            html`<span class=${p.onHand <= 0 ? 'badge danger' : 'badge warning'}>${count(p.onHand)}</span>`,
          align: 'end',
        },
        { header: msg('Reorder point'), cell: (p) => count(p.reorderPoint), align: 'end' },
      ],
      rows: r.items,
      empty: msg('Nothing is below its reorder point.'),
    })}
    ${renderPager(
      {
        offset: this.offset,
        shown: r.items.length,
        total: r.total ?? r.items.length,
        nextOffset: r.nextOffset,
        size: PAGE,
      },
      (offset) => {
        this.offset = offset;
        void this.reload();
      },
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-low-stock-page': ReportLowStockPage;
  }
}
