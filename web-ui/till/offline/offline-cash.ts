import { roundCash } from '../../../hub/domain/cash-rounding.js';

export interface OfflineCash {
  /** What the hub will record as paid: the rest due rounded to the store's smallest coin. */
  paidMinor: number;
  changeMinor: number;
}

/**
 * A cash payment made while the hub does not answer, by the hub's own rule (services/payments
 * planCharge): cash that covers the rest settles it rounded to the store's coin step, and anything
 * handed over beyond that is change. Null when it does not cover the rest: then the sale cannot be
 * completed later without the hub, so the till does not take it.
 */
export function offlineCash(
  dueMinor: number,
  amountMinor: number,
  tenderedMinor: number | undefined,
  cashStepMinor: number,
): OfflineCash | null {
  if (dueMinor <= 0) return null;
  const rounded = roundCash(dueMinor, Math.max(1, cashStepMinor)).rounded;
  if (amountMinor < Math.min(dueMinor, rounded)) return null;
  const tendered = tenderedMinor ?? Math.max(amountMinor, rounded);
  if (tendered < rounded) return null;
  return { paidMinor: rounded, changeMinor: tendered - rounded };
}
