import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { HubApiError } from '../../shared/api/errors.js';
import { pairingStatus, requestPairing } from '../../shared/api/till-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { formatDateTime } from '../../shared/format/numbers.js';
import type { PendingPairing } from '../../shared/storage/till-storage.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import {
  groupPairingCode,
  nextPairingStep,
  normalisePairingCode,
  PAIRING_POLL_MS,
  type PairingStep,
} from './pairing-flow.js';
import { pairingStyles } from './pairing-screen.styles.js';

type Failure = Extract<PairingStep, { kind: 'failed' }>['reason'];

/**
 * Makes this browser a till. Either the cashier types the 6-digit code a manager created (the till is
 * approved at once), or the till asks for a code, shows it, and polls until a manager approves it. A
 * request in progress survives a reload (its secret is kept), so a manager's approval is never lost.
 */
@customElement('pairing-screen')
@localized()
export class PairingScreen extends LitElement {
  static override styles = [baseStyles, buttonStyles, pairingStyles];

  /** Why the till is here again: its token stopped working (a manager revoked it). */
  @property({ type: Boolean }) revoked = false;
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _name = '';
  @state() private _code = '';
  @state() private _busy = false;
  @state() private _error: unknown = null;
  @state() private _failure: Failure | null = null;
  @state() private _pending: PendingPairing | null = null;
  private _poll: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const pending = this._connection?.storage.pendingPairing ?? null;
    this._name = pending?.name ?? this._connection?.storage.credentials?.name ?? '';
    if (pending) this._startPolling(pending);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopPolling();
  }

  override render() {
    return html`<div class="card">
      <h1>${msg('Pair this till')}</h1>
      ${
        this.revoked
          ? html`<p class="notice" role="alert">
              ${msg('This till is no longer paired with the hub. A manager may have removed it. Pair it again.')}
            </p>`
          : nothing
      }
      <p>${msg('A till must be paired with the store hub once, by a manager, before anyone can log in.')}</p>
      <div class="field">
        <label for="till-name">${msg('Name of this till')}</label>
        <input
          id="till-name"
          autocomplete="off"
          maxlength="60"
          .value=${this._name}
          placeholder=${msg('Front till')}
          ?disabled=${this._pending !== null}
          @input=${(e: Event) => {
            this._name = (e.target as HTMLInputElement).value;
          }}
        />
      </div>
      ${this._pending ? this._renderWaiting(this._pending) : this._renderWays()}
      ${this._failure ? html`<p class="notice" role="alert">${this._failureText(this._failure)}</p>` : nothing}
      ${this._error !== null ? html`<p class="error" role="alert">${errorText(this._error)}</p>` : nothing}
    </div>`;
  }

  private _renderWays() {
    const codeOk = normalisePairingCode(this._code) !== null;
    return html`<div class="ways">
      <section aria-labelledby="with-code">
        <h2 id="with-code">${msg('I have a code')}</h2>
        <p>
          ${msg('A manager creates a code in the admin pages under Tills, or reads it off the hub console.')}
        </p>
        <form @submit=${this._pairWithCode}>
          <div class="field">
            <label for="code">${msg('Pairing code (6 digits)')}</label>
            <input
              id="code"
              class="code-input"
              inputmode="numeric"
              autocomplete="one-time-code"
              maxlength="7"
              .value=${this._code}
              @input=${(e: Event) => {
                this._code = (e.target as HTMLInputElement).value;
              }}
            />
          </div>
          <button class="button primary" type="submit" ?disabled=${!codeOk || this._busy}>
            ${msg('Pair')}
          </button>
        </form>
      </section>
      <section aria-labelledby="ask-code">
        <h2 id="ask-code">${msg('Ask for a code')}</h2>
        <p>${msg('The till shows a code; a manager approves it in the admin pages.')}</p>
        <button class="button" type="button" ?disabled=${this._busy} @click=${this._askForCode}>
          ${msg('Show a code for a manager')}
        </button>
      </section>
    </div>`;
  }

  private _renderWaiting(pending: PendingPairing) {
    const expires = formatDateTime(pending.expiresAt, this.uiLocale);
    return html`<section aria-labelledby="waiting-title">
      <h2 id="waiting-title">${msg('Waiting for a manager')}</h2>
      <p>${msg('Tell a manager this code. They approve it in the admin pages under Tills.')}</p>
      ${
        pending.code
          ? html`<div class="code" aria-label=${msg(str`Pairing code ${pending.code.split('').join(' ')}`)}>
              ${groupPairingCode(pending.code)}
            </div>`
          : nothing
      }
      <p class="waiting" role="status">
        <span class="spinner" aria-hidden="true"></span>
        ${msg(str`Checking for approval. The code is valid until ${expires}.`)}
      </p>
      <button class="button" type="button" @click=${this._cancel}>${msg('Cancel')}</button>
    </section>`;
  }

  private _failureText(reason: Failure): string {
    switch (reason) {
      case 'expired':
        return msg('The code expired before a manager approved it. Ask for a new one.');
      case 'revoked':
        return msg('A manager turned this pairing request down.');
      case 'token-lost':
        return msg('The till was approved, but its key was already collected by another window. Pair again.');
    }
  }

  private _tillName(): string {
    const name = this._name.trim();
    return name === '' ? msg('Front till') : name.slice(0, 60);
  }

  private _pairWithCode = async (event: Event): Promise<void> => {
    event.preventDefault();
    const code = normalisePairingCode(this._code);
    if (code === null || !this._connection) return;
    await this._run(async (connection) => {
      const ticket = await requestPairing(connection.api, this._tillName(), code);
      const status = await pairingStatus(connection.api, ticket.pairingSecret);
      this._apply(nextPairingStep(status));
    });
  };

  private _askForCode = async (): Promise<void> => {
    await this._run(async (connection) => {
      const ticket = await requestPairing(connection.api, this._tillName());
      const pending: PendingPairing = {
        tillId: ticket.tillId,
        secret: ticket.pairingSecret,
        code: ticket.pairingCode,
        expiresAt: ticket.expiresAt,
        name: this._tillName(),
      };
      connection.storage.pendingPairing = pending;
      this._startPolling(pending);
    });
  };

  private async _run(work: (connection: HubConnection) => Promise<void>): Promise<void> {
    const connection = this._connection;
    if (!connection) return;
    this._busy = true;
    this._error = null;
    this._failure = null;
    try {
      await work(connection);
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = false;
    }
  }

  private _startPolling(pending: PendingPairing): void {
    this._pending = pending;
    this._stopPolling();
    this._poll = window.setInterval(() => void this._check(pending), PAIRING_POLL_MS);
  }

  private _stopPolling(): void {
    window.clearInterval(this._poll);
    this._poll = undefined;
  }

  private async _check(pending: PendingPairing): Promise<void> {
    const connection = this._connection;
    if (!connection) return;
    try {
      this._apply(nextPairingStep(await pairingStatus(connection.api, pending.secret)));
      this._error = null;
    } catch (error) {
      // The hub forgets a request once its token is collected or it expired: 404 ends the wait.
      if (error instanceof HubApiError && error.status === 404)
        this._apply({ kind: 'failed', reason: 'expired' });
      // Unreachable: keep polling; the offline banner already says so.
    }
  }

  private _apply(step: PairingStep): void {
    switch (step.kind) {
      case 'wait':
        return;
      case 'paired':
        this._stopPolling();
        emit(this, 'till-paired', {
          tillId: step.tillId,
          token: step.token,
          name: step.name ?? this._pending?.name ?? this._tillName(),
        });
        return;
      case 'failed':
        this._cancel();
        this._failure = step.reason;
        return;
    }
  }

  private _cancel = (): void => {
    this._stopPolling();
    this._pending = null;
    if (this._connection) this._connection.storage.pendingPairing = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pairing-screen': PairingScreen;
  }
}
