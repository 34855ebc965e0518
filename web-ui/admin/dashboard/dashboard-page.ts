import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { pageStyles } from '../components/page-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import { ADMIN_ROUTES } from '../shell/all-routes.js';
import { adminHref, menu } from '../shell/router.js';

/**
 * The first page after login: who is logged in and a way into every area this manager may open.
 */
@customElement('dashboard-page')
@localized()
export class DashboardPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  override render() {
    const may = (permission: string | null) => this.session?.may(permission) ?? false;
    const areas = menu(ADMIN_ROUTES, may).flatMap((g) => g.routes.filter((r) => r.path !== '/'));
    return html`<div class="head">
        <h1>${msg('Dashboard')}</h1>
      </div>
      ${
        this.session?.staff
          ? html`<p class="muted">${msg(str`Logged in as ${this.session.staff.name}.`)}</p>`
          : nothing
      }
      <nav class="cards" aria-label=${msg('Admin areas')}>
        ${areas.map(
          (route) =>
            html`<a class="card" href=${adminHref(route.path)}><strong>${route.title()}</strong></a>`,
        )}
      </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-page': DashboardPage;
  }
}
