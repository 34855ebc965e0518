import { localized, msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { parseAmount } from '../../shared/format/parse-amount.js';
import { storeFormat } from '../../shared/format/store-format.js';
import { confirmAction } from '../components/confirm-dialog.js';
import { formText } from '../components/form-data.js';
import { staffPageStyles } from './staff-styles.js';
import { adminLocale } from '../i18n/admin-localization.js';
import { AdminPage } from '../shell/admin-page.js';
import { navigate } from '../shell/navigation.js';
import { adminHref } from '../shell/router.js';
import { createRole, deleteRole, listRoles, updateRole, type RoleRow } from './staff-api.js';
import { NoticeRunner } from './notice-runner.js';
import { staffErrorText } from './staff-errors.js';
import { PERMISSION_GROUPS, permissionLabel, roleLabel } from './staff-text.js';

/** A discount limit as the manager types it ("12,5") to basis points, or null when it is no percent. */
function limitBp(text: string): number | null {
  const bp = parseAmount(text, 2, [adminLocale(), storeFormat().locale]);
  return bp !== null && bp <= 10_000 ? bp : null;
}

function percentText(bp: number): string {
  return new Intl.NumberFormat(adminLocale(), { maximumFractionDigits: 2, useGrouping: false }).format(
    bp / 100,
  );
}

/**
 * A role's permission editor: a checkbox per permission, grouped as the till and the admin pages use
 * them, and the largest discount the role gives without a supervisor. As the hub rules: builtin roles
 * keep their names and cannot be deleted, the owner holds everything, and nobody grants a permission
 * they do not hold themselves (those boxes are shown but cannot be ticked).
 */
@customElement('role-edit-page')
@localized()
export class RoleEditPage extends AdminPage {
  static override styles = [
    ...staffPageStyles,
    css`
      fieldset {
        border: 1px solid var(--line);
        border-radius: var(--radius);
        padding: 0.5rem 1rem 1rem;
        margin: 0 0 1rem;
      }
      legend {
        font-weight: 700;
        padding: 0 0.25rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
        gap: 0 1rem;
      }
      .check code {
        font-size: 0.8rem;
        color: var(--ink-muted);
      }
      .check.unavailable {
        color: var(--ink-muted);
      }
      .form-actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        justify-content: space-between;
      }
    `,
  ];

  @state() private _role: RoleRow | null = null;
  @state() private _checked = new Set<string>();
  private _runner = new NoticeRunner(this);
  @state() private _loaded = false;
  private _newId = uuidv7();

  private get _isNew(): boolean {
    return this.params.id === undefined;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('params')) void this._load();
  }

  override render() {
    const role = this._role;
    const title = this._isNew ? msg('New role') : role === null ? msg('Role') : roleLabel(role.name);
    return html`<div class="head">
        <h1>${title}</h1>
        <div class="actions"><a class="button" href=${adminHref('/roles')}>${msg('Back to roles')}</a></div>
      </div>
      ${this._runner.render()} ${this._loaded ? this._renderForm(role) : nothing}`;
  }

  private _renderForm(role: RoleRow | null) {
    const owner = role?.builtin === true && role.name === 'owner';
    const mine = new Set(this.session?.staff?.permissions ?? []);
    const beyondMe = role?.permissions.filter((p) => !mine.has(p)) ?? [];
    const locked = owner || beyondMe.length > 0;
    const known = new Set(PERMISSION_GROUPS.flatMap((g) => g.permissions));
    const others = [...this._checked].filter((p) => !known.has(p));
    const groups =
      others.length === 0
        ? PERMISSION_GROUPS
        : [...PERMISSION_GROUPS, { label: () => msg('Other'), permissions: others }];
    return html`<form class="card" @submit=${this._save}>
      ${owner ? html`<p class="notice">${msg('The owner always holds every permission.')}</p>` : nothing}
      ${
        !owner && beyondMe.length > 0
          ? html`<p class="notice warning">
              ${msg('This role holds permissions you do not have, so you cannot change it.')}
            </p>`
          : nothing
      }
      <div class="form-grid">
        <label class="field">
          <span>${msg('Name')}</span>
          <input
            name="name"
            required
            maxlength="60"
            autocomplete="off"
            .value=${role === null ? '' : roleLabel(role.name)}
            ?readonly=${role?.builtin === true}
          />
        </label>
        <label class="field">
          <span>${msg('Largest discount without a supervisor (%)')}</span>
          <input
            name="limit"
            inputmode="decimal"
            required
            autocomplete="off"
            .value=${percentText(role?.discountLimitBp ?? 0)}
            ?disabled=${locked}
          />
        </label>
      </div>
      <h2>${msg('Permissions')}</h2>
      ${groups.map(
        (group) =>
          html`<fieldset>
            <legend>${group.label()}</legend>
            <div class="grid">
              ${group.permissions.map((p) => {
                const grantable = mine.has(p);
                return html`<label class="check ${grantable ? '' : 'unavailable'}">
                  <input
                    type="checkbox"
                    name="permission"
                    value=${p}
                    .checked=${this._checked.has(p)}
                    ?disabled=${locked || !grantable}
                    @change=${(e: Event) => this._toggle(p, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${permissionLabel(p)} <code>${p}</code></span>
                </label>`;
              })}
            </div>
          </fieldset>`,
      )}
      <div class="form-actions">
        <button class="button primary" type="submit" ?disabled=${this._runner.busy || locked}>
          ${this._isNew ? msg('Create role') : msg('Save role')}
        </button>
        ${
          role !== null && !role.builtin
            ? html`<button
                class="button"
                type="button"
                ?disabled=${this._runner.busy || locked}
                @click=${() => void this._delete(role)}
              >
                ${msg('Delete role')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }

  private _toggle(permission: string, on: boolean): void {
    const next = new Set(this._checked);
    if (on) next.add(permission);
    else next.delete(permission);
    this._checked = next;
  }

  private async _load(): Promise<void> {
    this._loaded = false;
    try {
      const roles = this._isNew ? [] : await listRoles(this.api);
      this._role = this._isNew ? null : (roles.find((r) => r.id === this.params.id) ?? null);
      if (!this._isNew && this._role === null) {
        this._runner.fail(msg('This role is not there any more.'));
        return;
      }
      this._checked = new Set(this._role?.permissions ?? []);
      this._loaded = true;
    } catch (error) {
      this._runner.fail(staffErrorText(error));
    }
  }

  private _save = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const discountLimitBp = limitBp(formText(form, 'limit'));
    if (discountLimitBp === null) {
      this._runner.fail(msg('Type the discount limit as a percent from 0 to 100.'));
      return;
    }
    const permissions = [...this._checked].sort();
    void this._runner.run(async () => {
      const role = this._role;
      if (role === null) {
        const created = await createRole(this.api, {
          id: this._newId,
          name: formText(form, 'name'),
          permissions,
          discountLimitBp,
        });
        navigate(adminHref(`/roles/${created.id}`));
        return msg(str`The role ${created.name} is created.`);
      }
      // A builtin role's name is shown translated but stored as it is: it is not sent.
      const saved = await updateRole(this.api, role.id, {
        ...(role.builtin ? {} : { name: formText(form, 'name') }),
        permissions,
        discountLimitBp,
      });
      this._role = saved;
      this._checked = new Set(saved.permissions);
      return msg(str`The role ${roleLabel(saved.name)} is saved.`);
    });
  };

  private async _delete(role: RoleRow): Promise<void> {
    const sure = await confirmAction(this, {
      heading: msg(str`Delete the role ${role.name}?`),
      text: msg('Only a role nobody has can be deleted.'),
      confirmLabel: msg('Delete role'),
      danger: true,
    });
    if (!sure) return;
    await this._runner.run(async () => {
      await deleteRole(this.api, role.id);
      navigate(adminHref('/roles'));
      return msg(str`The role ${role.name} is deleted.`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'role-edit-page': RoleEditPage;
  }
}
