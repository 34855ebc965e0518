import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { count, dateTime } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { dateLabel, money, percent, shareBp } from './report-text.js';
import { discountsReport, type DiscountsReport } from './reports-api.js';

/** Discounts given (promotions, on lines, on whole sales), voided sales and lines taken off sales. */
@customElement('report-discounts-page')
@localized()
export class ReportDiscountsPage extends ReportPage<DiscountsReport> {
  protected readonly report = 'discounts';

  protected heading(): string {
    return msg('Discounts and voids');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<DiscountsReport> {
    return discountsReport(this.api, filter, signal);
  }

  protected renderReport(r: DiscountsReport) {
    const t = r.totals;
    return html`<div class="summary">
        <div class="card">
          <div class="label">${msg('Discounts given')}</div>
          <div class="figure">${money(t.totalMinor)}</div>
          <span class="muted"
            >${msg('of the price before discounts')} ${percent(shareBp(t.totalMinor, t.grossMinor))}</span
          >
        </div>
        <div class="card">
          <div class="label">${msg('Voided sales')}</div>
          <div class="figure">${count(r.voids.count)}</div>
          <span class="muted">${money(r.voids.totalMinor)}</span>
        </div>
        <div class="card">
          <div class="label">${msg('Lines taken off sales')}</div>
          <div class="figure">${count(r.removedLines.reduce((n, x) => n + x.lines, 0))}</div>
          <span class="muted">${money(r.removedLines.reduce((n, x) => n + x.grossMinor, 0))}</span>
        </div>
      </div>
      <div class="card">
        <report-chart
          label=${msg('Discounts by day: promotions, line discounts and sale discounts')}
          .labels=${r.days.map((d) => dateLabel(d.date))}
          .series=${[
            { label: msg('Promotions'), values: r.days.map((d) => d.promotionMinor) },
            { label: msg('Line discounts'), values: r.days.map((d) => d.lineMinor) },
            { label: msg('Sale discounts'), values: r.days.map((d) => d.saleMinor) },
          ]}
          .format=${money}
        ></report-chart>
      </div>
      ${renderTable({
        caption: msg('Discounts by day'),
        columns: [
          { header: msg('Day'), cell: (d) => dateLabel(d.date) },
          { header: msg('Promotions'), cell: (d) => money(d.promotionMinor), align: 'end' },
          { header: msg('Line discounts'), cell: (d) => money(d.lineMinor), align: 'end' },
          { header: msg('Sale discounts'), cell: (d) => money(d.saleMinor), align: 'end' },
          { header: msg('Total'), cell: (d) => money(d.totalMinor), align: 'end' },
        ],
        rows: r.days,
        empty: msg('No discounts in this period.'),
      })}
      <div class="split" style="margin-top:1rem">
        ${renderTable({
          caption: msg('Voided sales'),
          columns: [
            { header: msg('When'), cell: (v) => dateTime(v.voidedAt) },
            { header: msg('Till'), cell: (v) => v.tillName ?? '—' },
            { header: msg('Cashier'), cell: (v) => v.staffName ?? '—' },
            { header: msg('Voided by'), cell: (v) => v.voidedByName ?? '—' },
            { header: msg('Lines'), cell: (v) => count(v.lines), align: 'end' },
            { header: msg('Amount'), cell: (v) => money(v.totalMinor), align: 'end' },
          ],
          rows: r.voids.recent,
          empty: msg('No sales were voided.'),
        })}
        ${renderTable({
          caption: msg('Lines taken off sales, by who took them off'),
          columns: [
            { header: msg('Staff'), cell: (x) => x.staffName ?? '—' },
            { header: msg('Lines'), cell: (x) => count(x.lines), align: 'end' },
            { header: msg('Amount'), cell: (x) => money(x.grossMinor), align: 'end' },
          ],
          rows: r.removedLines,
          empty: msg('No lines were taken off.'),
        })}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-discounts-page': ReportDiscountsPage;
  }
}
