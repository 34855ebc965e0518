import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import { isUnreachable } from '../../shared/api/errors.js';
import { addPayment, completeSale, type SaleView, type Tender } from '../../shared/api/sales-endpoints.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { currencyExponent, formatMoney } from '../../shared/format/money.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import { errorText } from '../app/error-text.js';
import { quickTenderAmounts } from './quick-tender.js';

type Phase =
  | { kind: 'choose' }
  | { kind: 'working'; tender: 'cash' | 'card' }
  | { kind: 'declined' }
  | { kind: 'done'; sale: SaleView };

/**
 * Paying a sale: cash with quick-tender buttons (exact, and the notes a customer plausibly hands over)
 * or card on the terminal; then the hub completes the sale and the change and receipt number show.
 * A retried payment keeps its id, so a lost answer never charges twice. Esc closes while nothing is
 * under way.
 */
@customElement('pay-dialog')
@localized()
export class PayDialog extends LitElement {
  static override styles = [
    baseStyles,
    buttonStyles,
    css`
      dialog {
        width: min(100vw - 1rem, 34rem);
        max-height: calc(100dvh - 1rem);
        border: none;
        border-radius: calc(var(--radius) * 2);
        padding: 1.25rem;
        box-shadow: 0 10px 40px rgb(0 0 0 / 0.3);
      }
      dialog::backdrop {
        background: rgb(10 20 30 / 0.55);
      }
      h2 {
        margin: 0 0 0.75rem;
      }
      .due {
        font-size: 2rem;
        font-weight: 800;
        margin: 0 0 1rem;
        font-variant-numeric: tabular-nums;
      }
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1rem;
      }
      .tenders {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
        gap: 0.5rem;
      }
      .tenders .button {
        min-height: 3.25rem;
        padding: 0 0.5rem;
        white-space: nowrap;
        font-size: 1.1rem;
        font-variant-numeric: tabular-nums;
      }
      .status {
        font-size: 1.2rem;
        font-weight: 700;
        margin: 1rem 0;
      }
      .change {
        font-size: 2.25rem;
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        margin: 0.25rem 0 1rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        justify-content: end;
        margin-top: 1.25rem;
      }
      .actions .primary {
        min-width: 10rem;
      }
    `,
  ];

  @property({ attribute: false }) sale!: SaleView;
  @property({ attribute: false }) tenders: readonly Tender[] = [];
  @property() currency = 'DKK';
  @property() uiLocale = 'en';

  @consume({ context: hubConnectionContext })
  private _connection?: HubConnection;

  @state() private _phase: Phase = { kind: 'choose' };
  @state() private _error: string | null = null;
  @state() private _current: SaleView | null = null;

  @query('dialog') private _dialog?: HTMLDialogElement;
  /** The payment being tried, kept across a retry after no answer. */
  private _attempt: { key: string; id: string } | null = null;

  override firstUpdated(): void {
    this._dialog?.showModal();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('_phase') && this._phase.kind === 'done') {
      this.renderRoot.querySelector<HTMLButtonElement>('.new-sale')?.focus();
    }
  }

  override render() {
    const sale = this._current ?? this.sale;
    return html`<dialog
      aria-labelledby="pay-title"
      @cancel=${this._onCancel}
      @keydown=${(e: KeyboardEvent) => {
        e.stopPropagation();
      }}
    >
      ${this._phase.kind === 'done' ? this._renderDone(this._phase.sale) : this._renderPay(sale)}
    </dialog>`;
  }

  private _renderPay(sale: SaleView) {
    const due = sale.totals.dueMinor;
    const busy = this._phase.kind === 'working';
    const cash = this.tenders.find((t) => t.kind === 'cash');
    const card = this.tenders.find((t) => t.kind === 'card');
    const quick = quickTenderAmounts(this.currency, currencyExponent(this.currency), due);
    return html`<h2 id="pay-title">${msg('Payment')}</h2>
      <p>${msg('To pay')}</p>
      <p class="due" data-due>${this._money(due)}</p>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${
        this._phase.kind === 'working'
          ? html`<p class="status" role="status">
              ${
                this._phase.tender === 'card'
                  ? msg('Waiting for the card terminal… Ask the customer to present the card.')
                  : msg('Recording the payment…')
              }
            </p>`
          : nothing
      }
      ${
        this._phase.kind === 'declined'
          ? html`<p class="status error" role="alert">
              ${msg('The card was declined. Try again or pay another way.')}
            </p>`
          : nothing
      }
      ${
        cash
          ? html`<h3>${msg('Cash')}</h3>
              <div class="tenders" role="group" aria-label=${msg('Cash handed over')}>
                <button
                  class="button"
                  type="button"
                  ?disabled=${busy}
                  @click=${() => void this._pay(cash, due, undefined)}
                >
                  ${msg('Exact')}
                </button>
                ${quick.map(
                  (amount) =>
                    html`<button
                      class="button"
                      type="button"
                      ?disabled=${busy}
                      @click=${() => void this._pay(cash, due, amount)}
                    >
                      ${this._money(amount)}
                    </button>`,
                )}
              </div>`
          : nothing
      }
      ${
        card
          ? html`<h3>${msg('Card')}</h3>
              <div class="tenders">
                <button
                  class="button"
                  type="button"
                  ?disabled=${busy || this._connection?.online === false}
                  @click=${() => void this._pay(card, due, undefined)}
                >
                  ${msg('Card')}
                </button>
              </div>`
          : nothing
      }
      <div class="actions">
        <button class="button" type="button" ?disabled=${busy} @click=${this._close}>
          ${msg('Back to the cart')}
        </button>
      </div>`;
  }

  private _renderDone(sale: SaleView) {
    const receipt = sale.receipt?.code ?? '';
    return html`<h2 id="pay-title">${msg('Sale completed')}</h2>
      <p>${msg('Change due')}</p>
      <p class="change" data-change>${this._money(sale.totals.changeMinor)}</p>
      ${
        sale.totals.roundingMinor !== 0
          ? html`<p>${msg(str`Cash rounding: ${this._money(sale.totals.roundingMinor)}`)}</p>`
          : nothing
      }
      <p data-receipt>${msg(str`Receipt number ${receipt}`)}</p>
      <div class="actions">
        <button class="button primary new-sale" type="button" @click=${this._newSale}>
          ${msg('New sale')}
        </button>
      </div>`;
  }

  private _money(minor: number): string {
    return formatMoney(minor, this.currency, this.uiLocale);
  }

  private async _pay(tender: Tender, amountMinor: number, tenderedMinor: number | undefined): Promise<void> {
    const api = this._connection?.api;
    if (!api || this._phase.kind === 'working') return;
    const key = `${tender.id}|${amountMinor}|${tenderedMinor ?? ''}`;
    if (this._attempt?.key !== key) this._attempt = { key, id: uuidv7() };
    const saleId = this.sale.id;
    this._error = null;
    this._phase = { kind: 'working', tender: tender.kind === 'card' ? 'card' : 'cash' };
    try {
      const result = await addPayment(api, saleId, {
        id: this._attempt.id,
        tenderId: tender.id,
        amountMinor,
        ...(tenderedMinor === undefined ? {} : { tenderedMinor }),
      });
      this._current = result.sale;
      if (result.payment.status === 'declined' || result.payment.status === 'cancelled') {
        this._attempt = null;
        this._phase = { kind: 'declined' };
        return;
      }
      if (result.payment.status !== 'approved') {
        this._error = msg('The terminal has not given an answer yet. Try again to ask it.');
        this._phase = { kind: 'choose' };
        return;
      }
      this._attempt = null;
      if (result.sale.totals.dueMinor > 0) {
        this._phase = { kind: 'choose' };
        return;
      }
      const done = await completeSale(api, saleId);
      this._phase = { kind: 'done', sale: done };
    } catch (error) {
      // No answer: the same payment id goes again on the next tap, so it is never taken twice.
      if (!isUnreachable(error)) this._attempt = null;
      this._error = errorText(error);
      this._phase = { kind: 'choose' };
    }
  }

  private _onCancel = (event: Event): void => {
    event.preventDefault();
    if (this._phase.kind === 'working') return;
    if (this._phase.kind === 'done') this._newSale();
    else this._close();
  };

  private _close = (): void => {
    this._dialog?.close();
    emit(this, 'pay-closed', { sale: this._current });
  };

  private _newSale = (): void => {
    this._dialog?.close();
    emit(this, 'sale-finished', { saleId: this.sale.id });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pay-dialog': PayDialog;
  }
}
