// The arithmetic of a bulk price change, pure: integer minor units in, integer minor units out.
import { divRound } from '../../domain/money.js';
import type { PriceAdjust } from './price-change-schema.js';

/** The new price for `fromMinor`, or a negative number when the change would take it below zero. */
export function adjustedPrice(fromMinor: number, adjust: PriceAdjust, roundTo: number): number {
  let next: bigint;
  switch (adjust.kind) {
    case 'percent':
      next = divRound(BigInt(fromMinor) * BigInt(10_000 + adjust.percentBp), 10_000n);
      break;
    case 'amount':
      next = BigInt(fromMinor + adjust.amountMinor);
      break;
    case 'set':
      next = BigInt(adjust.priceMinor);
      break;
  }
  if (roundTo > 1) next = divRound(next, BigInt(roundTo)) * BigInt(roundTo);
  return Number(next);
}
