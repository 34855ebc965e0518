import type { PaymentRow } from '../../db/payments-queries.js';

export interface PaymentSummary {
  /** Approved money in the sale's direction, net of approved movements the other way. */
  paidMinor: number;
  /** Pending or unknown payments in the sale's direction: held, so they cannot be asked for twice. */
  pendingMinor: number;
  roundingMinor: number;
  changeMinor: number;
  cashMinor: number;
}

/**
 * Sums a sale's payment rows. For a sale money flows in ('charge'); for a return it flows out
 * ('refund'). Rounding and change only come from approved cash rows.
 */
export function summarizePayments(rows: readonly PaymentRow[], kind: 'sale' | 'return'): PaymentSummary {
  const forward = kind === 'sale' ? 'charge' : 'refund';
  let paid = 0;
  let pending = 0;
  let rounding = 0;
  let change = 0;
  let cash = 0;
  for (const row of rows) {
    const sign = row.direction === forward ? 1 : -1;
    if (row.status === 'approved') {
      paid += sign * row.amount_minor;
      rounding += sign * row.rounding_minor;
      change += row.change_minor;
      if (row.tender_kind === 'cash') cash += sign * row.amount_minor;
    } else if ((row.status === 'pending' || row.status === 'unknown') && sign === 1) {
      pending += row.amount_minor;
    }
  }
  return {
    paidMinor: paid,
    pendingMinor: pending,
    roundingMinor: rounding,
    changeMinor: change,
    cashMinor: cash,
  };
}

/** Rows that still hold money or may: anything but a final decline or cancel. */
export function hasLivePayments(rows: readonly PaymentRow[]): boolean {
  return rows.some((r) => r.status === 'approved' || r.status === 'pending' || r.status === 'unknown');
}

export function hasUnresolvedPayments(rows: readonly PaymentRow[]): boolean {
  return rows.some((r) => r.status === 'pending' || r.status === 'unknown');
}
