import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isUnreachable } from '../../shared/api/errors.js';
import {
  emailReceipt,
  getEReceipt,
  printReceipt,
  type EReceipt,
} from '../../shared/api/receipt-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { cleanEmail, EMAIL_KEY, PRINT_KEY, receiptErrorText } from './receipt-logic.js';

type Busy = 'print' | 'email' | null;

/**
 * What the customer can take away from a finished sale: the receipt number, the e-receipt QR code to
 * scan from the screen, the paper receipt (the original, or a COPY once printed) and the receipt by
 * e-mail; then the next sale. F9 prints, F4 goes to the address, Enter on New sale moves on.
 */
@customElement('receipt-actions')
@localized()
export class ReceiptActions extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .take-away {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 30rem) {
        .take-away {
          grid-template-columns: 1fr;
          justify-items: center;
        }
      }
      figure {
        margin: 0;
        display: grid;
        justify-items: center;
        gap: 0.25rem;
        max-width: 11rem;
        text-align: center;
        font-size: 0.85rem;
      }
      figure img {
        width: 10rem;
        height: 10rem;
        image-rendering: pixelated;
        background: #fff;
      }
      .no-qr {
        max-width: 11rem;
        font-size: 0.85rem;
        color: var(--muted, inherit);
      }
      .tools {
        display: grid;
        gap: 0.75rem;
        width: 100%;
      }
      form {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.5rem;
        align-items: end;
      }
      kbd {
        font-size: 0.8em;
        border: 1px solid currentColor;
        border-radius: 4px;
        padding: 0 0.25rem;
        margin-inline-start: 0.35rem;
        opacity: 0.8;
      }
      .status {
        min-height: 1.5em;
        margin: 0.75rem 0 0;
      }
      .actions {
        display: flex;
        justify-content: end;
        margin-top: 1rem;
      }
      .actions .primary {
        min-width: 10rem;
      }
    `,
  ];

  @property() saleId = '';
  /** The receipt number the hub gave at completion, shown before (and without) the e-receipt answer. */
  @property() receiptCode = '';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _receipt: EReceipt | null = null;
  @state() private _busy: Busy = null;
  @state() private _status: { text: string; danger: boolean } | null = null;

  @query('input[type=email]') private _address?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture on the window: the pay dialog stops key events from bubbling out of it.
    window.addEventListener('keydown', this._onKeyDown, { capture: true });
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeyDown, { capture: true });
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.new-sale')?.focus();
  }

  override render() {
    const receipt = this._receipt?.receiptCode ?? this.receiptCode;
    const printed = this._receipt?.printed ?? true;
    return html`<p data-receipt>${msg(str`Receipt number ${receipt}`)}</p>
      <div class="take-away">
        ${this._renderQr()}
        <div class="tools">
          <button
            class="button"
            type="button"
            data-print
            ?disabled=${this._busy !== null}
            @click=${() => void this._print()}
          >
            ${printed ? msg('Print a copy') : msg('Print receipt')}<kbd>${PRINT_KEY}</kbd>
          </button>
          <form @submit=${this._onEmailSubmit} novalidate>
            <label class="field">
              <span>${msg('Receipt by e-mail')}<kbd>${EMAIL_KEY}</kbd></span>
              <input
                type="email"
                name="email"
                inputmode="email"
                autocomplete="off"
                maxlength="254"
                placeholder=${msg('customer@example.com')}
              />
            </label>
            <button class="button" type="submit" ?disabled=${this._busy !== null}>${msg('Send')}</button>
          </form>
        </div>
      </div>
      <p class="status ${this._status?.danger ? 'error' : ''}" role="status" aria-live="polite">
        ${this._status?.text ?? nothing}
      </p>
      <div class="actions">
        <button class="button primary new-sale" type="button" @click=${this._newSale}>
          ${msg('New sale')}
        </button>
      </div>`;
  }

  private _renderQr() {
    const qr = this._receipt?.qrPath ?? null;
    if (qr !== null) {
      return html`<figure>
        <img src=${qr} alt=${msg('QR code of the e-receipt')} data-qr />
        <figcaption>${msg('Scan with a phone to get the receipt')}</figcaption>
      </figure>`;
    }
    if (this._receipt === null) return html`<div class="no-qr"></div>`;
    return html`<p class="no-qr">${msg('No e-receipt: the store has no public address set.')}</p>`;
  }

  private _api() {
    return this._connection?.api ?? null;
  }

  private async _load(): Promise<void> {
    const api = this._api();
    if (!api || this.saleId === '') return;
    try {
      this._receipt = await getEReceipt(api, this.saleId);
    } catch (error) {
      // Without it the cashier can still print and mail: those ask the hub themselves.
      if (!isUnreachable(error)) this._status = { text: receiptErrorText(error), danger: true };
    }
  }

  private async _print(): Promise<void> {
    const api = this._api();
    if (!api || this._busy !== null) return;
    this._busy = 'print';
    this._status = { text: msg('Sending the receipt to the printer…'), danger: false };
    try {
      const job = await printReceipt(api, this.saleId);
      this._status = {
        text: job.kind === 'copy' ? msg('A copy is printing.') : msg('The receipt is printing.'),
        danger: false,
      };
      if (this._receipt) this._receipt = { ...this._receipt, printed: true };
    } catch (error) {
      this._status = { text: receiptErrorText(error), danger: true };
    } finally {
      this._busy = null;
    }
  }

  private _onEmailSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this._email();
  };

  private async _email(): Promise<void> {
    const api = this._api();
    const input = this._address;
    if (!api || !input || this._busy !== null) return;
    const to = cleanEmail(input.value);
    if (to === null) {
      this._status = {
        text: msg('Type the customer’s e-mail address, like name@example.com.'),
        danger: true,
      };
      input.focus();
      return;
    }
    this._busy = 'email';
    this._status = { text: msg('Sending the e-mail…'), danger: false };
    try {
      await emailReceipt(api, this.saleId, to);
      this._status = { text: msg(str`The receipt was sent to ${to}.`), danger: false };
      input.value = '';
    } catch (error) {
      this._status = { text: receiptErrorText(error), danger: true };
    } finally {
      this._busy = null;
    }
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === PRINT_KEY) {
      event.preventDefault();
      void this._print();
    } else if (event.key === EMAIL_KEY) {
      event.preventDefault();
      this._address?.focus();
    }
  };

  private _newSale = (): void => {
    emit(this, 'receipt-done', { saleId: this.saleId });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'receipt-actions': ReceiptActions;
  }
}
