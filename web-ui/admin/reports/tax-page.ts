import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { renderTable } from '../components/table.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { money, percent } from './report-text.js';
import { taxReport, type TaxRow } from './reports-api.js';

type Tax = Awaited<ReturnType<typeof taxReport>>;

/** Tax by rate: what was sold and returned at each rate, before tax, the tax and the total. */
@customElement('report-tax-page')
@localized()
export class ReportTaxPage extends ReportPage<Tax> {
  protected readonly report = 'tax';

  protected heading(): string {
    return msg('Tax by rate');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<Tax> {
    return taxReport(this.api, filter, signal);
  }

  protected renderReport(r: Tax) {
    return html`<div class="summary">
        <div class="card">
          <div class="label">${msg('Before tax')}</div>
          <div class="figure">${money(r.totals.netMinor)}</div>
        </div>
        <div class="card">
          <div class="label">${msg('Tax')}</div>
          <div class="figure">${money(r.totals.taxMinor)}</div>
        </div>
        <div class="card">
          <div class="label">${msg('Total')}</div>
          <div class="figure">${money(r.totals.totalMinor)}</div>
        </div>
      </div>
      ${renderTable<TaxRow>({
        caption: msg('Rates'),
        columns: [
          { header: msg('Rate'), cell: (t) => percent(t.taxRateBp) },
          { header: msg('Sales before tax'), cell: (t) => money(t.salesNetMinor), align: 'end' },
          { header: msg('Tax on sales'), cell: (t) => money(t.salesTaxMinor), align: 'end' },
          { header: msg('Returns before tax'), cell: (t) => money(t.returnsNetMinor), align: 'end' },
          { header: msg('Tax on returns'), cell: (t) => money(t.returnsTaxMinor), align: 'end' },
          { header: msg('Tax due'), cell: (t) => money(t.taxMinor), align: 'end' },
          { header: msg('Total'), cell: (t) => money(t.totalMinor), align: 'end' },
        ],
        rows: r.rates,
        empty: msg('No sales in this period.'),
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-tax-page': ReportTaxPage;
  }
}
