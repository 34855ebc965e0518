import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { v7 as uuidv7 } from 'uuid';
import {
  cancelPayment,
  cashQuote,
  resolvePayment,
  type CashQuote,
} from '../../shared/api/payment-endpoints.js';
import {
  addPayment,
  completeSale,
  getSale,
  type PaymentInput,
  type PaymentView,
  type SaleView,
  type Tender,
} from '../../shared/api/sales-endpoints.js';
import { isUnreachable } from '../../shared/api/errors.js';
import { hubConnectionContext } from '../../shared/connection/context.js';
import type { HubConnection } from '../../shared/connection/hub-connection.js';
import { emit } from '../../shared/events.js';
import { currencyExponent } from '../../shared/format/money.js';
import { storeFormat, storeMoney } from '../../shared/format/store-format.js';
import { dialogStyles } from '../../shared/styles/dialog.js';
import { baseStyles, buttonStyles } from '../../shared/styles/theme.js';
import type { CompletionQueue } from '../offline/completion-queue.js';
import { completionQueueContext } from '../offline/context.js';
import { offlineCash } from '../offline/offline-cash.js';
import '../receipt/receipt-actions.js';
import { parseMajorAmount } from './amount-input.js';
import type { CardProgress } from './pay/card-progress.js';
import { renderRunning } from './pay/card-status.js';
import { payDialogStyles } from './pay/pay-dialog.styles.js';
import {
  cardBlock,
  CARD_KEY,
  EXACT_CASH_KEY,
  needsReference,
  otherTenders,
  OTHER_TENDER_KEYS,
  outcomeOf,
  payAction,
  paymentRequest,
  QUICK_CASH_KEYS,
  readyToComplete,
  unresolvedPayment,
  type PayAction,
  type TenderChoice,
} from './pay/pay-flow.js';
import type { CashQuotes } from './pay/cash-quotes.js';
import { PaymentRunner, type RunnerState } from './pay/payment-runner.js';
import { cardBlockText, paymentErrorText } from './pay/payment-text.js';
import { renderTakenPayments } from './pay/taken-payments.js';

/** queued: cash taken while the hub did not answer; the sale waits in the offline queue. */
type Phase = 'pay' | 'completing' | 'done' | 'queued';

const FUNCTION_KEY = /^F\d{1,2}$/;

/**
 * Paying a sale, in as many parts as the customer likes: cash (exact, the hub's quick-tender amounts, or
 * a typed amount handed over), card on the till's terminal with its live progress and Cancel, and the
 * other tenders the store enables. Every figure is the hub's: the rest due, the cash rounding, the change.
 * A card payment never starts while the hub is unreachable; an unknown outcome is asked again, never
 * assumed. When the hub says nothing is left, it is asked to complete the sale, and only its answer
 * shows the sale as completed. F-keys for every tender, Esc to cancel or go back.
 */
@customElement('pay-dialog')
@localized()
export class PayDialog extends LitElement {
  static override styles = [baseStyles, buttonStyles, dialogStyles, payDialogStyles];

  @property({ attribute: false }) sale!: SaleView;
  @property({ attribute: false }) tenders: readonly Tender[] = [];
  @property() currency = 'DKK';
  @property() uiLocale = 'en';
  /** The cash quotes fetched while the cart rested (quick tenders even if the hub stops answering). */
  @property({ attribute: false }) quotes: CashQuotes | null = null;
  /** Till events from the hub's broker ('payment': a CardProgress). */
  @property({ attribute: false }) tillEvents: EventTarget | null = null;

  @consume({ context: hubConnectionContext, subscribe: true })
  private _connection?: HubConnection;

  @consume({ context: completionQueueContext })
  private _completions?: CompletionQueue | null;

  @state() private _phase: Phase = 'pay';
  @state() private _queuedChangeMinor = 0;
  @state() private _current: SaleView | null = null;
  @state() private _quote: CashQuote | null = null;
  @state() private _run: RunnerState = { kind: 'idle' };
  @state() private _error: string | null = null;
  @state() private _info: string | null = null;
  @state() private _amountText = '';
  @state() private _referenceText = '';
  @state() private _online = true;

  @query('dialog') private _dialog?: HTMLDialogElement;

  private _watchedEvents: EventTarget | null = null;
  /** The last payment asked for, and whether it was cash (for the offline queue). */
  private _lastRequest: { request: Omit<PaymentInput, 'id'>; cash: boolean } | null = null;
  private _runner = new PaymentRunner(
    {
      add: (saleId, input) => addPayment(this._api(), saleId, input),
      resolve: (paymentId) => resolvePayment(this._api(), paymentId),
      cancel: (paymentId) => cancelPayment(this._api(), paymentId),
    },
    {
      changed: (s) => {
        this._run = s;
      },
      settled: (result) => {
        this._onSettled(result.payment, result.sale);
      },
      failed: (error, paymentId) => {
        if (paymentId !== null && isUnreachable(error) && this._queueCash(paymentId)) return;
        this._error = paymentErrorText(error);
      },
      newId: () => uuidv7(),
      setTimeout: (run, ms) => window.setTimeout(run, ms),
      clearTimeout: (handle) => {
        window.clearTimeout(handle as number);
      },
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this._online = this._connection?.online ?? true;
    this._connection?.addEventListener('change', this._onConnectionChange);
    // On the window, capturing: the keys work wherever the focus is, and the function keys are the pay
    // screen's while it is open (the mode switch's F6/F8 must not take the till away mid-payment).
    window.addEventListener('keydown', this._onKey, { capture: true });
    // The quote fetched while the cart rested shows at once; the hub is asked again all the same.
    this._quote = this.quotes?.forSale(this.sale.id, this.sale.totals.dueMinor) ?? null;
    void this._refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection?.removeEventListener('change', this._onConnectionChange);
    window.removeEventListener('keydown', this._onKey, { capture: true });
    this._watchedEvents?.removeEventListener('payment', this._onProgress);
    this._watchedEvents = null;
    this._runner.stop();
  }

  override willUpdate(): void {
    if (this._watchedEvents !== this.tillEvents) {
      this._watchedEvents?.removeEventListener('payment', this._onProgress);
      this.tillEvents?.addEventListener('payment', this._onProgress);
      this._watchedEvents = this.tillEvents;
    }
  }

  override firstUpdated(): void {
    this._dialog?.showModal();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('_phase') && (this._phase === 'done' || this._phase === 'queued')) {
      this.renderRoot.querySelector<HTMLButtonElement>('.new-sale')?.focus();
      // Queued offline, the hub has not completed it yet: the display keeps showing the payment.
      if (this._phase === 'done' && this._current) emit(this, 'sale-progress', { sale: this._current });
    } else if (changed.has('_run') && this._phase === 'pay') {
      // Keep the keyboard in the dialog: Cancel while a card runs, the amount when it is done.
      const target = this._run.kind === 'running' ? '.card-status button' : 'input';
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
    if (changed.has('_current') && this._current && this._phase === 'pay') {
      // The customer display follows payments as they are recorded.
      emit(this, 'sale-progress', { sale: this._current });
    }
  }

  override render() {
    return html`<dialog aria-labelledby="pay-title" @cancel=${this._onEscape}>
      ${
        this._phase === 'done'
          ? this._renderDone()
          : this._phase === 'queued'
            ? this._renderQueued()
            : this._renderPay()
      }
    </dialog>`;
  }

  // ---- rendering ----

  private get _sale(): SaleView {
    return this._current ?? this.sale;
  }

  private _renderPay() {
    const sale = this._sale;
    const t = sale.totals;
    const running = this._run.kind === 'running' ? this._run : null;
    return html`<h2 id="pay-title">${msg('Payment')}</h2>
      <p>${t.paidMinor > 0 ? msg('Still to pay') : msg('To pay')}</p>
      <p class="due" data-due>${this._money(t.dueMinor)}</p>
      <dl class="figures">
        <dt>${msg('Total')}</dt>
        <dd data-total>${this._money(t.toPayMinor)}</dd>
        ${
          t.paidMinor > 0
            ? html`<dt>${msg('Paid')}</dt>
                <dd data-paid>${this._money(t.paidMinor)}</dd>`
            : nothing
        }
        ${this._renderCashFigures()}
      </dl>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${this._info ? html`<p class="info" role="status">${this._info}</p>` : nothing}
      ${
        this._phase === 'completing'
          ? this._renderCompleting()
          : running
            ? renderRunning(running, () => void this._runner.cancel())
            : this._renderTenders()
      }
      ${renderTakenPayments({
        payments: sale.payments,
        tenders: this.tenders,
        money: (m) => this._money(m),
        busy: running !== null || this._phase === 'completing',
        onHandBack: (p) => void this._handBack(p),
      })}
      <div class="actions">
        <button
          class="button"
          type="button"
          ?disabled=${running !== null && !running.asking}
          aria-keyshortcuts="Escape"
          @click=${this._close}
        >
          ${msg('Back to the cart')} ${running ? nothing : html`<kbd>Esc</kbd>`}
        </button>
      </div>`;
  }

  /** The rest as cash, when the store rounds cash and the hub's quote is for the rest on screen. */
  private _renderCashFigures() {
    const quote = this._quote;
    if (!quote || quote.dueMinor !== this._sale.totals.dueMinor || quote.roundingMinor === 0) return nothing;
    const sign = quote.roundingMinor > 0 ? '+' : '−';
    const rounding = `${sign}${this._money(Math.abs(quote.roundingMinor))}`;
    return html`<dt>${msg('In cash')}</dt>
      <dd data-cash-due>${this._money(quote.cashDueMinor)}</dd>
      <dt>${msg('Cash rounding')}</dt>
      <dd data-cash-rounding>${rounding}</dd>`;
  }

  private _renderTenders() {
    const cash = this._cashTender();
    const card = this.tenders.find((t) => t.enabled && t.kind === 'card');
    const others = otherTenders(this.tenders).slice(0, OTHER_TENDER_KEYS.length);
    const due = this._sale.totals.dueMinor;
    const quick = this._quickAmounts();
    const block = cardBlock({
      online: this._online,
      cardTender: card !== undefined,
      dueMinor: due,
      busy: false,
    });
    const typed = this._amountText.trim() !== '';
    return html`<div class="inputs">
        <label class="field">
          <span>${msg('Amount (empty: all that is left)')}</span>
          <input
            inputmode="decimal"
            autocomplete="off"
            .value=${this._amountText}
            @input=${(e: Event) => {
              this._amountText = (e.target as HTMLInputElement).value;
            }}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                this._act({ kind: 'exact-cash' });
              }
            }}
          />
        </label>
        ${
          others.some(needsReference)
            ? html`<label class="field">
                <span>${msg('Voucher or credit number')}</span>
                <input
                  autocomplete="off"
                  .value=${this._referenceText}
                  @input=${(e: Event) => {
                    this._referenceText = (e.target as HTMLInputElement).value;
                  }}
                />
              </label>`
            : nothing
        }
      </div>
      ${
        cash
          ? html`<h3>${msg('Cash')}</h3>
              <div class="tenders" role="group" aria-label=${msg('Cash handed over')}>
                <button
                  class="button"
                  type="button"
                  aria-keyshortcuts=${EXACT_CASH_KEY}
                  @click=${() => {
                    this._act({ kind: 'exact-cash' });
                  }}
                >
                  ${typed ? msg('Cash') : msg('Exact')} <kbd>${EXACT_CASH_KEY}</kbd>
                </button>
                ${quick.map(
                  (amount, i) =>
                    html`<button
                      class="button"
                      type="button"
                      aria-keyshortcuts=${QUICK_CASH_KEYS[i] ?? ''}
                      @click=${() => {
                        this._act({ kind: 'quick-cash', index: i });
                      }}
                    >
                      ${this._money(amount)} <kbd>${QUICK_CASH_KEYS[i]}</kbd>
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
                  data-tender="card"
                  ?disabled=${block !== null}
                  aria-describedby=${block === null ? nothing : 'card-block'}
                  aria-keyshortcuts=${CARD_KEY}
                  @click=${() => {
                    this._act({ kind: 'card' });
                  }}
                >
                  ${msg('Card')} <kbd>${CARD_KEY}</kbd>
                </button>
              </div>
              ${block === null ? nothing : html`<p class="hint" id="card-block" data-card-block>${cardBlockText(block)}</p>`}`
          : nothing
      }
      ${
        others.length > 0
          ? html`<h3>${msg('Other tenders')}</h3>
              <div class="tenders" role="group" aria-label=${msg('Other tenders')}>
                ${others.map(
                  (tender, i) =>
                    html`<button
                      class="button"
                      type="button"
                      aria-keyshortcuts=${OTHER_TENDER_KEYS[i] ?? ''}
                      @click=${() => {
                        this._act({ kind: 'other', index: i });
                      }}
                    >
                      ${tender.name} <kbd>${OTHER_TENDER_KEYS[i]}</kbd>
                    </button>`,
                )}
              </div>`
          : nothing
      }`;
  }

  private _renderCompleting() {
    return html`<p class="status-line" role="status">
        ${msg('Paid in full. Completing the sale on the hub…')}
      </p>
      ${
        this._error
          ? html`<button class="button primary" type="button" @click=${() => void this._complete()}>
              ${msg('Try again')}
            </button>`
          : nothing
      }`;
  }

  private _renderDone() {
    const sale = this._sale;
    const receipt = sale.receipt?.code ?? '';
    return html`<h2 id="pay-title">${msg('Sale completed')}</h2>
      <p>${msg('Change due')}</p>
      <p class="change" data-change>${this._money(sale.totals.changeMinor)}</p>
      ${
        sale.totals.roundingMinor !== 0
          ? html`<p>${msg(str`Cash rounding: ${this._money(sale.totals.roundingMinor)}`)}</p>`
          : nothing
      }
      <receipt-actions
        .saleId=${sale.id}
        .receiptCode=${receipt}
        @receipt-done=${this._newSale}
      ></receipt-actions>`;
  }

  private _renderQueued() {
    return html`<h2 id="pay-title">${msg('Sale kept on this till')}</h2>
      <p role="status" data-queued>
        ${msg(
          'The hub is not answering. This sale is stored here and completes by itself, under the same number, as soon as the hub is back.',
        )}
      </p>
      <p>${msg('Change due')}</p>
      <p class="change" data-change>${this._money(this._queuedChangeMinor)}</p>
      <div class="actions">
        <button class="button primary new-sale" type="button" @click=${this._newSale}>
          ${msg('New sale')} <kbd>Enter</kbd>
        </button>
      </div>`;
  }

  /**
   * The hub did not answer a cash payment that covers the rest: the money is in the drawer, so the sale
   * is stored with this payment's id and completed later under the same sale id (offline queue).
   */
  private _queueCash(paymentId: string): boolean {
    const queue = this._completions;
    const last = this._lastRequest;
    if (!queue || !last?.cash) return false;
    const { request } = last;
    const due = this._sale.totals.dueMinor;
    const cash = offlineCash(
      due,
      request.amountMinor,
      request.tenderedMinor,
      storeFormat().cashStepMinor ?? 1,
    );
    if (cash === null) return false;
    queue.add(this.sale.id, [
      {
        id: paymentId,
        tenderId: request.tenderId,
        amountMinor: request.amountMinor,
        ...(request.tenderedMinor === undefined ? {} : { tenderedMinor: request.tenderedMinor }),
      },
    ]);
    this._runner.forget();
    this._queuedChangeMinor = cash.changeMinor;
    this._phase = 'queued';
    return true;
  }

  private _money(minor: number): string {
    return storeMoney(minor, this.currency);
  }

  // ---- actions ----

  private _api() {
    if (!this._connection) throw new Error('pay-dialog needs the hub connection context');
    return this._connection.api;
  }

  private _cashTender(): Tender | undefined {
    return this.tenders.find((t) => t.enabled && t.kind === 'cash');
  }

  /** The hub's quick-tender amounts, only while its quote is for the rest on screen. */
  private _quickAmounts(): number[] {
    const quote = this._quote;
    if (!quote || quote.dueMinor !== this._sale.totals.dueMinor) return [];
    return quote.quickTendersMinor.slice(0, QUICK_CASH_KEYS.length);
  }

  private _onKey = (event: KeyboardEvent): void => {
    // Once the sale is done the receipt actions have their own keys (F9 print, F4 e-mail).
    if (this._phase === 'done' || this._phase === 'queued') return;
    if (!FUNCTION_KEY.test(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    const action = payAction(event.key);
    // Esc arrives as the dialog's cancel event.
    if (action !== null && action.kind !== 'back') this._act(action);
  };

  private _act(action: PayAction): void {
    if (this._phase !== 'pay' || this._runner.busy) return;
    const sale = this._sale;
    const due = sale.totals.dueMinor;
    const typed = this._typedAmount();
    if (typed === undefined) return;
    let choice: TenderChoice;
    switch (action.kind) {
      case 'exact-cash':
      case 'quick-cash': {
        const cash = this._cashTender();
        if (!cash) return;
        const handed = action.kind === 'quick-cash' ? this._quickAmounts()[action.index] : typed;
        if (handed === undefined) return;
        choice = { kind: 'cash', tender: cash, handedMinor: handed };
        break;
      }
      case 'card': {
        const card = this.tenders.find((t) => t.enabled && t.kind === 'card');
        if (!card) return;
        const block = cardBlock({ online: this._online, cardTender: true, dueMinor: due, busy: false });
        if (block !== null) {
          this._error = cardBlockText(block);
          return;
        }
        choice = { kind: 'other', tender: card, amountMinor: typed, reference: null };
        break;
      }
      case 'other': {
        const tender = otherTenders(this.tenders)[action.index];
        if (!tender) return;
        const reference = this._referenceText.trim();
        if (needsReference(tender) && reference === '') {
          this._error = msg('Enter the voucher or credit number first.');
          return;
        }
        choice = {
          kind: 'other',
          tender,
          amountMinor: typed,
          reference: reference === '' ? null : reference,
        };
        break;
      }
      case 'back':
        return;
    }
    this._error = null;
    this._info = null;
    const request = paymentRequest(choice, due);
    this._lastRequest = { request, cash: choice.kind === 'cash' };
    void this._runner.pay(sale.id, request, choice.tender.kind === 'card');
  }

  /** The typed amount in minor units; null when empty (all that is left); undefined after showing why it is wrong. */
  private _typedAmount(): number | null | undefined {
    const text = this._amountText.trim();
    if (text === '') return null;
    const minor = parseMajorAmount(text, currencyExponent(this.currency));
    if (minor === null || minor <= 0) {
      this._error = msg('Enter an amount such as 100 or 100.50.');
      return undefined;
    }
    return minor;
  }

  private _onSettled(payment: PaymentView, sale: SaleView): void {
    this._current = sale;
    this._amountText = '';
    const outcome = outcomeOf(payment, sale);
    switch (outcome.kind) {
      case 'declined':
        this._info = outcome.reason
          ? msg(str`The card was declined (${outcome.reason}). Try again or pay another way.`)
          : msg('The card was declined. Try again or pay another way.');
        break;
      case 'cancelled':
        this._info = msg('The card payment was cancelled. Nothing was charged.');
        break;
      case 'unresolved':
      case 'part-paid':
        break;
      case 'paid':
        void this._complete();
        return;
    }
    void this._loadQuote();
  }

  private async _handBack(payment: PaymentView): Promise<void> {
    if (this._runner.busy) return;
    this._error = null;
    try {
      const result = await cancelPayment(this._api(), payment.id);
      this._current = result.sale;
      this._info = msg(str`Handed back: ${this._money(payment.amountMinor)}.`);
      void this._loadQuote();
    } catch (error) {
      this._error = paymentErrorText(error);
    }
  }

  /** The hub's sale and cash figures as they are now; a payment left unresolved is asked about again. */
  private async _refresh(): Promise<void> {
    try {
      const sale = await getSale(this._api(), this.sale.id);
      this._current = sale;
      const open = unresolvedPayment(sale);
      if (open) this._runner.resume(open.id, open.tenderKind === 'card');
      else if (readyToComplete(sale)) void this._complete();
    } catch {
      // Unreachable: the figures the cart had stay on screen; the banner says why.
    }
    await this._loadQuote();
  }

  private async _loadQuote(): Promise<void> {
    const saleId = this._sale.id;
    try {
      this._quote = await cashQuote(this._api(), saleId);
      this.quotes?.remember(saleId, this._quote);
    } catch {
      // No answer: the quote fetched while the cart rested, if it is for this rest; else exact or typed
      // cash still works (the hub rounds it) and the quick amounts wait for the hub.
      this._quote = this.quotes?.forSale(saleId, this._sale.totals.dueMinor) ?? null;
    }
  }

  /** Only the hub completes a sale: until it says so the screen says it is completing. */
  private async _complete(): Promise<void> {
    this._phase = 'completing';
    this._error = null;
    try {
      const done = await completeSale(this._api(), this._sale.id);
      this._current = done;
      if (done.status === 'completed') this._phase = 'done';
    } catch (error) {
      this._error = paymentErrorText(error);
    }
  }

  private _onProgress = (event: Event): void => {
    if (event instanceof CustomEvent) this._runner.progress(event.detail as CardProgress);
  };

  private _onConnectionChange = (event: Event): void => {
    if (!(event instanceof CustomEvent) || event.detail !== 'reachability') return;
    this._online = this._connection?.online ?? true;
    if (!this._online) return;
    // Back: the completion that got no answer goes again; the figures are read afresh.
    if (this._phase === 'completing' && this._error !== null) void this._complete();
    else if (this._phase === 'pay' && !this._runner.busy) void this._refresh();
  };

  private _onEscape = (event: Event): void => {
    event.preventDefault();
    if (this._phase === 'done' || this._phase === 'queued') {
      this._newSale();
      return;
    }
    const run = this._run;
    if (run.kind === 'running') {
      if (run.card) void this._runner.cancel();
      return;
    }
    if (this._phase === 'pay') this._close();
  };

  private _close = (): void => {
    this._runner.stop();
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
