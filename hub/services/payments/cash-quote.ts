import { roundCash } from '../../domain/cash-rounding.js';
import { hasDenominations, quickTenderAmounts } from '../../domain/denominations.js';

/**
 * What the till shows before cash changes hands: the rest due, the same rest as cash (rounded to the
 * store's smallest coin, the difference being the rounding the hub will book if cash settles it) and the
 * amounts a customer plausibly hands over for it. The till shows these figures and computes none.
 */
export interface CashQuote {
  saleId: string;
  currency: string;
  dueMinor: number;
  cashDueMinor: number;
  /** cashDueMinor - dueMinor: positive when the customer pays a little more in cash. */
  roundingMinor: number;
  incrementMinor: number;
  /** Note-based amounts above the cash due, smallest first; exact cash is not among them. */
  quickTendersMinor: number[];
}

export function cashQuote(
  saleId: string,
  currency: string,
  dueMinor: number,
  incrementMinor: number,
): CashQuote {
  if (dueMinor <= 0) {
    return {
      saleId,
      currency,
      dueMinor,
      cashDueMinor: dueMinor,
      roundingMinor: 0,
      incrementMinor,
      quickTendersMinor: [],
    };
  }
  const rounded = roundCash(dueMinor, incrementMinor);
  return {
    saleId,
    currency,
    dueMinor,
    cashDueMinor: rounded.rounded,
    roundingMinor: rounded.adjustment,
    incrementMinor,
    quickTendersMinor: hasDenominations(currency) ? quickTenderAmounts(currency, rounded.rounded) : [],
  };
}
