import type { OverrideInput } from '../../contract/principal.js';

export interface ReturnLineInput {
  /** A line of the original receipt; for a blind return (no receipt) give productId instead. */
  originalLineId?: string;
  productId?: string;
  /** Pieces, or grams for measured goods. */
  quantity: number;
  /** true: back on the shelf; false: written off (damaged, expired). */
  restock: boolean;
  reason: string;
}

export interface ReturnRefundInput {
  tenderId: string;
  amountMinor: number;
}

export interface CreateReturnInput {
  /** UUIDv7 made by the till: the return's idempotency key. */
  id: string;
  originalReceiptCode?: string;
  originalSaleId?: string;
  lines: ReturnLineInput[];
  /**
   * Omitted: refunded to the original tenders (allocateRefund: cards and wallets first, cash last), or
   * to cash for a blind return. Given: these tenders and amounts, summing to the refund total; anything
   * other than the default needs 'return.refund_other_tender'.
   */
  refunds?: ReturnRefundInput[];
  note?: string;
  override?: OverrideInput | null;
}
