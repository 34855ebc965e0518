import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { v7 as uuidv7 } from 'uuid';
import {
  cancelPayment,
  cashQuote,
  resolvePayment,
  type CashQuote,
} from '../../../shared/api/payment-endpoints.js';
import {
  addPayment,
  completeSale,
  getSale,
  type PaymentInput,
  type PaymentView,
  type SaleView,
} from '../../../shared/api/sales-endpoints.js';
import { isUnreachable } from '../../../shared/api/errors.js';
import type { HubConnection } from '../../../shared/connection/hub-connection.js';
import { storeFormat } from '../../../shared/format/store-format.js';
import { HostState } from '../../../shared/host-state.js';
import { windowTimers } from '../../../shared/timers.js';
import type { CompletionQueue } from '../../offline/completion-queue.js';
import { offlineCash } from '../../offline/offline-cash.js';
import type { CardProgress } from './card-progress.js';
import type { CashQuotes } from './cash-quotes.js';
import {
  outcomeOf,
  paymentRequest,
  QUICK_CASH_KEYS,
  readyToComplete,
  unresolvedPayment,
  type TenderChoice,
} from './pay-flow.js';
import { PaymentRunner, type RunnerState } from './payment-runner.js';
import { paymentErrorText } from './payment-text.js';

/** queued: cash taken while the hub did not answer; the sale waits in the offline queue. */
export type PayPhase = 'pay' | 'completing' | 'done' | 'queued';

/** What the pay screen shows; every figure in it is the hub's. */
export interface PayState {
  phase: PayPhase;
  /** Change due on a sale kept on this till for the offline queue. */
  queuedChangeMinor: number;
  /** The hub's newest view of the sale, once it has answered. */
  current: SaleView | null;
  quote: CashQuote | null;
  run: RunnerState;
  error: string | null;
  info: string | null;
  online: boolean;
}

export interface PaySessionDeps {
  /** The sale the pay screen opened with. */
  sale(): SaleView;
  /** The cash quotes fetched while the cart rested. */
  quotes(): CashQuotes | null;
  /** Till events from the hub's broker ('payment': a CardProgress). */
  tillEvents(): EventTarget | null;
  connection(): HubConnection | undefined;
  completions(): CompletionQueue | null | undefined;
  money(minor: number): string;
  /** The hub gave a payment its final answer: the typed amount is used up. */
  paymentSettled(): void;
}

/**
 * The pay screen's dealings with the hub, as a controller of the pay dialog: the sale's figures and the
 * cash quote read afresh, one payment at a time through the PaymentRunner (card progress from the till
 * events), hand-backs, and completion, which only the hub does. Cash that covers the rest while the hub
 * does not answer goes to the offline queue. Its state re-renders the host like the host's own
 * (HostState), and `changed()` tells the host's `updated()` what changed in the update being done.
 */
export class PaySession implements ReactiveController {
  #state: HostState<PayState>;
  #watchedEvents: EventTarget | null = null;
  #watchedConnection: HubConnection | undefined;
  /** The last payment asked for, and whether it was cash (for the offline queue). */
  #lastRequest: { request: Omit<PaymentInput, 'id'>; cash: boolean } | null = null;
  #runner = new PaymentRunner(
    {
      add: (saleId, input) => addPayment(this.#api(), saleId, input),
      resolve: (paymentId) => resolvePayment(this.#api(), paymentId),
      cancel: (paymentId) => cancelPayment(this.#api(), paymentId),
    },
    {
      changed: (s) => {
        this.#state.set({ run: s });
      },
      settled: (result) => {
        this.#onSettled(result.payment, result.sale);
      },
      failed: (error, paymentId) => {
        if (paymentId !== null && isUnreachable(error) && this.#queueCash(paymentId)) return;
        this.#state.set({ error: paymentErrorText(error) });
      },
      newId: () => uuidv7(),
      ...windowTimers,
    },
  );

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: PaySessionDeps,
  ) {
    this.#state = new HostState<PayState>(host, {
      phase: 'pay',
      queuedChangeMinor: 0,
      current: null,
      quote: null,
      run: { kind: 'idle' },
      error: null,
      info: null,
      online: true,
    });
    host.addController(this);
  }

  get state(): Readonly<PayState> {
    return this.#state.value;
  }

  /** The hub's newest view of the sale, else the one the pay screen opened with. */
  get sale(): SaleView {
    return this.state.current ?? this.deps.sale();
  }

  /** A payment is running: no other may start, and nothing is handed back. */
  get busy(): boolean {
    return this.#runner.busy;
  }

  /** Whether `field` changed for the update being done (like a LitElement's changed properties). */
  changed(field: keyof PayState): boolean {
    return this.#state.changed(field);
  }

  hostConnected(): void {
    this.#watchedConnection = this.deps.connection();
    this.#watchedConnection?.addEventListener('change', this.#onConnectionChange);
    const sale = this.deps.sale();
    // The quote fetched while the cart rested shows at once; the hub is asked again all the same.
    this.#state.set({
      online: this.#watchedConnection?.online ?? true,
      quote: this.deps.quotes()?.forSale(sale.id, sale.totals.dueMinor) ?? null,
    });
    void this.refresh();
  }

  hostUpdate(): void {
    const events = this.deps.tillEvents();
    if (this.#watchedEvents !== events) {
      this.#watchedEvents?.removeEventListener('payment', this.#onProgress);
      events?.addEventListener('payment', this.#onProgress);
      this.#watchedEvents = events;
    }
  }

  hostDisconnected(): void {
    this.#watchedConnection?.removeEventListener('change', this.#onConnectionChange);
    this.#watchedConnection = undefined;
    this.#watchedEvents?.removeEventListener('payment', this.#onProgress);
    this.#watchedEvents = null;
    this.#runner.stop();
  }

  /** Shows why an action cannot be taken. */
  showError(text: string): void {
    this.#state.set({ error: text });
  }

  /** The hub's quick-tender amounts, only while its quote is for the rest on screen. */
  quickAmounts(): number[] {
    const quote = this.state.quote;
    if (!quote || quote.dueMinor !== this.sale.totals.dueMinor) return [];
    return quote.quickTendersMinor.slice(0, QUICK_CASH_KEYS.length);
  }

  /** Takes a payment for the rest on screen (or part of it) with the tender the cashier chose. */
  pay(choice: TenderChoice): void {
    const sale = this.sale;
    this.#state.set({ error: null, info: null });
    const request = paymentRequest(choice, sale.totals.dueMinor);
    this.#lastRequest = { request, cash: choice.kind === 'cash' };
    void this.#runner.pay(sale.id, request, choice.tender.kind === 'card');
  }

  /** Asks the hub to abort the running card payment on the terminal. */
  cancelCard(): void {
    void this.#runner.cancel();
  }

  /** No more answers for this pay screen: it is closing. */
  stop(): void {
    this.#runner.stop();
  }

  async handBack(payment: PaymentView): Promise<void> {
    if (this.#runner.busy) return;
    this.#state.set({ error: null });
    try {
      const result = await cancelPayment(this.#api(), payment.id);
      this.#state.set({
        current: result.sale,
        info: msg(str`Handed back: ${this.deps.money(payment.amountMinor)}.`),
      });
      void this.#loadQuote();
    } catch (error) {
      this.#state.set({ error: paymentErrorText(error) });
    }
  }

  /** The hub's sale and cash figures as they are now; a payment left unresolved is asked about again. */
  async refresh(): Promise<void> {
    try {
      const sale = await getSale(this.#api(), this.deps.sale().id);
      this.#state.set({ current: sale });
      const open = unresolvedPayment(sale);
      if (open) this.#runner.resume(open.id, open.tenderKind === 'card');
      else if (readyToComplete(sale)) void this.complete();
    } catch {
      // Unreachable: the figures the cart had stay on screen; the banner says why.
    }
    await this.#loadQuote();
  }

  /** Only the hub completes a sale: until it says so the screen says it is completing. */
  async complete(): Promise<void> {
    this.#state.set({ phase: 'completing', error: null });
    try {
      const done = await completeSale(this.#api(), this.sale.id);
      this.#state.set({ current: done });
      if (done.status === 'completed') this.#state.set({ phase: 'done' });
    } catch (error) {
      this.#state.set({ error: paymentErrorText(error) });
    }
  }

  #api() {
    const connection = this.deps.connection();
    if (!connection) throw new Error('pay-dialog needs the hub connection context');
    return connection.api;
  }

  #onSettled(payment: PaymentView, sale: SaleView): void {
    this.#state.set({ current: sale });
    this.deps.paymentSettled();
    const outcome = outcomeOf(payment, sale);
    switch (outcome.kind) {
      case 'declined':
        this.#state.set({
          info: outcome.reason
            ? msg(str`The card was declined (${outcome.reason}). Try again or pay another way.`)
            : msg('The card was declined. Try again or pay another way.'),
        });
        break;
      case 'cancelled':
        this.#state.set({ info: msg('The card payment was cancelled. Nothing was charged.') });
        break;
      case 'unresolved':
      case 'part-paid':
        break;
      case 'paid':
        void this.complete();
        return;
    }
    void this.#loadQuote();
  }

  /**
   * The hub did not answer a cash payment that covers the rest: the money is in the drawer, so the sale
   * is stored with this payment's id and completed later under the same sale id (offline queue).
   */
  #queueCash(paymentId: string): boolean {
    const queue = this.deps.completions();
    const last = this.#lastRequest;
    if (!queue || !last?.cash) return false;
    const { request } = last;
    const due = this.sale.totals.dueMinor;
    const cash = offlineCash(
      due,
      request.amountMinor,
      request.tenderedMinor,
      storeFormat().cashStepMinor ?? 1,
    );
    if (cash === null) return false;
    queue.add(this.deps.sale().id, [
      {
        id: paymentId,
        tenderId: request.tenderId,
        amountMinor: request.amountMinor,
        ...(request.tenderedMinor === undefined ? {} : { tenderedMinor: request.tenderedMinor }),
      },
    ]);
    this.#runner.forget();
    this.#state.set({ queuedChangeMinor: cash.changeMinor, phase: 'queued' });
    return true;
  }

  async #loadQuote(): Promise<void> {
    const saleId = this.sale.id;
    try {
      const quote = await cashQuote(this.#api(), saleId);
      this.#state.set({ quote });
      this.deps.quotes()?.remember(saleId, quote);
    } catch {
      // No answer: the quote fetched while the cart rested, if it is for this rest; else exact or typed
      // cash still works (the hub rounds it) and the quick amounts wait for the hub.
      this.#state.set({ quote: this.deps.quotes()?.forSale(saleId, this.sale.totals.dueMinor) ?? null });
    }
  }

  #onProgress = (event: Event): void => {
    if (event instanceof CustomEvent) this.#runner.progress(event.detail as CardProgress);
  };

  #onConnectionChange = (event: Event): void => {
    if (!(event instanceof CustomEvent) || event.detail !== 'reachability') return;
    this.#state.set({ online: this.deps.connection()?.online ?? true });
    if (!this.state.online) return;
    // Back: the completion that got no answer goes again; the figures are read afresh.
    if (this.state.phase === 'completing' && this.state.error !== null) void this.complete();
    else if (this.state.phase === 'pay' && !this.#runner.busy) void this.refresh();
  };
}
