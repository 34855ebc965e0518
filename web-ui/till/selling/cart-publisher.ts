import type { ReceiptLink } from '../../shared/api/receipt-link.js';
import type { SaleView } from '../../shared/api/sales-endpoints.js';
import type { CartSnapshot } from '../../shared/display/cart-snapshot.js';
import { emptyCart, type CartState } from './cart-state.js';
import { cartSnapshot, sameSnapshot, type DisplaySource } from './display-snapshot.js';

export interface CartPublisherDeps {
  now(): string;
  /** The e-receipt of a completed sale, for the QR code on the thank-you screen. */
  receiptLink(saleId: string): Promise<ReceiptLink>;
}

/**
 * Keeps the till's customer display in step: the selling screen reports what changed (the cart, a
 * payment, the completed sale), and a retained snapshot goes to the till's cart topic whenever what the
 * customer would see changed. The latest one goes again on every reconnect, because retained messages
 * live in the hub's memory only. Without a live link it only remembers.
 */
export class CartPublisher {
  #send: ((snapshot: CartSnapshot) => void) | null = null;
  #last: CartSnapshot | null = null;
  #source: DisplaySource = { cart: emptyCart(''), paying: null, done: null };
  #currency = 'DKK';

  constructor(private readonly deps: CartPublisherDeps) {}

  /** The live link to publish on; null when the till has none (unpaired). */
  attach(send: ((snapshot: CartSnapshot) => void) | null): void {
    this.#send = send;
  }

  /** Sends the latest snapshot again (on reconnect). */
  resend(): void {
    if (this.#last !== null) this.#send?.(this.#last);
  }

  cartChanged(cart: CartState, currency: string): void {
    this.#currency = currency;
    this.#change({ cart });
  }

  /** The pay screen opened on this sale, or reported a payment. */
  paying(sale: SaleView): void {
    if (sale.status === 'completed') {
      this.#change({ paying: null, done: { sale, receipt: null } });
      void this.#addReceipt(sale.id);
      return;
    }
    this.#change({ paying: sale });
  }

  /** The pay screen closed without completing: the cart (with any money taken) shows again. */
  payingClosed(): void {
    this.#change({ paying: null });
  }

  async #addReceipt(saleId: string): Promise<void> {
    let receipt: ReceiptLink;
    try {
      receipt = await this.deps.receiptLink(saleId);
    } catch {
      // No QR on the display then; the thank-you and the change still show.
      return;
    }
    const done = this.#source.done;
    if (done?.sale.id === saleId) this.#change({ done: { ...done, receipt } });
  }

  #change(change: Partial<DisplaySource>): void {
    this.#source = { ...this.#source, ...change };
    const next = cartSnapshot(this.#source, this.#currency, this.deps.now());
    if (sameSnapshot(this.#last, next)) return;
    this.#last = next;
    this.#send?.(next);
  }
}
