import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatPercentBp } from '../../shared/format/numbers.js';
import { count } from '../components/admin-format.js';
import { staffPageStyles } from './staff-styles.js';
import { renderTable } from '../components/table.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { AdminPage } from '../shell/admin-page.js';
import { adminHref } from '../shell/router.js';
import { listRoles, type RoleRow } from './staff-api.js';
import { staffErrorText } from './staff-errors.js';
import { roleLabel } from './staff-text.js';

/** Roles: the builtin ones and the store's own, how many permissions each holds, its discount limit. */
@customElement('roles-page')
@localized()
export class RolesPage extends AdminPage {
  static override styles = staffPageStyles;

  @state() private _roles: RoleRow[] = [];
  @state() private _error: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override render() {
    return html`<div class="head">
        <h1>${msg('Roles')}</h1>
        <div class="actions">
          <a class="button primary" href=${adminHref('/roles/new')}>${msg('New role')}</a>
        </div>
      </div>
      ${this._error === null ? nothing : html`<p class="notice error" role="alert">${this._error}</p>`}
      ${renderTable({
        caption: msg('Roles of the store'),
        rows: this._roles,
        empty: msg('No roles yet.'),
        columns: [
          {
            header: msg('Role'),
            cell: (r) => html`<a href=${adminHref(`/roles/${r.id}`)}>${roleLabel(r.name)}</a>`,
          },
          {
            header: msg('Kind'),
            cell: (r) =>
              r.builtin
                ? html`<span class="badge">${msg('Builtin')}</span>`
                : html`<span class="badge ok">${msg('Custom')}</span>`,
          },
          {
            header: msg('Permissions'),
            cell: (r) => msg(str`${count(r.permissions.length)} permissions`),
            align: 'end',
          },
          {
            header: msg('Discount limit'),
            cell: (r) => formatPercentBp(r.discountLimitBp, adminLocale()),
            align: 'end',
          },
        ],
      })}`;
  }

  private async _load(): Promise<void> {
    try {
      this._roles = await listRoles(this.api);
    } catch (error) {
      this._error = staffErrorText(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roles-page': RolesPage;
  }
}
