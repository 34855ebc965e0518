// Splits a refund over the tenders a sale was paid with. Non-cash tenders are refunded first and cash
// last: money goes back to the card or wallet it came from, so a purchase made with someone else's card
// cannot be turned into cash at the counter, the drawer is not drained by refunds, and the customer gets
// the record on their statement that card schemes expect. Cash takes only what the others cannot.
import { assertMinor } from './money.js';

/** Mirrors tenders.kind in the database (001_core.sql). */
export type TenderKind =
  'cash' | 'card' | 'mobile' | 'voucher' | 'store_credit' | 'other' | 'gift_card' | 'loyalty';

export interface RefundTender {
  key: string;
  paidMinor: number;
  refundedMinor: number;
  /** Only 'cash' changes the order; omitted means a non-cash tender. */
  kind?: TenderKind;
}

export interface TenderRefund {
  key: string;
  refundMinor: number;
}

export type RefundAllocationResult =
  | { ok: true; refunds: TenderRefund[] }
  | { ok: false; code: 'REFUND_EXCEEDS_REFUNDABLE'; message: string; refundableMinor: number };

/**
 * Per-tender refund amounts, in input order, summing exactly to `refundMinor` and never more than a
 * tender's paid minus already refunded. Within non-cash and within cash, tenders are filled in input
 * order, so the caller decides precedence (for example the order they were paid in). A refund larger
 * than everything still refundable is a returned result, not a throw: the till asks the user about it.
 */
export function allocateRefund(
  refundMinor: number,
  tenders: readonly RefundTender[],
): RefundAllocationResult {
  assertMinor(refundMinor, 'refundMinor');
  if (refundMinor < 0) throw new RangeError(`refundMinor must not be negative, got ${refundMinor}`);
  const keys = new Set<string>();
  const available = tenders.map((t, i) => {
    assertMinor(t.paidMinor, `tenders[${i}].paidMinor`);
    assertMinor(t.refundedMinor, `tenders[${i}].refundedMinor`);
    if (t.paidMinor < 0 || t.refundedMinor < 0 || t.refundedMinor > t.paidMinor) {
      throw new RangeError(`tenders[${i}] must have 0 <= refundedMinor <= paidMinor`);
    }
    if (keys.has(t.key)) throw new RangeError(`tenders[${i}].key "${t.key}" is a duplicate`);
    keys.add(t.key);
    return t.paidMinor - t.refundedMinor;
  });
  // Each tender's remainder is safe, but their sum may not be: add in BigInt.
  const refundable = available.reduce((sum, a) => sum + BigInt(a), 0n);
  if (BigInt(refundMinor) > refundable) {
    return {
      ok: false,
      code: 'REFUND_EXCEEDS_REFUNDABLE',
      message: `Refund of ${refundMinor} exceeds the ${String(refundable)} still refundable`,
      refundableMinor:
        refundable > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(refundable),
    };
  }
  const order = tenders
    .map((t, index) => ({ index, cash: t.kind === 'cash' }))
    .sort((a, b) => (a.cash === b.cash ? a.index - b.index : a.cash ? 1 : -1));
  const amounts = tenders.map(() => 0);
  let left = refundMinor;
  for (const { index } of order) {
    const take = Math.min(left, available[index] ?? 0);
    amounts[index] = take;
    left -= take;
  }
  return { ok: true, refunds: tenders.map((t, i) => ({ key: t.key, refundMinor: amounts[i] ?? 0 })) };
}
