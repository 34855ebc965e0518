import type { Db } from '../../db/connection.js';
import {
  selectPaymentsForSale,
  selectRefundedByOriginal,
  selectTender,
  selectTenderByKind,
  type TenderKindColumn,
} from '../../db/payments-queries.js';
import type { SaleRow } from '../../db/sales-queries.js';
import { allocateRefund } from '../../domain/payment-allocation.js';
import { BusinessRuleError } from '../../errors.js';
import type { PermissionNeed } from '../sales/cart-lines.js';
import type { CreateReturnInput } from './types.js';

// Where a return's money goes: by default back to the tenders the sale was paid with (cards and wallets
// first, cash last), or to cash for a blind return; an explicit split needs 'return.refund_other_tender'
// unless it is the default.

export interface PlannedRefund {
  tenderId: string;
  tenderKind: TenderKindColumn;
  /** Before cash rounding. */
  amountMinor: number;
  originalPaymentId: string | null;
  originalReference: string | null;
}

interface OriginalTender {
  paymentId: string;
  tenderId: string;
  kind: TenderKindColumn;
  refundable: number;
  reference: string | null;
}

function originalTenders(db: Db, original: SaleRow | null): OriginalTender[] {
  if (!original) return [];
  return selectPaymentsForSale(db, original.id)
    .filter((p) => p.direction === 'charge' && p.status === 'approved')
    .map((p) => ({
      paymentId: p.id,
      tenderId: p.tender_id,
      kind: p.tender_kind,
      // Cash rounding is undone here and applied again to the cash refund itself.
      refundable: p.amount_minor - p.rounding_minor - selectRefundedByOriginal(db, p.id),
      reference: p.terminal_ref,
    }));
}

export function planRefunds(
  db: Db,
  original: SaleRow | null,
  total: number,
  input: CreateReturnInput,
  needs: PermissionNeed[],
): PlannedRefund[] {
  const tenders = originalTenders(db, original);
  const defaults = defaultRefunds(db, tenders, original, total);
  if (input.refunds === undefined) return defaults;
  const asked = input.refunds.reduce((acc, r) => acc + r.amountMinor, 0);
  if (asked !== total) {
    throw new BusinessRuleError('REFUND_TOTAL_MISMATCH', `The refunds must add up to ${total}`, {
      totalMinor: total,
      refundsMinor: asked,
    });
  }
  const planned: PlannedRefund[] = [];
  const left = new Map(tenders.map((t) => [t.paymentId, Math.max(0, t.refundable)]));
  for (const r of input.refunds) {
    const tender = selectTender(db, r.tenderId);
    if (!tender || tender.enabled !== 1) {
      throw new BusinessRuleError('TENDER_UNAVAILABLE', `Tender ${r.tenderId} is not enabled`, {
        tenderId: r.tenderId,
      });
    }
    // Spread over the original payments made with this tender; a card can only be refunded to a card
    // transaction that happened, the rest is simply paid out with that tender.
    let remaining = r.amountMinor;
    for (const t of tenders.filter((x) => x.tenderId === tender.id)) {
      const take = Math.min(remaining, left.get(t.paymentId) ?? 0);
      if (take <= 0) continue;
      left.set(t.paymentId, (left.get(t.paymentId) ?? 0) - take);
      planned.push({
        tenderId: tender.id,
        tenderKind: tender.kind,
        amountMinor: take,
        originalPaymentId: t.paymentId,
        originalReference: t.reference,
      });
      remaining -= take;
    }
    if (remaining > 0 && tender.kind === 'card') {
      throw new BusinessRuleError(
        'CARD_REFUND_NEEDS_ORIGINAL',
        'A card refund needs an original card payment to refund',
        { tenderId: tender.id },
      );
    }
    if (remaining > 0) {
      planned.push({
        tenderId: tender.id,
        tenderKind: tender.kind,
        amountMinor: remaining,
        originalPaymentId: null,
        originalReference: null,
      });
    }
  }
  if (!sameByTender(planned, defaults)) {
    needs.push({ permission: 'return.refund_other_tender', details: { refunds: input.refunds } });
  }
  return planned.filter((p) => p.amountMinor > 0);
}

function defaultRefunds(
  db: Db,
  tenders: readonly OriginalTender[],
  original: SaleRow | null,
  total: number,
): PlannedRefund[] {
  if (!original) {
    const cash = selectTenderByKind(db, 'cash');
    if (!cash) throw new BusinessRuleError('NO_CASH_TENDER', 'No cash tender is enabled for the refund', {});
    return total === 0
      ? []
      : [
          {
            tenderId: cash.id,
            tenderKind: 'cash',
            amountMinor: total,
            originalPaymentId: null,
            originalReference: null,
          },
        ];
  }
  const result = allocateRefund(
    total,
    tenders.map((t) => ({
      key: t.paymentId,
      paidMinor: Math.max(0, t.refundable),
      refundedMinor: 0,
      kind: t.kind,
    })),
  );
  if (!result.ok) {
    throw new BusinessRuleError(result.code, result.message, { refundableMinor: result.refundableMinor });
  }
  return result.refunds.flatMap((r) => {
    const t = tenders.find((x) => x.paymentId === r.key);
    if (!t || r.refundMinor === 0) return [];
    return [
      {
        tenderId: t.tenderId,
        tenderKind: t.kind,
        amountMinor: r.refundMinor,
        originalPaymentId: t.paymentId,
        originalReference: t.reference,
      },
    ];
  });
}

function sameByTender(a: readonly PlannedRefund[], b: readonly PlannedRefund[]): boolean {
  const sum = (list: readonly PlannedRefund[]) => {
    const m = new Map<string, number>();
    for (const r of list) m.set(r.tenderId, (m.get(r.tenderId) ?? 0) + r.amountMinor);
    return m;
  };
  const ma = sum(a);
  const mb = sum(b);
  return ma.size === mb.size && [...ma].every(([k, v]) => mb.get(k) === v);
}
