import type { PaymentInput, PaymentView, SaleView, Tender } from '../../../shared/api/sales-endpoints.js';

/**
 * The pay screen's decisions, pure: what to send for a tender, what the hub's answer means next, when
 * the cart is frozen and whether a card may be started. Every amount is the hub's or the cashier's own;
 * nothing here adds up money.
 */

/** A payment still holds money or may: the cart must not change under it. */
export function holdsMoney(payment: PaymentView): boolean {
  return payment.status === 'approved' || payment.status === 'pending' || payment.status === 'unknown';
}

/** Money was taken (or may have been) for this sale: no adds, edits or removals until it completes. */
export function cartFrozen(sale: SaleView | null): boolean {
  return sale !== null && sale.status === 'open' && sale.payments.some(holdsMoney);
}

/** A payment whose outcome the hub does not know yet: asked about again, never assumed. */
export function unresolvedPayment(sale: SaleView): PaymentView | null {
  return sale.payments.find((p) => p.status === 'pending' || p.status === 'unknown') ?? null;
}

export type TenderChoice =
  /** Cash: `handedMinor` is what the customer handed over; null for exactly the amount asked. */
  | { kind: 'cash'; tender: Tender; handedMinor: number | null }
  /** Card or any other tender: `amountMinor` null for the whole rest. */
  | { kind: 'other'; tender: Tender; amountMinor: number | null; reference: string | null };

/**
 * The body of POST /sales/{id}/payments (without the id). Cash handed over goes as both amount and
 * tendered: the hub applies what is due (rounded when it settles the sale) and the rest is change.
 */
export function paymentRequest(choice: TenderChoice, dueMinor: number): Omit<PaymentInput, 'id'> {
  if (choice.kind === 'cash') {
    return choice.handedMinor === null
      ? { tenderId: choice.tender.id, amountMinor: dueMinor }
      : { tenderId: choice.tender.id, amountMinor: choice.handedMinor, tenderedMinor: choice.handedMinor };
  }
  return {
    tenderId: choice.tender.id,
    amountMinor: choice.amountMinor ?? dueMinor,
    ...(choice.reference === null ? {} : { reference: choice.reference }),
  };
}

/** The same request gets the same payment id, so a retry after no answer is a replay, never a second charge. */
export function requestKey(saleId: string, request: Omit<PaymentInput, 'id'>): string {
  return JSON.stringify([
    saleId,
    request.tenderId,
    request.amountMinor,
    request.tenderedMinor ?? null,
    request.reference ?? null,
  ]);
}

export type PaymentOutcome =
  | { kind: 'declined'; reason: string | null }
  | { kind: 'cancelled'; reason: string | null }
  /** Pending or unknown: ask the hub again until it knows. */
  | { kind: 'unresolved' }
  /** Approved and something is still due: take the next tender. */
  | { kind: 'part-paid' }
  /** Approved and nothing is due: ask the hub to complete the sale. */
  | { kind: 'paid' };

export function outcomeOf(payment: PaymentView, sale: SaleView): PaymentOutcome {
  switch (payment.status) {
    case 'declined':
      return { kind: 'declined', reason: payment.reason };
    case 'cancelled':
      return { kind: 'cancelled', reason: payment.reason };
    case 'pending':
    case 'unknown':
      return { kind: 'unresolved' };
    case 'approved':
      return readyToComplete(sale) ? { kind: 'paid' } : { kind: 'part-paid' };
  }
}

/** The hub's figures say the sale is paid and no outcome is outstanding. */
export function readyToComplete(sale: SaleView): boolean {
  return (
    sale.status === 'open' &&
    sale.totals.dueMinor <= 0 &&
    sale.totals.pendingMinor === 0 &&
    unresolvedPayment(sale) === null
  );
}

export type CardBlock = 'offline' | 'no-card-tender' | 'nothing-due' | 'busy' | null;

/** Why a card payment may not start now (null: it may). Never while the hub is unreachable. */
export function cardBlock(args: {
  online: boolean;
  cardTender: boolean;
  dueMinor: number;
  busy: boolean;
}): CardBlock {
  if (!args.cardTender) return 'no-card-tender';
  if (!args.online) return 'offline';
  if (args.busy) return 'busy';
  if (args.dueMinor <= 0) return 'nothing-due';
  return null;
}

/** What a key does on the pay screen. F-keys, so digits stay free for the amount field. */
export type PayAction =
  | { kind: 'exact-cash' }
  | { kind: 'quick-cash'; index: number }
  | { kind: 'card' }
  | { kind: 'other'; index: number }
  | { kind: 'back' };

export const QUICK_CASH_KEYS = ['F2', 'F3', 'F4', 'F5'] as const;
export const OTHER_TENDER_KEYS = ['F7', 'F8', 'F9'] as const;
export const EXACT_CASH_KEY = 'F1';
export const CARD_KEY = 'F6';

export function payAction(key: string): PayAction | null {
  if (key === EXACT_CASH_KEY) return { kind: 'exact-cash' };
  if (key === CARD_KEY) return { kind: 'card' };
  if (key === 'Escape') return { kind: 'back' };
  const quick = (QUICK_CASH_KEYS as readonly string[]).indexOf(key);
  if (quick >= 0) return { kind: 'quick-cash', index: quick };
  const other = (OTHER_TENDER_KEYS as readonly string[]).indexOf(key);
  if (other >= 0) return { kind: 'other', index: other };
  return null;
}

/** The store's cash tender, if it takes cash. */
export function cashTender(tenders: readonly Tender[]): Tender | undefined {
  return tenders.find((t) => t.enabled && t.kind === 'cash');
}

/** The store's card tender, if it takes cards. */
export function cardTender(tenders: readonly Tender[]): Tender | undefined {
  return tenders.find((t) => t.enabled && t.kind === 'card');
}

/** Tenders other than cash and card that the store enabled, in the hub's order; those needing a reference flagged. */
export function otherTenders(tenders: readonly Tender[]): Tender[] {
  return tenders.filter((t) => t.enabled && t.kind !== 'cash' && t.kind !== 'card');
}

export function needsReference(tender: Tender): boolean {
  return tender.kind === 'voucher' || tender.kind === 'store_credit' || tender.kind === 'gift_card';
}
