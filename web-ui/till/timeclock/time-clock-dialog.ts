import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { HubApiError } from '../../shared/api/errors.js';
import {
  clockAction,
  clockState,
  type ClockAction,
  type ClockState,
} from '../../shared/api/time-clock-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { formatDateTime, formatInteger } from '../../shared/format/numbers.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';

/**
 * The logged-in cashier's time clock: where they stand (clocked out, working since, on a break since) and
 * the actions that fit: clock in; start a break or clock out; end the break. Says 'time-clock-state'
 * with every state it learns, so the top bar can show it; Esc or Close ends it.
 */
@customElement('time-clock-dialog')
@localized()
export class TimeClockDialog extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      .state {
        font-size: 1.2rem;
        font-weight: 600;
        margin: 0 0 0.25rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 1rem 0;
      }
      .choices .button {
        flex: 1 1 10rem;
        min-height: calc(var(--touch) * 1.3);
        font-size: 1.1rem;
      }
      .error {
        color: var(--danger);
      }
    `,
  ];

  @property() uiLocale = 'en';
  @property() timeZone: string | undefined = undefined;

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _state: ClockState | null = null;
  @state() private _busy = false;
  @state() private _error: string | null = null;

  @query('dialog') private _dialog?: HTMLDialogElement;
  /** One id per clock-in attempt: a retry after a lost answer opens the same shift. */
  private _clockInId = uuidv7();

  override firstUpdated(): void {
    this._dialog?.showModal();
    void this._load();
  }

  override render() {
    return html`<dialog
      aria-labelledby="clock-title"
      @close=${() => this.dispatchEvent(new Event('close'))}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation();
      }}
    >
      <h2 id="clock-title">${msg('Time clock')}</h2>
      <div role="status" aria-live="polite">${this._describe()}</div>
      <div class="choices">${this._choices()}</div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="actions">
        <button class="button" type="button" @click=${() => this._dialog?.close()}>${msg('Close')}</button>
      </div>
    </dialog>`;
  }

  private _describe() {
    const s = this._state;
    if (s === null) return html`<p class="state">${msg('Loading…')}</p>`;
    const when = (iso: string) => formatDateTime(iso, this.uiLocale, this.timeZone);
    const worked = s.shift ? formatInteger(s.shift.workedMinutes, this.uiLocale) : '';
    switch (s.status) {
      case 'off':
        return html`<p class="state" data-clock="off">${msg('You are clocked out.')}</p>`;
      case 'working':
        return html`<p class="state" data-clock="working">
            ${msg(str`Clocked in since ${when(s.shift?.clockInAt ?? '')}`)}
          </p>
          <p>${msg(str`${worked} minutes worked so far`)}</p>`;
      case 'on_break':
        return html`<p class="state" data-clock="on_break">
            ${msg(str`On a break since ${when(s.shift?.breakStartedAt ?? '')}`)}
          </p>
          <p>${msg(str`${worked} minutes worked so far`)}</p>`;
    }
  }

  private _choices() {
    const s = this._state;
    if (s === null) return nothing;
    const button = (action: ClockAction, label: string, primary: boolean) =>
      html`<button
        class="button ${primary ? 'primary' : ''}"
        type="button"
        data-clock-action=${action}
        ?disabled=${this._busy}
        @click=${() => void this._act(action)}
      >
        ${label}
      </button>`;
    switch (s.status) {
      case 'off':
        return button('clock-in', msg('Clock in'), true);
      case 'working':
        return html`${button('break-start', msg('Start break'), false)}
        ${button('clock-out', msg('Clock out'), true)}`;
      case 'on_break':
        return html`${button('break-end', msg('End break'), true)}
        ${button('clock-out', msg('Clock out'), false)}`;
    }
  }

  private async _load(): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    try {
      this._show(await clockState(api));
    } catch (error) {
      this._error = errorText(error);
    }
  }

  private async _act(action: ClockAction): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    this._busy = true;
    this._error = null;
    try {
      this._show(await clockAction(api, action, this._clockInId));
      if (action === 'clock-in') this._clockInId = uuidv7();
    } catch (error) {
      this._error = clockErrorText(error);
      // Another till may have clocked this person meanwhile: show where they really stand.
      if (error instanceof HubApiError) await this._load();
    } finally {
      this._busy = false;
    }
  }

  private _show(state: ClockState): void {
    this._state = state;
    emit(this, 'time-clock-state', { status: state.status });
  }
}

function clockErrorText(error: unknown): string {
  if (!(error instanceof HubApiError)) return errorText(error);
  switch (error.code) {
    case 'ALREADY_CLOCKED_IN':
      return msg('You are already clocked in.');
    case 'NOT_CLOCKED_IN':
      return msg('You are not clocked in.');
    case 'ALREADY_ON_BREAK':
      return msg('You are already on a break.');
    case 'NOT_ON_BREAK':
      return msg('You are not on a break.');
    case 'SHIFT_OVERLAP':
      return msg('A shift a manager recorded for you is still running. Ask a manager to correct it.');
    default:
      return errorText(error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'time-clock-dialog': TimeClockDialog;
  }
}
