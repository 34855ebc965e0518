import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ModalDialog } from '../../shared/components/modal-dialog.js';
import { isUnreachable } from '../../shared/api/errors.js';
import { loginStaff, type LoginStaff } from '../../shared/api/till-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { formatCountdown } from '../../shared/format/numbers.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import { canSubmitPin, pinKeyFromKeyboard, pressPinKey, type PinKey } from '../login/pin-entry.js';
import '../login/pin-pad.js';
import '../login/staff-tiles.js';
import { approverCandidates, overrideFailure, type SupervisorOverride } from './override-logic.js';
import { permissionText } from './permission-text.js';

export type OverrideClose = { kind: 'approved' } | { kind: 'cancelled' } | { kind: 'error'; error: unknown };

/**
 * Asks a supervisor to approve, on this till, an action the cashier may not do: pick who approves, their
 * PIN on the pad or the keyboard, then `attempt` sends the action again with the override. A wrong PIN,
 * a lock-out or a supervisor who lacks the permission too is said here and the dialog stays; Esc or
 * Cancel closes it with nothing changed. Open it through requestOverride(), not by hand.
 */
@customElement('override-dialog')
@localized()
export class OverrideDialog extends ModalDialog<OverrideClose> {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      .what {
        font-size: 1.1rem;
        font-weight: 700;
        margin: 0 0 1rem;
      }
      staff-tiles {
        display: block;
        margin-bottom: 1rem;
      }
      .pin-field input {
        font-size: 1.5rem;
        letter-spacing: 0.3em;
        text-align: center;
      }
      pin-pad {
        display: block;
        margin-top: 0.75rem;
      }
      .error {
        margin: 0.75rem 0 0;
      }
    `,
  ];

  /** The permission the hub asked for (details.permission of its refusal). */
  @property() permission = '';
  /** Sends the refused action again with the supervisor's override; rejects with the hub's error. */
  @property({ attribute: false }) attempt: (override: SupervisorOverride) => Promise<void> = () =>
    Promise.resolve();

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _staff: LoginStaff[] | null = null;
  @state() private _selected: string | null = null;
  @state() private _pin = '';
  @state() private _busy = false;
  @state() private _error: string | null = null;

  @query('input[name="pin"]') private _pinInput?: HTMLInputElement;

  override firstUpdated(): void {
    super.firstUpdated();
    void this._load();
  }

  override render() {
    return html`<dialog
      aria-labelledby="override-title"
      aria-describedby="override-what"
      data-dialog="override"
      @cancel=${this._onCancel}
      @keydown=${this._onKeyDown}
    >
      <h2 id="override-title">${msg('Supervisor approval')}</h2>
      <p class="what" id="override-what">${permissionText(this.permission)}</p>
      ${this._renderApprovers()}
      <form @submit=${this._onSubmit}>
        <label class="field pin-field">
          <span>${msg('Supervisor PIN')}</span>
          <input
            name="pin"
            type="password"
            inputmode="numeric"
            autocomplete="off"
            maxlength="12"
            .value=${this._pin}
            ?disabled=${this._busy}
            @input=${this._onPinInput}
          />
        </label>
        <pin-pad ?disabled=${this._busy} .onKey=${this._press}></pin-pad>
        ${
          this._error === null
            ? html`<p class="hint" role="status">
                ${this._busy ? msg('Checking…') : msg('The supervisor picks their name and types their PIN.')}
              </p>`
            : html`<p class="error" role="alert">${this._error}</p>`
        }
        <div class="actions">
          <button class="button" type="button" ?disabled=${this._busy} @click=${this._cancel}>
            ${msg('Cancel')} <kbd>Esc</kbd>
          </button>
          <button
            class="button primary"
            type="submit"
            ?disabled=${this._busy || this._selected === null || !canSubmitPin(this._pin)}
          >
            ${msg('Approve')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private _renderApprovers() {
    if (this._staff === null) return html`<p class="hint">${msg('Loading staff…')}</p>`;
    if (this._staff.length === 0) {
      return html`<p class="error">${msg('Nobody else may log in at this till to approve.')}</p>`;
    }
    return html`<staff-tiles
      .staff=${this._staff}
      .selected=${this._selected}
      ?disabled=${this._busy}
      label=${msg('Who approves')}
      .onPick=${(id: string) => {
        this._select(id);
      }}
    ></staff-tiles>`;
  }

  private async _load(): Promise<void> {
    const connection = this._connection;
    if (!connection) return;
    try {
      const staff = approverCandidates(await loginStaff(connection.api), connection.staff?.staff.id ?? null);
      this._staff = staff;
      await this.updateComplete;
      // One possible approver: pick them, so the PIN is all that is left. Otherwise the first name has focus.
      if (staff.length === 1 && staff[0]) this._select(staff[0].id);
      else this.renderRoot.querySelector('staff-tiles')?.focus();
    } catch (error) {
      this._staff = [];
      this._error = errorText(error);
    }
  }

  private _select(id: string): void {
    this._selected = id;
    this._pin = '';
    this._error = null;
    void this.updateComplete.then(() => this._pinInput?.focus());
  }

  private _press = (key: PinKey): void => {
    this._pin = pressPinKey(this._pin, key);
    this._error = null;
  };

  private _onPinInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    // Digits only: anything else typed is dropped at once rather than refused later by the hub.
    const digits = input.value.replace(/\D/g, '').slice(0, 12);
    input.value = digits;
    this._pin = digits;
    this._error = null;
  };

  private _onKeyDown = (event: KeyboardEvent): void => {
    // The screen behind must not see these keys (a PIN typed fast is not a scan).
    event.stopPropagation();
    if (event.composedPath()[0] === this._pinInput) return;
    // A digit typed while a name has focus goes to the PIN.
    const key = pinKeyFromKeyboard(event.key);
    if (key !== null && key !== 'clear' && this._selected !== null && !this._busy) {
      event.preventDefault();
      this._press(key);
      this._pinInput?.focus();
    }
  };

  private _onSubmit = (event: Event): void => {
    event.preventDefault();
    void this._approve();
  };

  private async _approve(): Promise<void> {
    const supervisorId = this._selected;
    if (supervisorId === null) {
      this._error = msg('Pick who approves first.');
      return;
    }
    if (this._busy || !canSubmitPin(this._pin)) return;
    this._busy = true;
    this._error = null;
    try {
      await this.attempt({ supervisorId, pin: this._pin });
      this.finish({ kind: 'approved' });
    } catch (error) {
      const failure = overrideFailure(error);
      if (failure === null && !isUnreachable(error)) {
        this.finish({ kind: 'error', error });
        return;
      }
      this._pin = '';
      this._error = this._failureText(failure, error, supervisorId);
    } finally {
      this._busy = false;
    }
    if (!this.closed) {
      await this.updateComplete;
      this._pinInput?.focus();
    }
  }

  private _failureText(
    failure: ReturnType<typeof overrideFailure>,
    error: unknown,
    supervisorId: string,
  ): string {
    switch (failure?.kind) {
      case 'wrong-pin':
        return msg('Wrong PIN. Nothing was changed. Try again.');
      case 'locked':
        return msg(
          str`Too many wrong PINs for this supervisor. Try again in ${formatCountdown(failure.retryAfterSeconds)}, or pick someone else.`,
        );
      case 'not-allowed': {
        const name = this._staff?.find((s) => s.id === supervisorId)?.name ?? '';
        return msg(str`${name} may not approve this either. Pick someone else.`);
      }
      case undefined:
        return errorText(error);
    }
  }

  private _onCancel = (event: Event): void => {
    event.preventDefault();
    if (!this._busy) this._cancel();
  };

  private _cancel = (): void => {
    this.finish({ kind: 'cancelled' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'override-dialog': OverrideDialog;
  }
}
