import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { dateLabel, money } from './report-text.js';
import { refundsReport, type RefundsReport } from './reports-api.js';

/** Returns: how many and how much by day, why customers brought goods back, and how they were refunded. */
@customElement('report-refunds-page')
@localized()
export class ReportRefundsPage extends ReportPage<RefundsReport> {
  protected readonly report = 'refunds';

  protected heading(): string {
    return msg('Refunds');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<RefundsReport> {
    return refundsReport(this.api, filter, signal);
  }

  protected renderReport(r: RefundsReport) {
    return html`<div class="summary">
        <div class="card">
          <div class="label">${msg('Returns')}</div>
          <div class="figure">${count(r.totals.returns)}</div>
        </div>
        <div class="card">
          <div class="label">${msg('Refunded')}</div>
          <div class="figure">${money(r.totals.totalMinor)}</div>
        </div>
      </div>
      <div class="card">
        <report-chart
          label=${msg('Refunds by day')}
          .labels=${r.days.map((d) => dateLabel(d.date))}
          .series=${[{ label: msg('Refunded'), values: r.days.map((d) => d.totalMinor) }]}
          .format=${money}
        ></report-chart>
      </div>
      <div class="split">
        ${renderTable({
          caption: msg('Reasons'),
          columns: [
            { header: msg('Reason'), cell: (x) => (x.reason === '' ? msg('No reason given') : x.reason) },
            { header: msg('Lines'), cell: (x) => count(x.lines), align: 'end' },
            { header: msg('Amount'), cell: (x) => money(x.totalMinor), align: 'end' },
          ],
          rows: r.reasons,
          empty: msg('Nothing was returned in this period.'),
        })}
        ${renderTable({
          caption: msg('Refunded to'),
          columns: [
            { header: msg('Way to pay'), cell: (x) => x.name },
            { header: msg('Refunds'), cell: (x) => count(x.refunds), align: 'end' },
            { header: msg('Amount'), cell: (x) => money(x.amountMinor), align: 'end' },
          ],
          rows: r.tenders,
          empty: msg('Nothing was refunded in this period.'),
        })}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-refunds-page': ReportRefundsPage;
  }
}
