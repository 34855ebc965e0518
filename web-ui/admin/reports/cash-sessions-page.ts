import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { array, integer, object } from '../../shared/api/decode.js';
import { count, dateTime } from '../components/admin-format.js';
import { renderTable } from '../components/table.js';
import { filterQuery, type ReportFilter } from './report-filter.js';
import { ReportPage } from './report-page.js';
import { renderPager } from './report-pager.js';
import { money } from './report-text.js';
import { decodeCashSession, type CashSessionRow } from './reports-api.js';

const PAGE = 50;

interface Sessions {
  items: CashSessionRow[];
  total: number;
  nextOffset: number | null;
  differenceMinor: number;
  open: number;
}

/** Drawer sessions opened in the period: float, expected and counted cash, the difference, the Z report. */
@customElement('report-cash-sessions-page')
@localized()
export class ReportCashSessionsPage extends ReportPage<Sessions> {
  protected readonly report = 'cash-sessions';

  protected heading(): string {
    return msg('Cash sessions and Z reports');
  }

  protected async fetch(filter: ReportFilter, signal: AbortSignal): Promise<Sessions> {
    const path = `/reports/cash-sessions?${filterQuery(filter, { limit: PAGE, offset: this.offset })}`;
    const o = object(await this.api.request(path, { signal }), 'cash sessions');
    const totals = object(o.totals, 'cash sessions');
    return {
      items: array(o, 'items', 'cash sessions').map(decodeCashSession),
      total: integer(o, 'total', 'cash sessions'),
      nextOffset: typeof o.nextOffset === 'number' ? o.nextOffset : null,
      differenceMinor: integer(totals, 'differenceMinor', 'cash sessions'),
      open: integer(totals, 'open', 'cash sessions'),
    };
  }

  protected renderReport(r: Sessions) {
    const diff = (s: CashSessionRow) =>
      s.differenceMinor === null
        ? '—'
        : html`<span class=${s.differenceMinor === 0 ? '' : 'down'}>${money(s.differenceMinor)}</span>`;
    return html`<div class="summary">
        <div class="card">
          <div class="label">${msg('Sessions')}</div>
          <div class="figure">${count(r.total)}</div>
          <span class="muted">${msg('still open:')} ${count(r.open)}</span>
        </div>
        <div class="card">
          <div class="label">${msg('Over and short, in all')}</div>
          <div class="figure">${money(r.differenceMinor)}</div>
        </div>
      </div>
      ${renderTable({
        caption: msg('Cash sessions'),
        columns: [
          { header: msg('Till'), cell: (s) => s.tillName ?? '—' },
          {
            header: msg('Opened'),
            cell: (s) =>
              html`${dateTime(s.openedAt)}<br /><span class="muted">${s.openedByName ?? ''}</span>`,
          },
          {
            header: msg('Closed'),
            cell: (s) =>
              s.status === 'open'
                ? html`<span class="badge ok">${msg('Open')}</span>`
                : html`${dateTime(s.closedAt)}<br /><span class="muted">${s.closedByName ?? ''}</span>`,
          },
          { header: msg('Float'), cell: (s) => money(s.floatMinor), align: 'end' },
          {
            header: msg('Expected'),
            cell: (s) => (s.expectedMinor === null ? '—' : money(s.expectedMinor)),
            align: 'end',
          },
          {
            header: msg('Counted'),
            cell: (s) => (s.countedMinor === null ? '—' : money(s.countedMinor)),
            align: 'end',
          },
          { header: msg('Difference'), cell: diff, align: 'end' },
          {
            header: msg('Z report'),
            cell: (s) => (s.zNumber === null ? '—' : count(s.zNumber)),
            align: 'end',
          },
        ],
        rows: r.items,
        empty: msg('No cash sessions were opened in this period.'),
      })}
      ${renderPager(
        { offset: this.offset, shown: r.items.length, total: r.total, nextOffset: r.nextOffset, size: PAGE },
        (offset) => {
          this.goTo(offset);
        },
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'report-cash-sessions-page': ReportCashSessionsPage;
  }
}
