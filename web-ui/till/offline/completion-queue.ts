import { HubApiError } from '../../shared/api/errors.js';
import type { PaymentInput } from '../../shared/api/sales-endpoints.js';
import type { KeyValueStore } from '../../shared/storage/till-storage.js';
import {
  completed,
  due,
  enqueue,
  failed,
  parseQueue,
  retryAllNow,
  type PendingCompletion,
} from './pending-completions.js';

/** What replaying a sale needs from the hub: both calls are idempotent by the ids the till made. */
export interface CompletionApi {
  pay(saleId: string, payment: PaymentInput): Promise<unknown>;
  complete(saleId: string): Promise<unknown>;
}

export interface CompletionQueueHooks {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The cashier's words for a refusal (translated by the app). */
  describe(error: HubApiError): string;
}

const STORAGE_KEY = 'store-hub.till.pending-completions';

/**
 * Sales paid in cash while the hub was away, kept in localStorage (written before the cashier is told
 * the sale is done, so a closed tab or a power cut loses nothing) and sent again with backoff until the
 * hub has each one completed, under the same sale and payment ids: never lost, never recorded twice.
 * 'change' is dispatched whenever the queue changes.
 */
export class CompletionQueue extends EventTarget {
  #queue: PendingCompletion[];
  #timer: unknown = null;
  #running = false;
  #stopped = false;

  constructor(
    private readonly storage: KeyValueStore,
    private readonly api: CompletionApi,
    private readonly hooks: CompletionQueueHooks,
  ) {
    super();
    this.#queue = parseQueue(storage.getItem(STORAGE_KEY));
  }

  get pending(): readonly PendingCompletion[] {
    return this.#queue;
  }

  /** Keeps a paid sale for later and starts sending it; returns once it is stored. */
  add(saleId: string, payments: readonly PaymentInput[]): void {
    this.#set(enqueue(this.#queue, saleId, payments, this.hooks.now()));
    void this.run();
  }

  /** The hub is back (or the cashier asked): send everything now. */
  retryNow(): void {
    this.#set(retryAllNow(this.#queue, this.hooks.now()));
    void this.run();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) this.hooks.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Sends what is due, one sale at a time, then sleeps until the next entry is due. */
  async run(): Promise<void> {
    if (this.#running || this.#stopped) return;
    this.#running = true;
    try {
      for (const entry of due(this.#queue, this.hooks.now())) {
        await this.#send(entry);
      }
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }

  async #send(entry: PendingCompletion): Promise<void> {
    try {
      for (const payment of entry.payments) await this.#pay(entry.saleId, payment);
      await this.api.complete(entry.saleId);
      this.#set(completed(this.#queue, entry.saleId));
    } catch (error) {
      // No answer: try again later. A refusal is kept to show; the sale stays queued either way.
      const problem = error instanceof HubApiError ? this.hooks.describe(error) : null;
      this.#set(failed(this.#queue, entry.saleId, this.hooks.now(), problem));
    }
  }

  async #pay(saleId: string, payment: PaymentInput): Promise<void> {
    try {
      await this.api.pay(saleId, payment);
    } catch (error) {
      // The sale is no longer open: an earlier try completed it and its answer was lost. Completing
      // again returns it as it is.
      if (error instanceof HubApiError && error.status === 409 && error.code === 'SALE_STATE') return;
      throw error;
    }
  }

  #schedule(): void {
    if (this.#timer !== null) this.hooks.clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped || this.#queue.length === 0) return;
    const next = Math.min(...this.#queue.map((p) => p.nextAttemptAt));
    this.#timer = this.hooks.setTimeout(
      () => {
        this.#timer = null;
        void this.run();
      },
      Math.max(0, next - this.hooks.now()),
    );
  }

  #set(queue: PendingCompletion[]): void {
    this.#queue = queue;
    if (queue.length === 0) this.storage.removeItem(STORAGE_KEY);
    else this.storage.setItem(STORAGE_KEY, JSON.stringify(queue));
    this.dispatchEvent(new Event('change'));
  }
}
