import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { HubApiClient } from '../shared/api/client.js';
import { HubApiError } from '../shared/api/errors.js';
import { displayPairingStatus, requestDisplayPairing } from '../shared/api/display-endpoints.js';
import { emit } from '../shared/events.js';
import type { DisplayCredentials, DisplayStorage } from '../shared/storage/display-storage.js';
import { baseStyles } from '../shared/styles/theme.js';
import { DISPLAY_PAIRING_POLL_MS, RETRY_MS, displayPairingStep } from './screen-state.js';

/**
 * Makes this browser a customer display: it asks the hub for a code, shows it big, and waits until a
 * cashier types it at the till (Customer display in the till's top bar). A screen needs no keyboard. A
 * code that expires is replaced by a fresh one; a reload keeps showing the same code.
 */
@customElement('display-pairing')
@localized()
export class DisplayPairing extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        height: 100%;
        padding: 2rem;
        background: var(--bar);
        color: var(--on-bar);
        text-align: center;
        font-size: clamp(1rem, 2.4vmin, 2rem);
      }
      h1 {
        font-size: 1.8em;
        margin: 0 0 0.5em;
      }
      .code {
        font-size: 4.5em;
        font-weight: 800;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
        margin: 0.3em 0;
      }
      p {
        margin: 0.4em 0;
        max-width: 36em;
      }
      .error {
        color: #ffd166;
      }
    `,
  ];

  @property({ attribute: false }) api: HubApiClient | null = null;
  @property({ attribute: false }) storage: DisplayStorage | null = null;
  /** Why the display is here again: its pairing was revoked. */
  @property({ type: Boolean }) revoked = false;

  @state() private _code: string | null = null;
  @state() private _unreachable = false;
  private _timer: number | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._step();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this._timer);
    this._timer = undefined;
  }

  override render() {
    const code = this._code;
    return html`<div>
      <h1>${msg('Customer display')}</h1>
      ${
        this.revoked
          ? html`<p class="error" role="alert">
              ${msg('This display was unpaired from its till. Pair it again.')}
            </p>`
          : nothing
      }
      ${
        code === null
          ? html`<p role="status">${msg('Asking the hub for a pairing code…')}</p>`
          : html`<p>
                ${msg('To show a till’s sale here, a cashier enters this code at the till under Customer display:')}
              </p>
              <p
                class="code"
                data-pairing-code
                aria-label=${msg(str`Pairing code ${code.split('').join(' ')}`)}
              >
                ${code.slice(0, 3)} ${code.slice(3)}
              </p>
              <p role="status">${msg('Waiting for the till…')}</p>`
      }
      ${this._unreachable ? html`<p class="error" role="alert">${msg('Cannot reach the hub. Trying again…')}</p>` : nothing}
    </div>`;
  }

  /** One turn of the loop: ask for a code if there is none, else poll it; then schedule the next turn. */
  private async _step(): Promise<void> {
    const api = this.api;
    const storage = this.storage;
    if (!api || !storage || !this.isConnected) return;
    let delay = DISPLAY_PAIRING_POLL_MS;
    try {
      const pending = storage.pending;
      if (pending === null) {
        const ticket = await requestDisplayPairing(api);
        storage.pending = {
          displayId: ticket.displayId,
          code: ticket.pairingCode,
          secret: ticket.pairingSecret,
          expiresAt: ticket.expiresAt,
        };
        this._code = ticket.pairingCode;
      } else {
        this._code = pending.code;
        const step = displayPairingStep(await displayPairingStatus(api, pending.secret));
        if (step.kind === 'paired') {
          this._paired(storage, { displayId: step.displayId, token: step.token });
          return;
        }
        if (step.kind === 'restart') {
          storage.pending = null;
          delay = 0;
        }
      }
      this._unreachable = false;
    } catch (error) {
      // A request the hub forgot (404) starts over at once; a refusal (too many waiting displays) or no
      // answer at all waits a little and tries again.
      const refused = error instanceof HubApiError;
      const forgotten = refused && error.status === 404;
      if (forgotten) storage.pending = null;
      this._unreachable = !refused;
      delay = forgotten ? 0 : RETRY_MS;
    }
    // Taken off the page meanwhile: the next turn finds it disconnected and stops.
    this._timer = window.setTimeout(() => void this._step(), delay);
  }

  private _paired(storage: DisplayStorage, credentials: DisplayCredentials): void {
    storage.pending = null;
    storage.credentials = credentials;
    emit(this, 'display-paired', {});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-pairing': DisplayPairing;
  }
}
