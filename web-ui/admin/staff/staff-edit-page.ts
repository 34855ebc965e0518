import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { formText } from '../components/form-data.js';
import { staffPageStyles } from './staff-styles.js';
import { AdminPage } from '../shell/admin-page.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import {
  createStaff,
  getStaff,
  listRoles,
  resetPassword,
  resetPin,
  updateStaff,
  type RoleRow,
  type StaffInput,
  type StaffRow,
} from './staff-api.js';
import { NoticeRunner } from './notice-runner.js';
import { staffErrorText } from './staff-errors.js';
import { roleLabel } from './staff-text.js';

/**
 * One staff member: name, role, admin login and whether they may work (a new one also gets a PIN and,
 * for the admin pages, a password). For an existing one, a new PIN or password is set apart from the
 * profile: setting either ends the sessions the person had.
 */
@customElement('staff-edit-page')
@localized()
export class StaffEditPage extends AdminPage {
  static override styles = [
    ...staffPageStyles,
    css`
      .form-actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @state() private _person: StaffRow | null = null;
  @state() private _roles: RoleRow[] = [];
  private _runner = new NoticeRunner(this);
  /** The id a new person gets, made once so a retried save creates one record. */
  private _newId = uuidv7();

  private get _isNew(): boolean {
    return this.params.id === undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('params')) void this._load();
  }

  override render() {
    const title = this._isNew ? msg('Add a staff member') : (this._person?.name ?? msg('Staff member'));
    return html`<div class="head">
        <h1>${title}</h1>
        <div class="actions"><a class="button" href=${adminHref('/staff')}>${msg('Back to staff')}</a></div>
      </div>
      ${this._runner.render()} ${this._isNew || this._person !== null ? this._renderProfile() : nothing}
      ${this._person === null ? nothing : this._renderCredentials(this._person)}`;
  }

  private _renderProfile() {
    const p = this._person;
    return html`<form class="card" aria-labelledby="profile-heading" @submit=${this._save}>
      <h2 id="profile-heading">${msg('Profile')}</h2>
      <div class="form-grid">
        <label class="field">
          <span>${msg('Name')}</span>
          <input name="name" required maxlength="100" autocomplete="off" .value=${p?.name ?? ''} />
        </label>
        <label class="field">
          <span>${msg('Role')}</span>
          <select name="roleId" required>
            ${this._roles.map(
              (r) =>
                html`<option value=${r.id} ?selected=${r.id === (p?.roleId ?? '')}>
                  ${roleLabel(r.name)}
                </option>`,
            )}
          </select>
        </label>
        <label class="field">
          <span>${msg('Admin login (optional)')}</span>
          <input name="login" maxlength="60" autocomplete="off" .value=${p?.login ?? ''} />
        </label>
        ${
          this._isNew
            ? html`<label class="field">
                  <span>${msg('PIN for the till (4-8 digits)')}</span>
                  <input
                    name="pin"
                    inputmode="numeric"
                    autocomplete="new-password"
                    type="password"
                    maxlength="8"
                  />
                </label>
                <label class="field">
                  <span>${msg('Admin password (optional, 12 characters or more)')}</span>
                  <input name="password" type="password" autocomplete="new-password" />
                </label>`
            : html`<label class="check">
                <input name="active" type="checkbox" .checked=${p?.active ?? true} />
                ${msg('May work (log in at the tills and the admin pages)')}
              </label>`
        }
      </div>
      <div class="form-actions">
        <button class="button primary" type="submit" ?disabled=${this._runner.busy}>
          ${this._isNew ? msg('Add staff member') : msg('Save profile')}
        </button>
      </div>
    </form>`;
  }

  private _renderCredentials(person: StaffRow) {
    return html`<form class="card" aria-labelledby="pin-heading" @submit=${this._setPin}>
        <h2 id="pin-heading">${msg('Reset the PIN')}</h2>
        <p class="muted">
          ${person.hasPin ? msg('A new PIN replaces the old one and logs the person out of every till.') : msg('This person has no PIN yet.')}
        </p>
        <div class="toolbar">
          <label class="field">
            <span>${msg('New PIN (4-8 digits)')}</span>
            <input
              name="pin"
              inputmode="numeric"
              type="password"
              autocomplete="new-password"
              maxlength="8"
              required
            />
          </label>
          <button class="button" type="submit" ?disabled=${this._runner.busy}>${msg('Set PIN')}</button>
        </div>
      </form>
      <form class="card" aria-labelledby="password-heading" @submit=${this._setPassword}>
        <h2 id="password-heading">${msg('Reset the admin password')}</h2>
        <p class="muted">
          ${person.login === null ? msg('Give this person an admin login first.') : msg(str`Logs in to the admin pages as ${person.login}.`)}
        </p>
        <div class="toolbar">
          <label class="field">
            <span>${msg('New password (12 characters or more)')}</span>
            <input name="password" type="password" autocomplete="new-password" required />
          </label>
          <button class="button" type="submit" ?disabled=${this._runner.busy || person.login === null}>
            ${msg('Set password')}
          </button>
        </div>
      </form>`;
  }

  private async _load(): Promise<void> {
    try {
      const [roles, person] = await Promise.all([
        listRoles(this.api),
        this._isNew ? Promise.resolve(null) : getStaff(this.api, this.params.id ?? ''),
      ]);
      this._roles = roles;
      this._person = person;
    } catch (error) {
      this._runner.fail(staffErrorText(error));
    }
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const login = formText(form, 'login');
    const input: StaffInput = {
      name: formText(form, 'name'),
      roleId: formText(form, 'roleId'),
      login: login === '' ? null : login,
    };
    void this._runner.run(async () => {
      if (this._isNew) {
        const pin = formText(form, 'pin');
        const password = formText(form, 'password', true);
        const created = await createStaff(this.api, {
          id: this._newId,
          ...input,
          ...(pin === '' ? {} : { pin }),
          ...(password === '' ? {} : { password }),
        });
        navigate(adminHref(`/staff/${created.id}`));
        return msg(str`${created.name} is added.`);
      }
      const active = new FormData(form).get('active') === 'on';
      this._person = await updateStaff(this.api, this.params.id ?? '', { ...input, active });
      return msg(str`${this._person.name} is saved.`);
    });
  };

  private _setPin = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void this._runner.run(async () => {
      this._person = await resetPin(this.api, this.params.id ?? '', formText(form, 'pin'));
      form.reset();
      return msg(str`A new PIN is set for ${this._person.name}.`);
    });
  };

  private _setPassword = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void this._runner.run(async () => {
      this._person = await resetPassword(this.api, this.params.id ?? '', formText(form, 'password', true));
      form.reset();
      return msg(str`A new admin password is set for ${this._person.name}.`);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'staff-edit-page': StaffEditPage;
  }
}
