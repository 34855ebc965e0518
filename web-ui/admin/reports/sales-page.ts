import { localized, msg, str } from '@lit/localize';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { count } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import './report-chart.js';
import type { ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { bucketLabel, changeBadge, dateLabel, granularityLabel, money } from './report-text.js';
import { salesReport, type Granularity, type SalesReport } from './reports-api.js';

const GRANULARITIES: readonly Granularity[] = ['hour', 'day', 'week', 'month', 'year'];

/** Sales by hour of day, day, week, month or year, each beside the same stretch of the period before. */
@customElement('report-sales-page')
@localized()
export class ReportSalesPage extends ReportPage<SalesReport> {
  protected readonly report = 'sales';
  @state() private granularity: Granularity = 'day';

  override connectedCallback(): void {
    const g = this.query.get('granularity');
    this.granularity = GRANULARITIES.find((x) => x === g) ?? 'day';
    super.connectedCallback();
  }

  protected heading(): string {
    return msg('Sales by period');
  }

  protected fetch(filter: ReportFilter, signal: AbortSignal): Promise<SalesReport> {
    return salesReport(this.api, filter, this.granularity, signal);
  }

  protected override csvExtra(): Record<string, string> {
    return { granularity: this.granularity };
  }

  protected override controls() {
    return html`<label class="field">
      <span>${msg('Group')}</span>
      <select
        @change=${(e: Event) => {
          this.granularity = (e.target as HTMLSelectElement).value as Granularity;
          const url = new URL(location.href);
          url.searchParams.set('granularity', this.granularity);
          history.replaceState(history.state, '', url);
          void this.reload();
        }}
      >
        ${GRANULARITIES.map(
          (g) => html`<option value=${g} ?selected=${g === this.granularity}>${granularityLabel(g)}</option>`,
        )}
      </select>
    </label>`;
  }

  protected renderReport(r: SalesReport) {
    const t = r.totals;
    const p = r.previousTotals;
    const average = (total: number, sales: number) => (sales === 0 ? 0 : Math.round(total / sales));
    const g = this.granularity;
    return html`<p class="muted">
        ${msg(str`Compared with ${dateLabel(r.previousFrom)} – ${dateLabel(r.previousTo)}.`)}
      </p>
      <div class="summary">
        <div class="card">
          <div class="label">${msg('Sales, after returns')}</div>
          <div class="figure">${money(t.totalMinor)}</div>
          ${changeBadge(t.totalMinor, p.totalMinor)}
        </div>
        <div class="card">
          <div class="label">${msg('Transactions')}</div>
          <div class="figure">${count(t.sales)}</div>
          ${changeBadge(t.sales, p.sales)}
        </div>
        <div class="card">
          <div class="label">${msg('Average sale')}</div>
          <div class="figure">${money(average(t.totalMinor, t.sales))}</div>
          ${changeBadge(average(t.totalMinor, t.sales), average(p.totalMinor, p.sales))}
        </div>
        <div class="card">
          <div class="label">${msg('Gross margin')}</div>
          <div class="figure">${money(t.marginMinor)}</div>
          ${changeBadge(t.marginMinor, p.marginMinor)}
        </div>
      </div>
      <div class="card">
        <report-chart
          label=${msg('Sales in each period, with the period before as a line')}
          .labels=${r.buckets.map((b) => bucketLabel(b.key, g))}
          .series=${[
            { label: msg('This period'), values: r.buckets.map((b) => b.current.totalMinor) },
            { label: msg('Period before'), values: r.buckets.map((b) => b.previous.totalMinor), line: true },
          ]}
          .format=${money}
        ></report-chart>
      </div>
      ${renderTable({
        caption: granularityLabel(g),
        columns: [
          { header: msg('Period'), cell: (b) => bucketLabel(b.key, g) },
          { header: msg('Transactions'), cell: (b) => count(b.current.sales), align: 'end' },
          { header: msg('Returns'), cell: (b) => count(b.current.returns), align: 'end' },
          { header: msg('Discounts'), cell: (b) => money(b.current.discountMinor), align: 'end' },
          { header: msg('Tax'), cell: (b) => money(b.current.taxMinor), align: 'end' },
          { header: msg('Sales'), cell: (b) => money(b.current.totalMinor), align: 'end' },
          { header: msg('Period before'), cell: (b) => money(b.previous.totalMinor), align: 'end' },
          { header: msg('Margin'), cell: (b) => money(b.current.marginMinor), align: 'end' },
        ],
        rows: r.buckets,
        empty: msg('No sales in this period.'),
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-sales-page': ReportSalesPage;
  }
}
