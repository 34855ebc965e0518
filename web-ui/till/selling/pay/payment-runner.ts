import { HubApiError, isUnreachable } from '../../../shared/api/errors.js';
import type { PaymentResult } from '../../../shared/api/payment-endpoints.js';
import type { PaymentInput } from '../../../shared/api/sales-endpoints.js';
import type { CardProgress, CardStage } from './card-progress.js';
import { requestKey } from './pay-flow.js';

export interface RunnerApi {
  add(saleId: string, input: PaymentInput): Promise<PaymentResult>;
  resolve(paymentId: string): Promise<PaymentResult>;
  cancel(paymentId: string): Promise<PaymentResult>;
}

export interface RunnerHooks {
  changed(state: RunnerState): void;
  /** The hub gave a final answer (approved, declined, cancelled): the runner is idle again. */
  settled(result: PaymentResult): void;
  /**
   * The hub refused the payment, never recorded it, or (cash) did not answer: idle again. `paymentId` is
   * the id a retry would reuse (no answer), else null.
   */
  failed(error: unknown, paymentId: string | null): void;
  newId(): string;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type RunnerState =
  | { kind: 'idle' }
  | {
      kind: 'running';
      paymentId: string;
      card: boolean;
      stage: CardStage;
      /** The terminal's own words for the stage, when it sent any. */
      message: string | null;
      /** The outcome is not known: the hub is being asked again. */
      asking: boolean;
      cancelling: boolean;
      /** The last Cancel or re-ask that failed, shown while the payment keeps running. */
      problem: unknown;
    };

export const ASK_AGAIN_MS = 2_000;

/**
 * Runs one payment at a time against the hub. The same request keeps its payment id until the hub gives
 * a final answer, so a retry after no answer is a replay. A card payment whose outcome is pending or
 * unknown, or whose request got no answer, is asked about again every ASK_AGAIN_MS until the hub knows:
 * never assumed approved, never sent twice. Cancel asks the hub to abort it on the terminal; the outcome
 * still comes from the hub.
 */
export class PaymentRunner {
  #state: RunnerState = { kind: 'idle' };
  #attempt: { key: string; id: string } | null = null;
  #run = 0;
  #timer: unknown = null;

  constructor(
    private readonly api: RunnerApi,
    private readonly hooks: RunnerHooks,
  ) {}

  get state(): RunnerState {
    return this.#state;
  }

  get busy(): boolean {
    return this.#state.kind === 'running';
  }

  async pay(saleId: string, request: Omit<PaymentInput, 'id'>, card: boolean): Promise<void> {
    if (this.busy) return;
    const key = requestKey(saleId, request);
    if (this.#attempt?.key !== key) this.#attempt = { key, id: this.hooks.newId() };
    const paymentId = this.#attempt.id;
    const run = this.#begin(paymentId, card, false);
    try {
      const result = await this.api.add(saleId, { ...request, id: paymentId });
      if (run === this.#run) this.#answer(result);
    } catch (error) {
      if (run !== this.#run) return;
      // The terminal may be running this payment: find out from the hub, never start another.
      if (card && isUnreachable(error)) {
        this.#asking();
        return;
      }
      // Refused: the next try is a new payment. No answer (cash): the same id goes again.
      const unanswered = isUnreachable(error);
      if (!unanswered) this.#attempt = null;
      this.#idle();
      this.hooks.failed(error, unanswered ? paymentId : null);
    }
  }

  /** A payment the sale already holds as pending or unknown (after a reload, say): ask until it is known. */
  resume(paymentId: string, card: boolean): void {
    if (this.busy) return;
    this.#begin(paymentId, card, true);
    this.#askNow();
  }

  /** Live progress from the hub's till events; only for the payment running here. */
  progress(progress: CardProgress): void {
    const s = this.#state;
    if (s.kind !== 'running' || progress.paymentId !== s.paymentId) return;
    this.#set({ ...s, stage: progress.stage, message: progress.message });
    // The request itself got no answer: the terminal has finished, so ask for the outcome now.
    if (s.asking && isFinal(progress.stage)) this.#askNow();
  }

  /** Asks the hub to abort the card payment on the terminal. */
  async cancel(): Promise<void> {
    const s = this.#state;
    if (s.kind !== 'running' || !s.card || s.cancelling) return;
    const run = this.#run;
    this.#set({ ...s, cancelling: true, problem: null });
    try {
      const result = await this.api.cancel(s.paymentId);
      if (run === this.#run) this.#answer(result);
    } catch (error) {
      const now = this.#state;
      if (run === this.#run && now.kind === 'running')
        this.#set({ ...now, cancelling: false, problem: error });
    }
  }

  /** The payment went elsewhere (the offline queue holds it): a next try is a new payment. */
  forget(): void {
    this.#attempt = null;
  }

  stop(): void {
    this.#run += 1;
    this.#clearTimer();
  }

  #begin(paymentId: string, card: boolean, asking: boolean): number {
    this.#run += 1;
    this.#clearTimer();
    this.#set({
      kind: 'running',
      paymentId,
      card,
      stage: card ? 'waiting_for_card' : 'processing',
      message: null,
      asking,
      cancelling: false,
      problem: null,
    });
    return this.#run;
  }

  #answer(result: PaymentResult): void {
    const status = result.payment.status;
    if (status === 'pending' || status === 'unknown') {
      this.#asking();
      return;
    }
    this.#attempt = null;
    this.#idle();
    this.hooks.settled(result);
  }

  #asking(): void {
    const s = this.#state;
    if (s.kind !== 'running') return;
    this.#set({ ...s, asking: true, stage: s.stage === 'waiting_for_card' ? 'unknown' : s.stage });
    this.#schedule();
  }

  #schedule(): void {
    this.#clearTimer();
    this.#timer = this.hooks.setTimeout(() => {
      this.#timer = null;
      this.#askNow();
    }, ASK_AGAIN_MS);
  }

  #askNow(): void {
    const s = this.#state;
    if (s.kind !== 'running') return;
    this.#clearTimer();
    const run = this.#run;
    this.api.resolve(s.paymentId).then(
      (result) => {
        if (run === this.#run) this.#answer(result);
      },
      (error: unknown) => {
        if (run !== this.#run) return;
        if (error instanceof HubApiError && error.status === 404) {
          // The hub never recorded it, so no terminal was asked and nothing was charged.
          this.#idle();
          this.hooks.failed(error, null);
          return;
        }
        const now = this.#state;
        if (now.kind === 'running') this.#set({ ...now, problem: error });
        this.#schedule();
      },
    );
  }

  #idle(): void {
    // Answers still on their way (the payment request after a Cancel was answered) are dropped.
    this.#run += 1;
    this.#clearTimer();
    this.#set({ kind: 'idle' });
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.hooks.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(state: RunnerState): void {
    this.#state = state;
    this.hooks.changed(state);
  }
}

function isFinal(stage: CardStage): boolean {
  return stage === 'approved' || stage === 'declined' || stage === 'cancelled';
}
