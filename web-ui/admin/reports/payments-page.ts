import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { money, percent, shareBp } from './report-text.js';
import { paymentsReport, type TenderRow } from './reports-api.js';

/** How customers paid: each way to pay with its payments, refunds and share. */
@customElement('report-payments-page')
@localized()
export class ReportPaymentsPage extends ReportPage<TenderRow[]> {
  protected readonly report = 'payments';

  protected heading(): string {
    return msg('Payment methods');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<TenderRow[]> {
    return paymentsReport(this.api, filter, signal);
  }

  protected renderReport(rows: TenderRow[]) {
    const net = rows.reduce((n, t) => n + t.netMinor, 0);
    return html`<div class="split">
      <div class="card">
        <report-chart
          kind="doughnut"
          label=${msg('Share of takings by way to pay')}
          .labels=${rows.map((t) => t.name)}
          .series=${[{ label: msg('Taken'), values: rows.map((t) => t.netMinor) }]}
          .format=${money}
        ></report-chart>
      </div>
      ${renderTable({
        caption: msg('Ways to pay'),
        columns: [
          { header: msg('Way to pay'), cell: (t) => t.name },
          { header: msg('Payments'), cell: (t) => count(t.charges), align: 'end' },
          { header: msg('Paid'), cell: (t) => money(t.chargeMinor), align: 'end' },
          { header: msg('Refunds'), cell: (t) => count(t.refunds), align: 'end' },
          { header: msg('Refunded'), cell: (t) => money(t.refundMinor), align: 'end' },
          { header: msg('Taken'), cell: (t) => money(t.netMinor), align: 'end' },
          { header: msg('Share'), cell: (t) => percent(shareBp(t.netMinor, net)), align: 'end' },
        ],
        rows,
        empty: msg('No payments in this period.'),
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-payments-page': ReportPaymentsPage;
  }
}
