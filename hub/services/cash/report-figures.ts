import {
  countVoidedSales,
  selectSalesTotals,
  selectTaxTotals,
  selectTenderTotals,
} from '../../db/cash-report-queries.js';
import { selectMovementTotals, type CashSessionRow, type MovementKind } from '../../db/cash-queries.js';
import type { Db } from '../../db/connection.js';
import type { CashReportFigures, CountFigure, TaxFigures, TenderFigures } from './types.js';

const NONE: CountFigure = { count: 0, amountMinor: 0 };

/**
 * The X/Z figures of one session, read at `takenAt`. Pure reads: an X report may be taken any time, and a
 * Z report calls this inside the close transaction so the frozen figures are exactly what was committed.
 */
export function reportFigures(db: Db, session: CashSessionRow, takenAt: string): CashReportFigures {
  const sales = new Map(selectSalesTotals(db, session.id).map((row) => [row.kind, row]));
  const sold = sales.get('sale');
  const returned = sales.get('return');
  const movements = new Map(selectMovementTotals(db, session.id).map((row) => [row.kind, row]));
  const movement = (kind: MovementKind): CountFigure => {
    const row = movements.get(kind);
    return row ? { count: row.count, amountMinor: row.amount_minor } : NONE;
  };
  const payOuts = movement('pay_out');
  const salesTotal = sold?.total_minor ?? 0;
  const returnsTotal = returned?.total_minor ?? 0;
  const untilAt = session.closed_at ?? takenAt;
  return {
    sessionId: session.id,
    tillId: session.till_id,
    currency: session.currency,
    openedBy: session.opened_by,
    openedAt: session.opened_at,
    takenAt,
    sales: { count: sold?.count ?? 0, amountMinor: salesTotal },
    returns: { count: returned?.count ?? 0, amountMinor: returnsTotal },
    netSalesMinor: salesTotal - returnsTotal,
    tenders: tenderFigures(db, session.id),
    taxes: taxFigures(db, session.id),
    discountsMinor: (sold?.discount_minor ?? 0) - (returned?.discount_minor ?? 0),
    roundingMinor: (sold?.rounding_minor ?? 0) - (returned?.rounding_minor ?? 0),
    voidedSalesCount: countVoidedSales(db, session.id, session.till_id, session.opened_at, untilAt),
    noSaleCount: movement('no_sale').count,
    payIns: movement('pay_in'),
    payOuts: { count: payOuts.count, amountMinor: 0 - payOuts.amountMinor },
    floatMinor: session.float_minor,
    cashSalesMinor: movement('sale').amountMinor,
    cashRefundsMinor: 0 - movement('refund').amountMinor,
    expectedCashMinor: [...movements.values()].reduce((sum, row) => sum + row.amount_minor, 0),
  };
}

function tenderFigures(db: Db, sessionId: string): TenderFigures[] {
  const byTender = new Map<string, TenderFigures>();
  for (const row of selectTenderTotals(db, sessionId)) {
    const entry = byTender.get(row.tender_id) ?? {
      tenderId: row.tender_id,
      tenderKind: row.tender_kind,
      name: row.name ?? row.tender_id,
      charges: NONE,
      refunds: NONE,
      netMinor: 0,
    };
    const figure = { count: row.count, amountMinor: row.amount_minor };
    if (row.direction === 'charge') entry.charges = figure;
    else entry.refunds = figure;
    entry.netMinor = entry.charges.amountMinor - entry.refunds.amountMinor;
    byTender.set(row.tender_id, entry);
  }
  return [...byTender.values()];
}

function taxFigures(db: Db, sessionId: string): TaxFigures[] {
  const byRate = new Map<number, TaxFigures>();
  for (const row of selectTaxTotals(db, sessionId)) {
    const sign = row.kind === 'return' ? -1 : 1;
    const entry = byRate.get(row.tax_rate_bp) ?? {
      rateBp: row.tax_rate_bp,
      baseMinor: 0,
      taxMinor: 0,
      grossMinor: 0,
    };
    entry.taxMinor += sign * row.tax_minor;
    entry.grossMinor += sign * row.gross_minor;
    entry.baseMinor = entry.grossMinor - entry.taxMinor;
    byRate.set(row.tax_rate_bp, entry);
  }
  return [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp);
}
