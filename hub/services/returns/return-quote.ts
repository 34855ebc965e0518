import type { Db } from '../../db/connection.js';
import { selectLines, selectReturnedQuantities } from '../../db/sales-queries.js';
import type { TenderKindColumn } from '../../db/payments-queries.js';
import { roundCash } from '../../domain/cash-rounding.js';
import type { TaxMode } from '../../domain/tax.js';
import type { Permission } from '../../contract/permissions.js';
import { NotFoundError } from '../../errors.js';
import { loadSaleView } from '../sales/sale-view.js';
import type { SaleView } from '../sales/types.js';
import { findOriginal, planReturn } from './return-plan.js';
import type { CreateReturnInput } from './types.js';

// The till shows the hub's figures before the cashier commits a return: these read-only views run the
// same planning code as the return itself, so what the quote says is what the return will do.

export interface ReturnQuoteLine {
  originalLineId: string | null;
  productId: string;
  name: string;
  quantity: number;
  measured: boolean;
  taxMinor: number;
  totalMinor: number;
}

export interface ReturnQuoteRefund {
  tenderId: string;
  tenderKind: TenderKindColumn;
  /** What leaves the till: cash refunds are rounded like cash sales. */
  amountMinor: number;
  roundingMinor: number;
}

export interface ReturnQuote {
  originalSaleId: string | null;
  currency: string;
  lines: ReturnQuoteLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  roundingMinor: number;
  refundMinor: number;
  refunds: ReturnQuoteRefund[];
  /** Every permission the return needs, whoever asks: the till compares them with its cashier's. */
  permissions: Permission[];
}

export type QuoteReturnInput = Omit<CreateReturnInput, 'id' | 'override'>;

/** A stand-in id for planning only: quotes never write, so nothing ever carries it. */
const QUOTE_ID = '00000000-0000-7000-8000-000000000000';

export function quoteReturn(
  db: Db,
  input: QuoteReturnInput,
  store: { taxMode: TaxMode; currency: string; cashIncrementMinor: number },
): ReturnQuote {
  const plan = planReturn(db, { returnId: QUOTE_ID, input: { ...input, id: QUOTE_ID }, store });
  const refunds = plan.refunds.map((r): ReturnQuoteRefund => {
    const rounding =
      r.tenderKind === 'cash' ? roundCash(r.amountMinor, store.cashIncrementMinor).adjustment : 0;
    return {
      tenderId: r.tenderId,
      tenderKind: r.tenderKind,
      amountMinor: r.amountMinor + rounding,
      roundingMinor: rounding,
    };
  });
  const roundingMinor = refunds.reduce((acc, r) => acc + r.roundingMinor, 0);
  return {
    originalSaleId: plan.original?.id ?? null,
    currency: plan.currency,
    lines: plan.lines.map((l) => ({
      originalLineId: l.original_line_id,
      productId: l.product_id,
      name: l.name,
      quantity: l.quantity,
      measured: l.measured === 1,
      taxMinor: l.tax_minor,
      totalMinor: l.total_minor,
    })),
    subtotalMinor: plan.subtotalMinor,
    discountMinor: plan.discountMinor,
    taxMinor: plan.taxMinor,
    totalMinor: plan.totalMinor,
    roundingMinor,
    refundMinor: plan.totalMinor + roundingMinor,
    refunds,
    permissions: [...new Set(plan.needs.map((n) => n.permission))],
  };
}

export interface ReturnableSale {
  sale: SaleView;
  /** Per original line, what earlier (open or completed) returns already took back. */
  returned: { originalLineId: string; quantity: number }[];
}

/** The completed sale behind a receipt code, with what is left to return on each line. */
export function returnableSale(db: Db, receiptCode: string): ReturnableSale {
  const original = findOriginal(db, { originalReceiptCode: receiptCode });
  if (!original) throw new NotFoundError('Receipt', receiptCode);
  const returned = selectReturnedQuantities(db, original.id);
  return {
    sale: loadSaleView(db, original.id),
    returned: selectLines(db, original.id)
      .filter((l) => l.status === 'active')
      .map((l) => ({ originalLineId: l.id, quantity: returned.get(l.id) ?? 0 })),
  };
}
