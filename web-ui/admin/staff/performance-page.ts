import { localized, msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { count } from '../components/admin-format.js';
import { staffPageStyles } from './staff-styles.js';
import { renderTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { renderRangeForm } from './range-form.js';
import { RangeReport } from './range-report.js';
import { roleLabel } from './staff-text.js';
import { performance } from './time-api.js';

/** "3 · 125,00 kr." : how many, and what they came to. */
function countAndAmount(n: number, minor: number, currency: string): string {
  return n === 0 ? '—' : `${count(n)} · ${storeMoney(minor, currency)}`;
}

/**
 * Per-employee performance over a period: what each person sold and how (transactions, average sale,
 * items per sale) and what loss prevention looks at (refunds, voids, removed lines, discounts given).
 * Figures come from the sales themselves, to the minor unit.
 */
@customElement('performance-page')
@localized()
export class PerformancePage extends AdminPage {
  static override styles = staffPageStyles;

  private _report = new RangeReport(this, (range, signal) => performance(this.api, range, signal));

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) void this._report.show(this.query);
  }

  override render() {
    const { range, loading, error, result } = this._report;
    const currency = result?.currency ?? '';
    const rows = result?.rows ?? [];
    const money = (minor: number) => storeMoney(minor, currency || undefined);
    const items = (ratio: number) =>
      new Intl.NumberFormat(storeFormat().locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(ratio);
    return html`<div class="head"><h1>${msg('Staff performance')}</h1></div>
      ${renderRangeForm(range)}
      ${error === null ? nothing : html`<p class="notice error" role="alert">${error}</p>`}
      <div aria-busy=${loading ? 'true' : 'false'}>
        ${renderTable({
          caption: msg('Sales and corrections per employee'),
          rows,
          empty: loading ? msg('Loading…') : msg('No staff to show.'),
          columns: [
            { header: msg('Name'), cell: (r) => r.name },
            { header: msg('Role'), cell: (r) => roleLabel(r.roleName) },
            { header: msg('Sales'), cell: (r) => money(r.salesMinor), align: 'end' },
            { header: msg('Transactions'), cell: (r) => count(r.transactions), align: 'end' },
            { header: msg('Average sale'), cell: (r) => money(r.averageSaleMinor), align: 'end' },
            { header: msg('Items per sale'), cell: (r) => items(r.itemsPerSale), align: 'end' },
            {
              header: msg('Refunds'),
              cell: (r) => countAndAmount(r.refunds, r.refundsMinor, currency),
              align: 'end',
            },
            {
              header: msg('Voided sales'),
              cell: (r) => countAndAmount(r.voidedSales, r.voidedMinor, currency),
              align: 'end',
            },
            { header: msg('Removed lines'), cell: (r) => count(r.removedLines), align: 'end' },
            { header: msg('Discounts given'), cell: (r) => money(r.discountsMinor), align: 'end' },
            { header: msg('Sales with a discount'), cell: (r) => count(r.discountedSales), align: 'end' },
          ],
        })}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'performance-page': PerformancePage;
  }
}
