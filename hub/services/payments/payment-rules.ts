import type { PaymentRow, TenderKindColumn } from '../../db/payments-queries.js';
import type { SaleRow } from '../../db/sales-queries.js';
import { roundCash } from '../../domain/cash-rounding.js';
import { BusinessRuleError } from '../../errors.js';
import { summarizePayments } from './payment-summary.js';

export interface ChargePlan {
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number;
  roundingMinor: number;
}

interface ChargeArgs {
  sale: SaleRow;
  payments: readonly PaymentRow[];
  tenderKind: TenderKindColumn;
  amountMinor: number;
  tenderedMinor: number | null;
  cashIncrementMinor: number;
}

/**
 * How much of a requested payment applies to the sale. Pending and unknown payments hold their amount,
 * so two card payments can never both be asked for the same rest. A payment never exceeds what is due,
 * except cash: when cash settles the rest, the rest is rounded to the store's cash step (the difference
 * becomes the sale's rounding) and anything handed over beyond it is change.
 */
export function planCharge(args: ChargeArgs): ChargePlan {
  const summary = summarizePayments(args.payments, 'sale');
  const due = args.sale.total_minor + args.sale.rounding_minor - summary.paidMinor - summary.pendingMinor;
  if (due <= 0) {
    throw new BusinessRuleError(
      summary.pendingMinor > 0 ? 'PAYMENT_OUTCOME_PENDING' : 'NOTHING_DUE',
      summary.pendingMinor > 0
        ? 'A payment whose outcome is not known yet holds the rest; resolve it first'
        : 'The sale is already paid',
      { dueMinor: due, pendingMinor: summary.pendingMinor },
    );
  }
  if (args.tenderKind !== 'cash') {
    if (args.amountMinor > due) {
      throw new BusinessRuleError('PAYMENT_EXCEEDS_DUE', `Only ${due} is due`, {
        dueMinor: due,
        amountMinor: args.amountMinor,
      });
    }
    if (args.tenderedMinor !== null) {
      throw new BusinessRuleError('TENDERED_CASH_ONLY', 'Only cash is tendered with change', {});
    }
    return { amountMinor: args.amountMinor, tenderedMinor: null, changeMinor: 0, roundingMinor: 0 };
  }
  const rounded = roundCash(due, args.cashIncrementMinor);
  // Cash settles the rest when it covers it either exactly or as rounded (the till may send either).
  const settles = args.amountMinor >= Math.min(due, rounded.rounded);
  const applied = settles ? rounded.rounded : args.amountMinor;
  // "Exact cash" sends the amount without tendered: the customer handed over what was asked.
  const tendered = args.tenderedMinor ?? Math.max(args.amountMinor, applied);
  if (tendered < applied) {
    throw new BusinessRuleError(
      'TENDERED_TOO_LOW',
      `${tendered} handed over is less than the ${applied} paid`,
      {
        tenderedMinor: tendered,
        amountMinor: applied,
      },
    );
  }
  return {
    amountMinor: applied,
    tenderedMinor: tendered,
    changeMinor: tendered - applied,
    roundingMinor: settles ? rounded.adjustment : 0,
  };
}
