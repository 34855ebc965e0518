import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatDateTime } from '../../shared/format/numbers.js';
import { count } from '../components/admin-format.js';
import { staffPageStyles } from './staff-styles.js';
import { renderTable } from '../components/table.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { AdminPage } from '../shell/admin-page.js';
import { adminHref } from '../shell/router.js';
import { renderRangeForm } from './range-form.js';
import { RangeReport } from './range-report.js';
import { hoursMinutes, roleLabel } from './staff-text.js';
import { timesheet, timesheetCsvHref, type TimesheetRow } from './time-api.js';

/** A calendar date (YYYY-MM-DD) with its weekday, in the manager's language. */
function dayText(date: string): string {
  return new Intl.DateTimeFormat(adminLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Timesheets: worked and break time per person over a period of the shop's calendar days, then day by
 * day; the same figures as a CSV for payroll.
 */
@customElement('timesheets-page')
@localized()
export class TimesheetsPage extends AdminPage {
  static override styles = [
    ...staffPageStyles,
    css`
      details {
        margin-bottom: 1rem;
      }
      .days-heading {
        margin-top: 1.5rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 0.6rem 0;
      }
    `,
  ];

  private _report = new RangeReport<TimesheetRow[]>(this, (range, signal) =>
    timesheet(this.api, range, signal),
  );

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) void this._report.show(this.query);
  }

  override render() {
    const { range, loading, error } = this._report;
    const rows = this._report.result ?? [];
    const csv = html`<a class="button" href=${timesheetCsvHref(range)} download>${msg('Download CSV')}</a>`;
    return html`<div class="head"><h1>${msg('Timesheets')}</h1></div>
      ${renderRangeForm(range, csv)}
      ${error === null ? nothing : html`<p class="notice error" role="alert">${error}</p>`}
      <div aria-busy=${loading ? 'true' : 'false'}>
        ${renderTable({
          caption: msg(str`Time worked from ${dayText(range.from)} to ${dayText(range.to)}`),
          rows: rows,
          empty: loading ? msg('Loading…') : msg('Nobody clocked in during this period.'),
          columns: [
            {
              header: msg('Name'),
              cell: (r) => html`<a href=${adminHref(`/timesheets/${r.staffId}`, { ...range })}>${r.name}</a>`,
            },
            { header: msg('Role'), cell: (r) => roleLabel(r.roleName) },
            { header: msg('Shifts'), cell: (r) => count(r.shifts), align: 'end' },
            {
              header: msg('Days worked'),
              cell: (r) => count(r.days.filter((d) => d.workedMinutes > 0).length),
              align: 'end',
            },
            { header: msg('Worked (h:mm)'), cell: (r) => hoursMinutes(r.workedMinutes), align: 'end' },
            { header: msg('Breaks (h:mm)'), cell: (r) => hoursMinutes(r.breakMinutes), align: 'end' },
          ],
        })}
      </div>
      ${rows.length === 0 ? nothing : html`<h2 class="days-heading">${msg('Day by day')}</h2>`}
      ${rows.map(
        (r) =>
          html`<details>
            <summary>${r.name} · ${hoursMinutes(r.workedMinutes)}</summary>
            ${renderTable({
              caption: msg(str`Days of ${r.name}`),
              hideCaption: true,
              rows: r.days,
              empty: msg('No time on the clock.'),
              columns: [
                { header: msg('Day'), cell: (d) => dayText(d.date) },
                { header: msg('Worked (h:mm)'), cell: (d) => hoursMinutes(d.workedMinutes), align: 'end' },
                { header: msg('Breaks (h:mm)'), cell: (d) => hoursMinutes(d.breakMinutes), align: 'end' },
              ],
            })}
          </details>`,
      )}
      <p class="muted">
        ${msg(str`Figures as of ${formatDateTime(new Date().toISOString(), adminLocale())}; a shift still running counts up to now.`)}
      </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'timesheets-page': TimesheetsPage;
  }
}
