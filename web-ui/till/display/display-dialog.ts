import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  approveDisplay,
  revokeDisplay,
  tillDisplays,
  type PairedDisplay,
} from '../../shared/api/display-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { formatDateTime } from '../../shared/format/numbers.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import { normalisePairingCode } from '../pairing/pairing-flow.js';

/**
 * The till's customer displays: pair one by typing the code it shows (the display then mirrors this
 * till's cart), and unpair one (its credential stops working at once). Esc or Close ends it.
 */
@customElement('display-dialog')
@localized()
export class DisplayDialog extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    dialogStyles,
    css`
      form {
        display: flex;
        gap: 0.5rem;
        align-items: end;
        flex-wrap: wrap;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      input {
        min-height: var(--touch);
        font-size: 1.5rem;
        letter-spacing: 0.15em;
        width: 9ch;
        padding: 0 0.5rem;
        border: 1px solid var(--line-strong);
        border-radius: var(--radius);
      }
      ul {
        list-style: none;
        padding: 0;
      }
      li {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.4rem 0;
        border-bottom: 1px solid var(--line);
      }
      .error {
        color: var(--danger);
      }
      .ok {
        color: #0a6b2e;
        font-weight: 600;
      }
    `,
  ];

  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _code = '';
  @state() private _busy = false;
  @state() private _error: string | null = null;
  @state() private _paired = false;
  @state() private _displays: PairedDisplay[] = [];

  @query('dialog') private _dialog?: HTMLDialogElement;

  override firstUpdated(): void {
    this._dialog?.showModal();
    void this._load();
  }

  override render() {
    const active = this._displays.filter((d) => d.status === 'active');
    return html`<dialog
      aria-labelledby="display-title"
      @close=${() => this.dispatchEvent(new Event('close'))}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation();
      }}
    >
      <h2 id="display-title">${msg('Customer display')}</h2>
      <p>
        ${msg('Open /display on the screen facing the customer. Type the code it shows to link it to this till.')}
      </p>
      <form @submit=${this._pair}>
        <label
          >${msg('Code on the display')}
          <input
            name="display-code"
            inputmode="numeric"
            autocomplete="off"
            maxlength="7"
            .value=${this._code}
            @input=${(e: Event) => {
              this._code = (e.target as HTMLInputElement).value;
              this._paired = false;
            }}
        /></label>
        <button
          class="button primary"
          type="submit"
          ?disabled=${this._busy || normalisePairingCode(this._code) === null}
        >
          ${msg('Link display')}
        </button>
      </form>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._paired ? html`<p class="ok" role="status">${msg('The display is linked to this till.')}</p>` : nothing}
      <h3>${msg('Linked displays')}</h3>
      ${
        active.length === 0
          ? html`<p>${msg('None yet.')}</p>`
          : html`<ul>
              ${active.map(
                (d) =>
                  html`<li>
                    <span
                      >${msg(str`Linked ${d.approvedAt ? formatDateTime(d.approvedAt, this.uiLocale) : ''}`)}</span
                    >
                    <button
                      class="button"
                      type="button"
                      ?disabled=${this._busy}
                      @click=${() => void this._revoke(d.id)}
                    >
                      ${msg('Unlink')}
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      <div class="actions">
        <button class="button" type="button" @click=${() => this._dialog?.close()}>${msg('Close')}</button>
      </div>
    </dialog>`;
  }

  private async _load(): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    try {
      this._displays = await tillDisplays(api);
    } catch (error) {
      this._error = errorText(error);
    }
  }

  private _pair = async (event: Event): Promise<void> => {
    event.preventDefault();
    const api = this._connection?.api;
    const code = normalisePairingCode(this._code);
    if (!api || code === null) return;
    this._busy = true;
    this._error = null;
    try {
      await approveDisplay(api, code);
      this._paired = true;
      this._code = '';
      await this._load();
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  };

  private async _revoke(id: string): Promise<void> {
    const api = this._connection?.api;
    if (!api) return;
    this._busy = true;
    this._error = null;
    try {
      await revokeDisplay(api, id);
      await this._load();
    } catch (error) {
      this._error = errorText(error);
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'display-dialog': DisplayDialog;
  }
}
