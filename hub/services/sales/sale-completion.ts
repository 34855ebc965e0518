import type { HubContext } from '../../context.js';
import { selectPaymentsForSale } from '../../db/payments-queries.js';
import { insertCashMovement, selectTillNumber } from '../../db/sale-effects-queries.js';
import {
  selectLines,
  selectSale,
  updateSale,
  type SaleLineRow,
  type SaleRow,
} from '../../db/sales-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { hasUnresolvedPayments, summarizePayments } from '../payments/payment-summary.js';
import { issueCreditForRefund } from '../payments/store-credit.js';
import type { ResolvedSalesDeps, SaleStockMovement } from './deps.js';
import { recordSaleFacts } from '../reports/sale-facts.js';
import { receiptCode } from './receipt-code.js';
import { assertOnTill } from './sale-cart.js';
import { saleTransition } from './sale-machine.js';
import { loadSaleView } from './sale-view.js';
import type { SaleActor, SaleView } from './types.js';

/** Stock effect of a completed document: a sale takes goods out; a return brings them back or writes them off. */
function stockMovements(sale: SaleRow, lines: readonly SaleLineRow[]): SaleStockMovement[] {
  const out: SaleStockMovement[] = [];
  for (const l of lines) {
    if (l.status !== 'active') continue;
    const base = { productId: l.product_id, refId: sale.id };
    if (sale.kind === 'sale') {
      out.push({ ...base, quantity: -l.quantity, reason: 'sale' });
    } else {
      // A return always books the goods back in; one not fit to sell is then written off, so the ledger
      // shows both the return and the shrinkage instead of a silent nothing.
      out.push({ ...base, quantity: l.quantity, reason: 'return' });
      if (l.restock !== 1) out.push({ ...base, quantity: -l.quantity, reason: 'writeoff' });
    }
  }
  return out;
}

/**
 * Completes a sale or a return inside the caller's transaction: checks it is fully paid with nothing
 * unresolved and that its till has an open cash session, then takes the next gap-free receipt number of
 * the till and writes stock movements (the stock ledger announces 'stock.changed'), the cash movement, the journal entry and outbox rows. Events go
 * out after commit. Completing a completed document returns it unchanged.
 */
export function completeInTx(tx: Tx, deps: ResolvedSalesDeps, saleId: string, staffId: string): SaleView {
  const sale = selectSale(tx.db, saleId);
  if (!sale) throw new NotFoundError('Sale', saleId);
  if (sale.status === 'completed') return loadSaleView(tx.db, saleId);
  const status = saleTransition(saleId, sale.status, 'complete');
  const lines = selectLines(tx.db, saleId);
  if (!lines.some((l) => l.status === 'active')) {
    throw new BusinessRuleError('SALE_EMPTY', 'The sale has no items', { saleId });
  }
  const payments = selectPaymentsForSale(tx.db, saleId);
  if (hasUnresolvedPayments(payments)) {
    throw new BusinessRuleError(
      'PAYMENT_UNRESOLVED',
      'A payment outcome is not known yet; resolve it first',
      { saleId },
    );
  }
  const summary = summarizePayments(payments, sale.kind);
  const toPay = sale.total_minor + sale.rounding_minor;
  if (summary.paidMinor !== toPay) {
    throw new BusinessRuleError('SALE_NOT_PAID', 'The payments do not match the total', {
      saleId,
      toPayMinor: toPay,
      paidMinor: summary.paidMinor,
      dueMinor: toPay - summary.paidMinor,
    });
  }
  const sessionId = deps.openCashSession(tx.db, sale.till_id);
  if (sessionId === null) {
    throw new BusinessRuleError(
      'CASH_SESSION_REQUIRED',
      'Open a cash session on this till before completing sales',
      {
        tillId: sale.till_id,
      },
    );
  }
  const tillNumber = selectTillNumber(tx.db, sale.till_id);
  if (tillNumber === null)
    throw new BusinessRuleError('TILL_NOT_ACTIVE', 'This till has no number', { tillId: sale.till_id });
  const number = tx.nextCounter(`receipt:${sale.till_id}`);
  const code = receiptCode(tillNumber, number);
  updateSale(tx.db, {
    ...sale,
    status,
    receipt_number: number,
    receipt_code: code,
    cash_session_id: sessionId,
    completed_at: tx.at,
    completed_by: staffId,
    version: sale.version + 1,
    updated_at: tx.at,
  });
  deps.recordStock(tx, stockMovements(sale, lines), staffId);
  const completed = selectSale(tx.db, saleId);
  if (completed) for (const hook of deps.completionHooks) hook(tx, completed, lines);
  // A return refunded to store credit issues the credit now, with the receipt that prints its code.
  if (sale.kind === 'return') for (const p of payments) issueCreditForRefund(tx, p, sale.currency);
  if (summary.cashMinor !== 0) {
    insertCashMovement(tx.db, {
      id: newId(),
      sessionId,
      kind: sale.kind === 'sale' ? 'sale' : 'refund',
      // The drawer's view: cash kept for a sale (net of change), cash paid out (negative) for a return.
      amountMinor: sale.kind === 'sale' ? summary.cashMinor : -summary.cashMinor,
      saleId,
      staffId,
      at: tx.at,
    });
  }
  // Line costs and report summaries commit with the sale, so a report never disagrees with the sales.
  recordSaleFacts(tx.db, saleId);
  const view = loadSaleView(tx.db, saleId);
  const entry = tx.journal(
    sale.kind === 'sale' ? 'sale.completed' : 'return.completed',
    saleId,
    journalPayload(view, tillNumber),
  );
  tx.outbox('sale', saleId, 'upsert', { ...view, journalSeq: entry.seq });
  for (const p of view.payments) tx.outbox('payment', p.id, 'upsert', p);
  tx.emit({
    name: 'sale.completed',
    payload: {
      saleId,
      tillId: sale.till_id,
      receiptCode: code,
      totalMinor: sale.total_minor,
      kind: sale.kind,
    },
  });
  return view;
}

/** The fiscal record: everything a receipt shows, so the journal alone can reprint or audit it. */
function journalPayload(view: SaleView, tillNumber: number): Record<string, unknown> {
  return {
    id: view.id,
    kind: view.kind,
    originalSaleId: view.originalSaleId,
    tillId: view.tillId,
    tillNumber,
    staffId: view.staffId,
    customerId: view.customerId,
    currency: view.currency,
    taxMode: view.taxMode,
    receipt: view.receipt,
    cashSessionId: view.cashSessionId,
    completedAt: view.completedAt,
    lines: view.lines
      .filter((l) => l.status === 'active')
      .map((l) => ({
        id: l.id,
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        measured: l.measured,
        unitPriceMinor: l.unitPriceMinor,
        embeddedPriceMinor: l.embeddedPriceMinor,
        grossMinor: l.grossMinor,
        discountMinor: l.promotionDiscountMinor + l.lineDiscountMinor + l.saleDiscountMinor,
        netMinor: l.netMinor,
        taxRateBp: l.taxRateBp,
        taxMinor: l.taxMinor,
        totalMinor: l.totalMinor,
        originalLineId: l.originalLineId,
        restock: l.restock,
      })),
    removedLines: view.lines
      .filter((l) => l.status === 'removed')
      .map((l) => ({ id: l.id, sku: l.sku, quantity: l.quantity })),
    taxes: view.totals.taxes,
    totals: {
      subtotalMinor: view.totals.subtotalMinor,
      discountMinor: view.totals.discountMinor,
      taxMinor: view.totals.taxMinor,
      totalMinor: view.totals.totalMinor,
      roundingMinor: view.totals.roundingMinor,
      paidMinor: view.totals.paidMinor,
      changeMinor: view.totals.changeMinor,
    },
    payments: view.payments
      .filter((p) => p.status === 'approved')
      .map((p) => ({
        id: p.id,
        tenderId: p.tenderId,
        tenderKind: p.tenderKind,
        direction: p.direction,
        amountMinor: p.amountMinor,
        tenderedMinor: p.tenderedMinor,
        changeMinor: p.changeMinor,
        roundingMinor: p.roundingMinor,
        terminalRef: p.terminalRef,
        reference: p.reference,
        originalPaymentId: p.originalPaymentId,
      })),
    overrides: view.overrides,
  };
}

export class SaleCompletionService {
  constructor(
    private readonly ctx: HubContext,
    private readonly deps: ResolvedSalesDeps,
  ) {}

  /** POST /sales/{id}/complete: one transaction; completing a completed sale returns it. */
  complete(actor: SaleActor, saleId: string): SaleView {
    return this.ctx.tx.write((tx) => {
      const sale = selectSale(tx.db, saleId);
      if (sale && sale.status !== 'completed' && sale.kind !== 'sale') {
        throw new BusinessRuleError('NOT_A_SALE', 'Complete a return through /returns', { saleId });
      }
      // The receipt number and cash session are the sale's till's: only that till completes it.
      if (sale && sale.status === 'open') assertOnTill(sale, actor);
      return completeInTx(tx, this.deps, saleId, actor.staff.id);
    });
  }
}
