import { isGiftCardProduct } from '../../db/gift-card-queries.js';
import * as q from '../../db/loyalty-queries.js';
import { selectPaymentsForSale } from '../../db/payments-queries.js';
import { selectSale, type SaleLineRow, type SaleRow } from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { pointsEarned, pointsTakenBack } from '../../domain/loyalty.js';
import { BusinessRuleError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { TenderLedger } from '../payments/tender-ledger.js';
import type { CompletionHook } from '../sales/deps.js';
import { readLoyaltySettings } from './loyalty-settings.js';

// Points are a ledger per customer like gift cards: earned when a sale with the customer completes, taken
// back by its returns, spent as a 'loyalty' tender inside the payment's transaction (so two tills cannot
// spend the same points), given back when that payment is cancelled.

export interface PointsEntryArgs {
  customerId: string;
  kind: q.LoyaltyEntryKind;
  /** Signed: what the entry adds to the balance. */
  points: number;
  saleId?: string | null;
  paymentId?: string | null;
  staffId: string | null;
  note?: string;
}

export function addPointsEntry(tx: Tx, args: PointsEntryArgs): void {
  q.insertLoyaltyEntry(tx.db, {
    id: newId(),
    customer_id: args.customerId,
    kind: args.kind,
    points: args.points,
    sale_id: args.saleId ?? null,
    payment_id: args.paymentId ?? null,
    staff_id: args.staffId,
    note: args.note ?? '',
    at: tx.at,
  });
  tx.outbox('loyalty', args.customerId, 'upsert', {
    customerId: args.customerId,
    kind: args.kind,
    points: args.points,
    balance: q.selectPointsBalance(tx.db, args.customerId),
  });
}

/** 422 INSUFFICIENT_POINTS unless the customer holds at least this many points. */
export function assertPointsCover(tx: Tx, customerId: string, points: number): void {
  const balance = q.selectPointsBalance(tx.db, customerId);
  if (points > balance) {
    throw new BusinessRuleError('INSUFFICIENT_POINTS', `Only ${balance} points are left`, {
      customerId,
      balancePoints: balance,
      points,
    });
  }
}

function pointsFor(tx: Tx, amountMinor: number): number {
  const settings = readLoyaltySettings(tx.db);
  if (!settings.enabled) {
    throw new BusinessRuleError('LOYALTY_DISABLED', 'The store has no loyalty programme running', {});
  }
  if (amountMinor % settings.pointValueMinor !== 0) {
    throw new BusinessRuleError('LOYALTY_AMOUNT_STEP', `Points pay in steps of ${settings.pointValueMinor}`, {
      amountMinor,
      pointValueMinor: settings.pointValueMinor,
    });
  }
  return amountMinor / settings.pointValueMinor;
}

/** Points as a way to pay: the sale's customer spends them at the configured value; the reference is the customer. */
export const loyaltyTender: TenderLedger = {
  kind: 'loyalty',
  check(tx, sale, _reference, amountMinor) {
    if (sale.customer_id === null) {
      throw new BusinessRuleError('CUSTOMER_REQUIRED', 'Add the customer to the sale to pay with points', {
        saleId: sale.id,
      });
    }
    assertPointsCover(tx, sale.customer_id, pointsFor(tx, amountMinor));
    return sale.customer_id;
  },
  redeem(tx, payment) {
    if (payment.reference === null) throw new Error('a points payment without a customer');
    addPointsEntry(tx, {
      customerId: payment.reference,
      kind: 'redeem',
      points: -pointsFor(tx, payment.amount_minor),
      saleId: payment.sale_id,
      paymentId: payment.id,
      staffId: payment.staff_id,
    });
  },
  reverse(tx, payment, staffId) {
    const spent = q.selectLoyaltyEntryForPayment(tx.db, payment.id, 'redeem');
    if (!spent || q.selectLoyaltyEntryForPayment(tx.db, payment.id, 'reversal')) return;
    addPointsEntry(tx, {
      customerId: spent.customer_id,
      kind: 'reversal',
      points: -spent.points,
      saleId: payment.sale_id,
      paymentId: payment.id,
      staffId,
    });
  },
};

/** What a sale earns on: its lines except gift cards sold (money, not goods), less what points paid. */
function eligibleSpend(tx: Tx, sale: SaleRow, lines: readonly SaleLineRow[]): number {
  const goods = lines
    .filter((l) => l.status === 'active' && !isGiftCardProduct(tx.db, l.product_id))
    .reduce((n, l) => n + l.total_minor, 0);
  const byPoints = selectPaymentsForSale(tx.db, sale.id)
    .filter((p) => p.tender_kind === 'loyalty' && p.status === 'approved' && p.direction === 'charge')
    .reduce((n, p) => n + p.amount_minor, 0);
  return goods - byPoints;
}

function earn(tx: Tx, sale: SaleRow, lines: readonly SaleLineRow[]): void {
  if (sale.customer_id === null || q.selectEntryForSale(tx.db, sale.id, 'earn')) return;
  const settings = readLoyaltySettings(tx.db);
  if (!settings.enabled) return;
  const points = pointsEarned(
    settings,
    eligibleSpend(tx, sale, lines),
    q.selectLifetimePoints(tx.db, sale.customer_id),
  );
  if (points <= 0) return;
  addPointsEntry(tx, {
    customerId: sale.customer_id,
    kind: 'earn',
    points,
    saleId: sale.id,
    staffId: sale.completed_by,
  });
}

/** A return takes back its share of what the original sale earned (whatever the rules are now). */
function takeBack(tx: Tx, ret: SaleRow): void {
  if (ret.original_sale_id === null || q.selectEntryForSale(tx.db, ret.id, 'return')) return;
  const earned = q.selectEntryForSale(tx.db, ret.original_sale_id, 'earn');
  const original = selectSale(tx.db, ret.original_sale_id);
  if (!earned || !original) return;
  const points = pointsTakenBack({
    earned: earned.points,
    alreadyTakenBack: -q.selectTakenBackForSale(tx.db, original.id),
    saleTotalMinor: original.total_minor,
    returnedMinor: ret.total_minor,
  });
  if (points <= 0) return;
  addPointsEntry(tx, {
    customerId: earned.customer_id,
    kind: 'return',
    points: -points,
    saleId: ret.id,
    staffId: ret.completed_by,
  });
}

export const loyaltyCompletion: CompletionHook = (tx, sale, lines) => {
  if (sale.kind === 'sale') earn(tx, sale, lines);
  else takeBack(tx, sale);
};
