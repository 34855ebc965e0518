import { localized, msg, str } from '@lit/localize';
import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { count, dateTime } from '../components/admin-format.js';
import { adminErrorText } from '../components/error-text.js';
import { pageStyles } from '../components/page-styles.js';
import { renderTable } from '../components/table.js';
import { dateLabel, money, percent } from '../reports/report-text.js';
import { changeBp } from '../reports/report-filter.js';
import { AdminPage } from '../shell/admin-page.js';
import { ADMIN_ROUTES } from '../shell/all-routes.js';
import { groupName } from '../shell/group-name.js';
import { adminHref, menu } from '../shell/router.js';
import { loadDashboard, type Dashboard, type DeviceProblem } from './dashboard-api.js';

/** How often the dashboard asks the hub again while it is open: sales and device states move. */
const REFRESH_MS = 30_000;

function problemText(p: DeviceProblem): string {
  switch (p) {
    case 'offline':
      return msg('Offline');
    case 'paper_out':
      return msg('Out of paper');
    case 'paper_low':
      return msg('Paper is running low');
    case 'error':
      return msg('Error');
    case 'warning':
      return msg('Needs attention');
  }
}

/**
 * The first page after login: today's sales against the same weekday last week, low stock, the drawers
 * open now and devices that need attention, then a way into every area this manager may open.
 */
@customElement('dashboard-page')
@localized()
export class DashboardPage extends AdminPage {
  static override styles = [
    baseStyles,
    buttonStyles,
    pageStyles,
    css`
      .up {
        color: #17582b;
      }
      .down {
        color: var(--danger);
      }
      .card h2 {
        font-size: 1rem;
      }
      .area h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      .area ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.35rem;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.plain li {
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--line);
      }
      ul.plain li:last-child {
        border-bottom: 0;
      }
    `,
  ];

  @state() private data: Dashboard | null = null;
  @state() private error: unknown = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #abort: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.session?.may('reports.view') !== true) return;
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#abort?.abort();
  }

  private async refresh(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      this.data = await loadDashboard(this.api, abort.signal);
      this.error = null;
    } catch (error) {
      if (!abort.signal.aborted) this.error = error;
    }
  }

  private renderToday(d: Dashboard): TemplateResult {
    const bp = changeBp(d.today.totalMinor, d.lastWeekSoFar.totalMinor);
    return html`<section class="card" aria-labelledby="today">
      <h2 id="today">${msg(str`Today, ${dateLabel(d.date)}`)}</h2>
      <div class="figure">${money(d.today.totalMinor)}</div>
      <p>${msg(str`${count(d.today.sales)} sales`)}</p>
      <p>
        ${
          bp === null
            ? html`<span class="muted">${msg('No sales on this day last week to compare with.')}</span>`
            : html`<span class=${bp >= 0 ? 'up' : 'down'}
                >${msg(str`${bp > 0 ? '+' : ''}${percent(bp)} on the same day last week by this hour`)}</span
              >`
        }
      </p>
      <p class="muted">
        ${msg(str`Same day last week: ${money(d.lastWeekDay.totalMinor)} in ${count(d.lastWeekDay.sales)} sales.`)}
      </p>
    </section>`;
  }

  private renderLowStock(d: Dashboard): TemplateResult {
    return html`<section class="card" aria-labelledby="low">
      <h2 id="low">${msg('Low stock')}</h2>
      <div class="figure">${count(d.lowStock.total)}</div>
      ${
        d.lowStock.items.length === 0
          ? html`<p class="muted">${msg('Nothing is below its reorder point.')}</p>`
          : html`<ul class="plain">
              ${d.lowStock.items.map(
                (p) =>
                  html`<li>
                    <span>${p.name}</span
                    ><span>${msg(str`${count(p.onHand)} left, reorder at ${count(p.reorderPoint)}`)}</span>
                  </li>`,
              )}
            </ul>`
      }
      <p><a href=${adminHref('/reports/low-stock')}>${msg('All low stock')}</a></p>
    </section>`;
  }

  private renderDevices(d: Dashboard): TemplateResult | typeof nothing {
    if (d.deviceAlerts === null) return nothing;
    return html`<section class="card" aria-labelledby="devices">
      <h2 id="devices">${msg('Devices')}</h2>
      ${
        d.deviceAlerts.length === 0
          ? html`<p><span class="badge ok">${msg('All devices are working.')}</span></p>`
          : html`<ul class="plain">
              ${d.deviceAlerts.map(
                (a) =>
                  html`<li>
                    <span>${a.name}</span>
                    <span
                      class=${a.problem === 'paper_low' || a.problem === 'warning' ? 'badge warning' : 'badge danger'}
                      >${problemText(a.problem)}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
      <p><a href=${adminHref('/devices')}>${msg('Go to devices')}</a></p>
    </section>`;
  }

  private renderDashboard(d: Dashboard): TemplateResult {
    return html`<div class="cards">
        ${this.renderToday(d)} ${this.renderLowStock(d)} ${this.renderDevices(d)}
      </div>
      ${renderTable({
        caption: msg('Open cash sessions'),
        columns: [
          { header: msg('Till'), cell: (s) => s.tillName ?? '—' },
          { header: msg('Opened'), cell: (s) => dateTime(s.openedAt) },
          { header: msg('By'), cell: (s) => s.openedByName ?? '—' },
          { header: msg('Cash expected'), cell: (s) => money(s.expectedMinor), align: 'end' },
        ],
        rows: d.openSessions,
        empty: msg('No drawer is open.'),
      })}`;
  }

  override render() {
    const may = (permission: string | null) => this.session?.may(permission) ?? false;
    const areas = menu(ADMIN_ROUTES, may).filter((g) => g.group !== 'overview');
    return html`<div class="head">
        <h1>${msg('Dashboard')}</h1>
      </div>
      ${this.session?.staff ? html`<p class="muted">${msg(str`Logged in as ${this.session.staff.name}.`)}</p>` : nothing}
      ${this.error === null ? nothing : html`<p class="notice error" role="alert">${adminErrorText(this.error)}</p>`}
      ${this.data === null ? nothing : this.renderDashboard(this.data)}
      <h2 style="margin-top:1.5rem">${msg('Admin areas')}</h2>
      <nav class="cards" aria-label=${msg('Admin areas')}>
        ${areas.map(
          (area) =>
            html`<section class="card area" aria-label=${groupName(area.group)}>
              <h3>${groupName(area.group)}</h3>
              <ul>
                ${area.routes.map((route) => html`<li><a href=${adminHref(route.path)}>${route.title()}</a></li>`)}
              </ul>
            </section>`,
        )}
      </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-page': DashboardPage;
  }
}
