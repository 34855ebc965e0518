import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatGrams } from '../../shared/format/numbers.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { adminErrorText } from '../components/error-text.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import { deviceProblems, kindName, roleName, testActionName } from './device-text.js';
import {
  assignDevice,
  listDevices,
  revokeDevice,
  ROLES_OF_KIND,
  TEST_ACTIONS_OF_KIND,
  testDevice,
  type DeviceRole,
  type DeviceRow,
  type TestActionName,
} from './devices-api.js';
import { listTills, type TillRow } from './tills-api.js';

/** How often the page asks for the devices' live state while it is open. */
const LIVE_REFRESH_MS = 5_000;

/**
 * Devices: what each device reports now (connected, paper, cover, faults), which till it serves in which
 * role, and a test for each kind (a test page, the drawer, a weight, a text on the display, a small card
 * payment). The live state refreshes by itself while the page is open.
 */
@customElement('devices-page')
@localized()
export class DevicesPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _notice: { text: string; error: boolean } | null = null;
  @state() private _tills: TillRow[] = [];
  @state() private _busy: string | null = null;

  private _list = new PagedList<DeviceRow>(this, (limit, offset, signal) =>
    listDevices(this.api, limit, offset, signal),
  );
  private _timer: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
    void this._loadTills();
    this._timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && !this._list.loading) void this._list.reload();
    }, LIVE_REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this._timer);
  }

  override render() {
    const problems = this._list.items.filter((d) => deviceProblems(d).length > 0).length;
    return html`<div class="head">
        <h1>${msg('Devices')}</h1>
        <span class="muted" role="status">
          ${problems === 0 ? msg('Every device is fine.') : msg(str`Devices that need attention: ${problems}`)}
        </span>
      </div>
      ${
        this._notice === null
          ? nothing
          : html`<p
              class="notice ${this._notice.error ? 'error' : ''}"
              role=${this._notice.error ? 'alert' : 'status'}
            >
              ${this._notice.text}
            </p>`
      }
      ${renderPagedTable(this._list, {
        caption: msg('Devices of the store'),
        empty: msg('No device is registered yet. A technician adds them.'),
        columns: [
          {
            header: msg('Device'),
            cell: (d) => html`<strong>${d.name}</strong><br /><span class="muted">${kindName(d.kind)}</span>`,
          },
          { header: msg('State'), cell: (d) => this._renderState(d) },
          { header: msg('Till and role'), cell: (d) => this._renderAssignment(d) },
          { header: msg('Last seen'), cell: (d) => dateTime(d.live.lastSeenAt) },
          { header: msg('Test'), cell: (d) => this._renderTests(d), align: 'end' },
        ],
      })}`;
  }

  private _renderState(device: DeviceRow) {
    if (device.status === 'revoked') return html`<span class="badge">${msg('Revoked')}</span>`;
    const problems = deviceProblems(device);
    if (problems.length === 0 && device.live.status === 'unknown' && !device.live.online) {
      return html`<span class="badge">${msg('No live state')}</span>`;
    }
    if (problems.length === 0) return html`<span class="badge ok">${msg('Working')}</span>`;
    const badge = device.live.online && device.live.status !== 'error' ? 'warning' : 'danger';
    return html`${problems.map((p) => html`<span class="badge ${badge}">${p}</span> `)}`;
  }

  private _renderAssignment(device: DeviceRow) {
    if (device.status === 'revoked') return '—';
    const roles = ROLES_OF_KIND[device.kind];
    const tills = this._tills.filter((t) => t.status !== 'revoked');
    const busy = this._busy === device.id;
    return html`<div class="toolbar">
      <label class="field">
        <span class="visually-hidden">${msg(str`Till of ${device.name}`)}</span>
        <select
          ?disabled=${busy}
          @change=${(e: Event) => {
            const tillId = (e.target as HTMLSelectElement).value;
            void this._assign(device, tillId === '' ? null : tillId, device.role ?? roles[0] ?? null);
          }}
        >
          <option value="" ?selected=${device.tillId === null}>${msg('Not at a till')}</option>
          ${tills.map((t) => html`<option value=${t.id} ?selected=${t.id === device.tillId}>${t.name}</option>`)}
        </select>
      </label>
      ${
        device.tillId !== null && roles.length > 1
          ? html`<label class="field">
              <span class="visually-hidden">${msg(str`Role of ${device.name}`)}</span>
              <select
                ?disabled=${busy}
                @change=${(e: Event) => {
                  const role = (e.target as HTMLSelectElement).value as DeviceRole;
                  void this._assign(device, device.tillId, role);
                }}
              >
                ${roles.map((r) => html`<option value=${r} ?selected=${r === device.role}>${roleName(r)}</option>`)}
              </select>
            </label>`
          : nothing
      }
    </div>`;
  }

  private _renderTests(device: DeviceRow) {
    if (device.status === 'revoked') return nothing;
    const busy = this._busy === device.id;
    return html`<div class="row-actions">
      ${TEST_ACTIONS_OF_KIND[device.kind].map(
        (action) =>
          html`<button
            class="button"
            type="button"
            ?disabled=${busy}
            @click=${() => void this._test(device, action)}
          >
            ${testActionName(action)}
          </button>`,
      )}
      <button class="button" type="button" ?disabled=${busy} @click=${() => void this._revoke(device)}>
        ${msg('Revoke')}
      </button>
    </div>`;
  }

  private async _loadTills(): Promise<void> {
    try {
      this._tills = (await listTills(this.api, 200, 0)).items;
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    }
  }

  private async _run(deviceId: string, work: () => Promise<{ text: string; error: boolean }>): Promise<void> {
    this._busy = deviceId;
    try {
      this._notice = await work();
      await this._list.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    } finally {
      this._busy = null;
    }
  }

  private _assign(device: DeviceRow, tillId: string | null, role: DeviceRole | null): Promise<void> {
    return this._run(device.id, async () => {
      const changed = await assignDevice(this.api, device.id, {
        tillId,
        role: tillId === null ? null : role,
      });
      const till = this._tills.find((t) => t.id === changed.tillId);
      return {
        text:
          till === undefined || changed.role === null
            ? msg(str`${changed.name} is no longer at a till.`)
            : msg(str`${changed.name} now serves ${till.name} as ${roleName(changed.role)}.`),
        error: false,
      };
    });
  }

  private _test(device: DeviceRow, action: TestActionName): Promise<void> {
    return this._run(device.id, async () => {
      const result = await testDevice(this.api, device.id, action, storeFormat().currency);
      if (!result.ok) {
        const why = result.error?.message ?? '';
        return { text: msg(str`${device.name} did not pass the test: ${why}`), error: true };
      }
      const grams = result.data?.grams;
      return {
        text:
          typeof grams === 'number'
            ? msg(str`${device.name} answered: ${formatGrams(grams, storeFormat().locale)}.`)
            : msg(str`${device.name} did it: ${testActionName(action)}.`),
        error: false,
      };
    });
  }

  private async _revoke(device: DeviceRow): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg(str`Revoke ${device.name}?`),
      text: msg(
        'Its credentials stop working at once and it leaves its till. A technician must register it again to use it.',
      ),
      confirmLabel: msg('Revoke'),
      danger: true,
    });
    if (!sure) return;
    await this._run(device.id, async () => {
      await revokeDevice(this.api, device.id);
      return { text: msg(str`${device.name} is revoked.`), error: false };
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'devices-page': DevicesPage;
  }
}
