import { selectPayment, updatePaymentOutcome, type PaymentRow } from '../../db/payments-queries.js';
import { selectSale } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { NotFoundError } from '../../errors.js';
import { paymentView } from '../sales/sale-view.js';
import type { PaymentView } from '../sales/types.js';
import { paymentTransition, type PaymentEvent } from './payment-machine.js';
import type { TerminalStatus } from './terminal-adapter.js';

/** The event a terminal answer means for a payment row, or null when it changes nothing (still running). */
function eventFor(row: PaymentRow, status: TerminalStatus): PaymentEvent | null {
  switch (status.status) {
    case 'approved':
      return 'approve';
    case 'declined':
      return 'decline';
    case 'cancelled':
    case 'not_found':
      // not_found: the terminal has no such transaction, so the card was never charged.
      return 'cancel';
    case 'unknown':
      return row.status === 'pending' ? 'lose' : null;
    case 'in_progress':
      return null;
  }
}

function reasonOf(status: TerminalStatus): string | null {
  switch (status.status) {
    case 'declined':
    case 'cancelled':
    case 'unknown':
      return status.reason;
    case 'not_found':
      return 'the terminal has no record of this transaction; the card was not charged';
    case 'approved':
    case 'in_progress':
      return null;
  }
}

/** Publishes a payment change: the row for replication, the event for the till. */
export function announcePayment(tx: Tx, row: PaymentRow): PaymentView {
  const view = paymentView(row);
  const tillId = selectSale(tx.db, row.sale_id)?.till_id ?? '';
  tx.outbox('payment', row.id, 'upsert', view);
  tx.emit({
    name: 'payment.updated',
    payload: { paymentId: row.id, saleId: row.sale_id, tillId, status: row.status },
  });
  return view;
}

/**
 * Writes what the terminal said into the payment row through the state machine. A row already final
 * (another caller resolved it first) is left as it is; resolved_at is set when an unknown payment
 * learns its outcome.
 */
export function applyTerminalStatus(tx: Tx, paymentId: string, status: TerminalStatus): PaymentRow {
  const row = selectPayment(tx.db, paymentId);
  if (!row) throw new NotFoundError('Payment', paymentId);
  if (row.status !== 'pending' && row.status !== 'unknown') return row;
  const event = eventFor(row, status);
  if (event === null) return row;
  const next = paymentTransition(paymentId, row.status, event);
  const data =
    status.status === 'approved' ? { maskedPan: status.maskedPan, receiptText: status.receiptText } : {};
  updatePaymentOutcome(tx.db, {
    id: paymentId,
    status: next,
    terminal_ref: status.status === 'approved' ? status.reference : null,
    reason: reasonOf(status),
    provider_data: JSON.stringify({ ...(JSON.parse(row.provider_data) as object), ...data }),
    updated_at: tx.at,
    resolved_at: next === 'unknown' ? null : tx.at,
  });
  const updated = selectPayment(tx.db, paymentId);
  if (!updated) throw new NotFoundError('Payment', paymentId);
  announcePayment(tx, updated);
  return updated;
}
