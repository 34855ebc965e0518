import type { PaymentRow, TenderKindColumn } from '../../db/payments-queries.js';
import type { SaleRow } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';

/**
 * A tender whose value is held in a ledger of its own (gift cards, loyalty points), redeemed the way store
 * credit is: checked and debited inside the payment's IMMEDIATE transaction, so two tills spending the same
 * balance are serialised and the second sees the first one's debit; given back when the payment is
 * cancelled before the sale completes. The areas that own the ledgers pass these to the payment service.
 */
export interface TenderLedger {
  readonly kind: TenderKindColumn;
  /**
   * Refuses the payment with a BusinessRuleError (unknown card, insufficient balance, ...) or returns the
   * reference to record on the payment row (the card code in its stored form).
   */
  check(tx: Tx, sale: SaleRow, reference: string, amountMinor: number): string;
  /** Writes the debit; the payment row is already written (the entry names it). */
  redeem(tx: Tx, payment: PaymentRow): void;
  /** Gives a cancelled payment's debit back, once. */
  reverse(tx: Tx, payment: PaymentRow, staffId: string): void;
}
