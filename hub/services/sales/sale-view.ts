import type { Db } from '../../db/connection.js';
import { selectPaymentsForSale, type PaymentRow } from '../../db/payments-queries.js';
import {
  selectSale,
  selectLines,
  selectOverrides,
  type SaleLineRow,
  type SaleRow,
} from '../../db/sales-queries.js';
import type { AppliedPromotion } from '../../domain/promotions/index.js';
import type { Discount, TaxBreakdown } from '../../domain/sale-totals.js';
import { NotFoundError } from '../../errors.js';
import { summarizePayments } from '../payments/payment-summary.js';
import { receiptBarcode } from './receipt-code.js';
import type { PaymentView, SaleLineView, SaleView } from './types.js';

function parseDiscount(json: string | null): Discount | null {
  return json === null ? null : (JSON.parse(json) as Discount);
}

export function lineView(row: SaleLineRow): SaleLineView {
  return {
    id: row.id,
    lineNo: row.line_no,
    status: row.status,
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    quantity: row.quantity,
    measured: row.measured === 1,
    weightSource: row.weight_source,
    unitPriceMinor: row.unit_price_minor,
    catalogPriceMinor: row.catalog_price_minor,
    embeddedPriceMinor: row.embedded_price_minor,
    discount: parseDiscount(row.discount),
    discountReason: row.discount_reason,
    grossMinor: row.gross_minor,
    promotionDiscountMinor: row.promotion_discount_minor,
    promotions: JSON.parse(row.promotions) as AppliedPromotion[],
    lineDiscountMinor: row.line_discount_minor,
    saleDiscountMinor: row.sale_discount_minor,
    netMinor: row.net_minor,
    taxClassId: row.tax_class_id,
    taxRateBp: row.tax_rate_bp,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    note: row.note,
    originalLineId: row.original_line_id,
    restock: row.restock === null ? null : row.restock === 1,
    returnReason: row.return_reason,
    removedAt: row.removed_at,
    removedBy: row.removed_by,
  };
}

export function paymentView(row: PaymentRow): PaymentView {
  const data = JSON.parse(row.provider_data) as { maskedPan?: string; receiptText?: string };
  return {
    id: row.id,
    saleId: row.sale_id,
    tenderId: row.tender_id,
    tenderKind: row.tender_kind,
    direction: row.direction,
    status: row.status,
    amountMinor: row.amount_minor,
    tenderedMinor: row.tendered_minor,
    changeMinor: row.change_minor,
    roundingMinor: row.rounding_minor,
    originalPaymentId: row.original_payment_id,
    terminalRef: row.terminal_ref,
    reference: row.reference,
    reason: row.reason,
    card:
      row.tender_kind === 'card'
        ? { maskedPan: data.maskedPan ?? null, receiptText: data.receiptText ?? null }
        : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
  };
}

/** The per-rate breakdown, rebuilt from the lines (their taxes per rate sum to the invoice tax by construction). */
export function taxBreakdown(lines: readonly SaleLineRow[], taxMode: SaleRow['tax_mode']): TaxBreakdown[] {
  const byRate = new Map<number, { net: number; tax: number }>();
  for (const l of lines) {
    if (l.status !== 'active') continue;
    const entry = byRate.get(l.tax_rate_bp) ?? { net: 0, tax: 0 };
    entry.net += l.net_minor;
    entry.tax += l.tax_minor;
    byRate.set(l.tax_rate_bp, entry);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateBp, { net, tax }]) =>
      taxMode === 'inclusive'
        ? { rateBp, baseMinor: net - tax, taxMinor: tax, grossMinor: net }
        : { rateBp, baseMinor: net, taxMinor: tax, grossMinor: net + tax },
    );
}

/** Each promotion once, with what it took off the sale's active lines, in the order first met. */
function salePromotions(lines: readonly SaleLineRow[]): AppliedPromotion[] {
  const total = new Map<string, AppliedPromotion>();
  for (const line of lines) {
    if (line.status !== 'active') continue;
    for (const p of JSON.parse(line.promotions) as AppliedPromotion[]) {
      const before = total.get(p.promotionId);
      total.set(p.promotionId, { ...p, discountMinor: (before?.discountMinor ?? 0) + p.discountMinor });
    }
  }
  return [...total.values()];
}

export function buildSaleView(sale: SaleRow, lines: SaleLineRow[], payments: PaymentRow[], db: Db): SaleView {
  const summary = summarizePayments(payments, sale.kind);
  const toPay = sale.total_minor + sale.rounding_minor;
  return {
    id: sale.id,
    kind: sale.kind,
    status: sale.status,
    version: sale.version,
    tillId: sale.till_id,
    staffId: sale.staff_id,
    customerId: sale.customer_id,
    originalSaleId: sale.original_sale_id,
    currency: sale.currency,
    taxMode: sale.tax_mode,
    saleDiscount: parseDiscount(sale.sale_discount),
    saleDiscountReason: sale.sale_discount_reason,
    note: sale.note,
    couponCodes: JSON.parse(sale.coupon_codes) as string[],
    promotions: salePromotions(lines),
    lines: lines.map(lineView),
    totals: {
      subtotalMinor: sale.subtotal_minor,
      discountMinor: sale.discount_minor,
      taxMinor: sale.tax_minor,
      taxes: taxBreakdown(lines, sale.tax_mode),
      totalMinor: sale.total_minor,
      roundingMinor: sale.rounding_minor,
      toPayMinor: toPay,
      paidMinor: summary.paidMinor,
      pendingMinor: summary.pendingMinor,
      dueMinor: toPay - summary.paidMinor - summary.pendingMinor,
      changeMinor: summary.changeMinor,
    },
    payments: payments.map(paymentView),
    overrides: selectOverrides(db, sale.id).map((o) => ({
      permission: o.permission,
      cashierId: o.cashier_id,
      supervisorId: o.supervisor_id,
      at: o.at,
    })),
    receipt:
      sale.receipt_number === null || sale.receipt_code === null
        ? null
        : {
            number: sale.receipt_number,
            code: sale.receipt_code,
            barcode: receiptBarcode(sale.receipt_code),
          },
    cashSessionId: sale.cash_session_id,
    createdAt: sale.created_at,
    updatedAt: sale.updated_at,
    parkedAt: sale.parked_at,
    voidedAt: sale.voided_at,
    completedAt: sale.completed_at,
  };
}

export function loadSaleView(db: Db, saleId: string): SaleView {
  const sale = selectSale(db, saleId);
  if (!sale) throw new NotFoundError('Sale', saleId);
  return buildSaleView(sale, selectLines(db, saleId), selectPaymentsForSale(db, saleId), db);
}
