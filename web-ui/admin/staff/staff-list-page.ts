import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { dateTime } from '../components/admin-format.js';
import { staffPageStyles } from './staff-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { setQuery } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import { listStaff, type StaffRow } from './staff-api.js';
import { roleLabel } from './staff-text.js';

function statusBadge(person: StaffRow) {
  if (!person.active) return html`<span class="badge">${msg('Deactivated')}</span>`;
  if (person.lockedUntil !== null && Date.parse(person.lockedUntil) > Date.now()) {
    return html`<span class="badge danger">${msg('PIN locked')}</span>`;
  }
  return html`<span class="badge ok">${msg('Active')}</span>`;
}

function credentials(person: StaffRow): string {
  const parts = [person.hasPin ? msg('PIN code') : null, person.hasPassword ? msg('Admin password') : null];
  const set = parts.filter((p): p is string => p !== null);
  return set.length === 0 ? msg('None') : set.join(', ');
}

/** Staff: who works here, their role, how they log in, and whether they can; deactivated ones on request. */
@customElement('staff-list-page')
@localized()
export class StaffListPage extends AdminPage {
  static override styles = staffPageStyles;

  private _list = new PagedList<StaffRow>(this, (limit, offset, signal) =>
    listStaff(this.api, limit, offset, this._includeInactive, signal),
  );

  private get _includeInactive(): boolean {
    return this.query.get('inactive') === '1';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) void this._list.load();
  }

  override render() {
    return html`<div class="head">
        <h1>${msg('Staff')}</h1>
        <div class="actions">
          <a class="button primary" href=${adminHref('/staff/new')}>${msg('Add a staff member')}</a>
        </div>
      </div>
      <div class="toolbar">
        <label class="check">
          <input
            type="checkbox"
            .checked=${this._includeInactive}
            @change=${(e: Event) => {
              setQuery({ inactive: (e.target as HTMLInputElement).checked ? '1' : null });
            }}
          />
          ${msg('Show deactivated staff')}
        </label>
      </div>
      ${renderPagedTable(this._list, {
        caption: msg('Staff of the store'),
        empty: msg('Nobody here yet.'),
        columns: [
          {
            header: msg('Name'),
            cell: (s) => html`<a href=${adminHref(`/staff/${s.id}`)}>${s.name}</a>`,
          },
          { header: msg('Role'), cell: (s) => roleLabel(s.roleName) },
          { header: msg('Admin login'), cell: (s) => s.login ?? '—' },
          { header: msg('Logs in with'), cell: credentials },
          { header: msg('Status'), cell: statusBadge },
          {
            header: msg('Locked until'),
            cell: (s) =>
              s.lockedUntil !== null && Date.parse(s.lockedUntil) > Date.now()
                ? dateTime(s.lockedUntil)
                : '—',
          },
        ],
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-list-page': StaffListPage;
  }
}
