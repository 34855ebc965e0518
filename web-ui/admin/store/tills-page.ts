import { localized, msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { dateTime } from '../components/admin-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { adminErrorText } from '../components/error-text.js';
import { formText } from '../components/form-data.js';
import { pageStyles } from '../components/page-styles.js';
import { PagedList } from '../components/paged-list.js';
import { renderPagedTable } from '../components/table.js';
import { AdminPage } from '../shell/admin-page.js';
import {
  approveTill,
  inviteTill,
  listTills,
  renameTill,
  revokeTill,
  type TillInvitation,
  type TillRow,
} from './tills-api.js';

function statusBadge(till: TillRow) {
  switch (till.status) {
    case 'active':
      return html`<span class="badge ok">${msg('Paired')}</span>`;
    case 'pending':
      return till.invited
        ? html`<span class="badge">${msg('Invited: code not used yet')}</span>`
        : html`<span class="badge warning">${msg('Waiting for approval')}</span>`;
    case 'revoked':
      return html`<span class="badge danger">${msg('Revoked')}</span>`;
  }
}

/**
 * Tills: approve a browser that asks to become a till (the code on its screen proves it is the one in
 * front of you), invite one with a code to type at the till, rename, and revoke a lost or replaced one.
 */
@customElement('tills-page')
@localized()
export class TillsPage extends AdminPage {
  static override styles = [baseStyles, buttonStyles, pageStyles];

  @state() private _notice: { text: string; error: boolean } | null = null;
  @state() private _invitation: TillInvitation | null = null;
  @state() private _renaming: string | null = null;
  @state() private _busy = false;

  private _list = new PagedList<TillRow>(this, (limit, offset, signal) =>
    listTills(this.api, limit, offset, signal),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this._list.load();
  }

  override render() {
    const pending = this._list.items.filter((t) => t.status === 'pending' && !t.invited);
    return html`<div class="head">
        <h1>${msg('Tills')}</h1>
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
      ${pending.length === 0 ? nothing : this._renderPending(pending)} ${this._renderInvite()}
      ${renderPagedTable(this._list, {
        caption: msg('All tills'),
        empty: msg('No till is paired yet. Open /till on a browser of the store to pair one.'),
        columns: [
          { header: msg('No.'), cell: (t) => t.number ?? '—', align: 'end' },
          { header: msg('Name'), cell: (t) => this._renderName(t) },
          { header: msg('Status'), cell: statusBadge },
          { header: msg('Last seen'), cell: (t) => dateTime(t.lastSeenAt) },
          { header: msg('Approved'), cell: (t) => dateTime(t.approvedAt) },
          { header: msg('Actions'), cell: (t) => this._renderActions(t), align: 'end' },
        ],
      })}`;
  }

  private _renderPending(pending: TillRow[]) {
    return html`<section class="card" aria-labelledby="pending-heading">
      <h2 id="pending-heading">${msg('Waiting for approval')}</h2>
      <p class="muted">${msg('Type the six-digit code the till shows on its screen.')}</p>
      ${pending.map(
        (till) =>
          html`<form class="toolbar" @submit=${(e: SubmitEvent) => this._approve(e, till)}>
            <span>
              <strong>${till.name}</strong><br />
              <span class="muted"
                >${msg(str`Asked ${dateTime(till.requestedAt)}, code valid until ${dateTime(till.pairingExpiresAt)}`)}</span
              >
            </span>
            <label class="field">
              <span>${msg(str`Code shown on ${till.name}`)}</span>
              <input
                name="code"
                inputmode="numeric"
                autocomplete="off"
                pattern="[0-9]{6}"
                maxlength="6"
                required
              />
            </label>
            <button class="button primary" type="submit" ?disabled=${this._busy}>${msg('Approve')}</button>
          </form>`,
      )}
    </section>`;
  }

  private _renderInvite() {
    return html`<section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">${msg('Add a till with a code')}</h2>
      <form class="toolbar" @submit=${this._invite}>
        <label class="field">
          <span>${msg('Name of the new till')}</span>
          <input name="name" maxlength="60" required autocomplete="off" />
        </label>
        <button class="button" type="submit" ?disabled=${this._busy}>${msg('Make a pairing code')}</button>
      </form>
      ${
        this._invitation === null
          ? nothing
          : html`<p role="status">
              ${msg('Type this code on the new till:')}
              <strong class="figure" data-invitation-code>${this._invitation.code}</strong>
              <span class="muted">${msg(str`Valid until ${dateTime(this._invitation.expiresAt)}`)}</span>
            </p>`
      }
    </section>`;
  }

  private _renderName(till: TillRow) {
    if (this._renaming !== till.id) return till.name;
    return html`<form class="toolbar" @submit=${(e: SubmitEvent) => this._rename(e, till)}>
      <label class="field">
        <span class="visually-hidden">${msg('New name')}</span>
        <input name="name" .value=${till.name} maxlength="60" required />
      </label>
      <button class="button primary" type="submit">${msg('Save')}</button>
      <button class="button" type="button" @click=${() => (this._renaming = null)}>${msg('Cancel')}</button>
    </form>`;
  }

  private _renderActions(till: TillRow) {
    if (till.status === 'revoked') return nothing;
    return html`<div class="row-actions">
      <button class="button" type="button" @click=${() => (this._renaming = till.id)}>
        ${msg('Rename')}
      </button>
      <button class="button" type="button" @click=${() => void this._revoke(till)}>${msg('Revoke')}</button>
    </div>`;
  }

  private async _run(work: () => Promise<string>): Promise<void> {
    this._busy = true;
    try {
      this._notice = { text: await work(), error: false };
      await this._list.reload();
    } catch (error) {
      this._notice = { text: adminErrorText(error), error: true };
    } finally {
      this._busy = false;
    }
  }

  private _approve(event: SubmitEvent, till: TillRow): void {
    event.preventDefault();
    const code = formText(event.currentTarget as HTMLFormElement, 'code');
    void this._run(async () => {
      const approved = await approveTill(this.api, till.id, code);
      return msg(str`${approved.name} is paired as till ${approved.number ?? ''}.`);
    });
  }

  private _invite = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = formText(form, 'name');
    void this._run(async () => {
      this._invitation = await inviteTill(this.api, name);
      form.reset();
      return msg(str`A pairing code for ${name} is ready.`);
    });
  };

  private _rename(event: SubmitEvent, till: TillRow): void {
    event.preventDefault();
    const name = formText(event.currentTarget as HTMLFormElement, 'name');
    void this._run(async () => {
      const renamed = await renameTill(this.api, till.id, name);
      this._renaming = null;
      return msg(str`Renamed to ${renamed.name}.`);
    });
  }

  private async _revoke(till: TillRow): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg(str`Revoke ${till.name}?`),
      text: msg(
        'The browser stops being a till at once: its cashier is logged out and it must be paired again to sell.',
      ),
      confirmLabel: msg('Revoke'),
      danger: true,
    });
    if (!sure) return;
    await this._run(async () => {
      await revokeTill(this.api, till.id);
      return msg(str`${till.name} is revoked.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tills-page': TillsPage;
  }
}
