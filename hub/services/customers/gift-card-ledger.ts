import * as q from '../../db/gift-card-queries.js';
import type { SaleLineRow, SaleRow } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { TenderLedger } from '../payments/tender-ledger.js';
import type { CompletionHook } from '../sales/deps.js';

// A gift card is money the store owes whoever holds the card, so it is a ledger like store credit: entries
// are only ever added and the balance is their sum, read and written inside one IMMEDIATE transaction, so
// two tills redeeming the same card at once are serialised and can never overdraw it.

const CODE = /^[A-Z0-9]{6,32}$/;

/** A card code as printed, typed or scanned: any case, spaces and dashes ignored; null if it cannot be one. */
export function normalizeGiftCardCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  return CODE.test(compact) ? compact : null;
}

export interface GiftCardEntryArgs {
  code: string;
  kind: q.GiftCardEntryKind;
  /** Signed: what the entry adds to the balance. */
  amountMinor: number;
  saleId?: string | null;
  lineId?: string | null;
  paymentId?: string | null;
  staffId: string | null;
  note?: string;
}

/** Appends one entry and announces the card's new balance for replication. */
export function addGiftCardEntry(tx: Tx, args: GiftCardEntryArgs): void {
  q.insertGiftCardEntry(tx.db, {
    id: newId(),
    code: args.code,
    kind: args.kind,
    amount_minor: args.amountMinor,
    sale_id: args.saleId ?? null,
    line_id: args.lineId ?? null,
    payment_id: args.paymentId ?? null,
    staff_id: args.staffId,
    note: args.note ?? '',
    at: tx.at,
  });
  tx.outbox('gift_card', args.code, 'upsert', {
    code: args.code,
    kind: args.kind,
    amountMinor: args.amountMinor,
    balanceMinor: q.selectGiftCardBalance(tx.db, args.code),
  });
}

/** The card with this code in this currency, or a 422 that says why it cannot be used. */
export function usableCard(tx: Tx, raw: string, currency: string): q.GiftCardRow {
  const code = normalizeGiftCardCode(raw);
  const card = code === null ? undefined : q.selectGiftCard(tx.db, code);
  if (!card)
    throw new BusinessRuleError('UNKNOWN_GIFT_CARD', 'No gift card has this code', { reference: raw });
  if (card.currency !== currency) {
    throw new BusinessRuleError('GIFT_CARD_CURRENCY', `This gift card is in ${card.currency}`, {
      code: card.code,
      currency: card.currency,
    });
  }
  return card;
}

/** 422 INSUFFICIENT_BALANCE unless the card holds at least the amount (read in the caller's transaction). */
export function assertCardCovers(tx: Tx, code: string, amountMinor: number): void {
  const balance = q.selectGiftCardBalance(tx.db, code);
  if (amountMinor > balance) {
    throw new BusinessRuleError('INSUFFICIENT_BALANCE', `Only ${balance} is left on this gift card`, {
      code,
      balanceMinor: balance,
      amountMinor,
    });
  }
}

/** Gift cards as a way to pay: the payment's reference is the card code. */
export const giftCardTender: TenderLedger = {
  kind: 'gift_card',
  check(tx, sale, reference, amountMinor) {
    if (reference === '') {
      throw new BusinessRuleError('REFERENCE_REQUIRED', 'Enter the gift card code', {
        tenderKind: 'gift_card',
      });
    }
    const card = usableCard(tx, reference, sale.currency);
    assertCardCovers(tx, card.code, amountMinor);
    return card.code;
  },
  redeem(tx, payment) {
    if (payment.reference === null) throw new Error('a gift-card payment without a code');
    addGiftCardEntry(tx, {
      code: payment.reference,
      kind: 'redeem',
      amountMinor: -payment.amount_minor,
      saleId: payment.sale_id,
      paymentId: payment.id,
      staffId: payment.staff_id,
    });
  },
  reverse(tx, payment, staffId) {
    const spent = q.selectGiftCardEntryForPayment(tx.db, payment.id, 'redeem');
    if (!spent || q.selectGiftCardEntryForPayment(tx.db, payment.id, 'reversal')) return;
    addGiftCardEntry(tx, {
      code: spent.code,
      kind: 'reversal',
      amountMinor: -spent.amount_minor,
      saleId: payment.sale_id,
      paymentId: payment.id,
      staffId,
    });
  },
};

function loadSoldCard(tx: Tx, sale: SaleRow, line: SaleLineRow): void {
  if (q.selectGiftCardEntryForLine(tx.db, line.id)) return;
  const code = normalizeGiftCardCode(line.note);
  if (code === null) {
    throw new BusinessRuleError('GIFT_CARD_CODE_REQUIRED', 'Scan or type the code of the gift card sold', {
      lineId: line.id,
    });
  }
  if (line.total_minor <= 0) {
    throw new BusinessRuleError('GIFT_CARD_AMOUNT', 'A gift card is sold for more than nothing', {
      lineId: line.id,
    });
  }
  const existing = q.selectGiftCard(tx.db, code);
  if (existing && existing.currency !== sale.currency) {
    throw new BusinessRuleError('GIFT_CARD_CURRENCY', `This gift card is in ${existing.currency}`, {
      code,
      currency: existing.currency,
    });
  }
  q.insertGiftCard(tx.db, { code, currency: sale.currency, activated_sale_id: sale.id, created_at: tx.at });
  addGiftCardEntry(tx, {
    code,
    kind: 'load',
    amountMinor: line.total_minor,
    saleId: sale.id,
    lineId: line.id,
    staffId: sale.completed_by,
  });
}

/** A returned gift card gives back what is still on it; a card already spent cannot be refunded. */
function unloadReturnedCard(tx: Tx, sale: SaleRow, line: SaleLineRow): void {
  if (line.original_line_id === null || q.selectGiftCardEntryForLine(tx.db, line.id)) return;
  const loaded = q.selectGiftCardEntryForLine(tx.db, line.original_line_id);
  if (!loaded) return;
  assertCardCovers(tx, loaded.code, line.total_minor);
  addGiftCardEntry(tx, {
    code: loaded.code,
    kind: 'adjust',
    amountMinor: -line.total_minor,
    saleId: sale.id,
    lineId: line.id,
    staffId: sale.completed_by,
    note: 'returned',
  });
}

/**
 * At completion: each sold gift-card line loads (activates or reloads) the card named by the line's note
 * with what the customer paid for the line; a returned one is unloaded.
 */
export const giftCardCompletion: CompletionHook = (tx, sale, lines) => {
  for (const line of lines) {
    if (line.status !== 'active' || !q.isGiftCardProduct(tx.db, line.product_id)) continue;
    if (sale.kind === 'sale') loadSoldCard(tx, sale, line);
    else unloadReturnedCard(tx, sale, line);
  }
};
