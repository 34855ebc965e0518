import type { Db } from '../../db/connection.js';
import {
  addDocHour,
  addLineHour,
  addPaymentHour,
  addProductDay,
  addProductMonth,
  clearReportFacts,
  completedDocIds,
  markReportsBuilt,
  recordLineCosts,
  selectFactDoc,
  selectFactLines,
  selectFactPayments,
  type FactDocRow,
  type FactLineRow,
  type FactPaymentRow,
  type DocHourDelta,
  type LineHourDelta,
  type PaymentHourDelta,
  type ProductDayDelta,
} from '../../db/reports-facts-queries.js';
import { readSettingsJson } from '../../db/settings-queries.js';
import { localHourOf, monthOfDay } from './local-time.js';

/** The store-wide product row of report_product_days (see 060_reports.sql). */
export const ALL = '*';

let lastSettingsJson: string | undefined;
let lastZone = 'UTC';

/** The store's time zone as saved in its settings ('UTC' for a store that never saved them). */
export function storeTimeZone(db: Db): string {
  const json = readSettingsJson(db);
  if (json !== lastSettingsJson) {
    lastSettingsJson = json;
    const zone = json === undefined ? undefined : (JSON.parse(json) as { timeZone?: unknown }).timeZone;
    lastZone = typeof zone === 'string' ? zone : 'UTC';
  }
  return lastZone;
}

/**
 * A completed sale or return, inside the transaction that completed it: records what each line cost and
 * adds the document to the report summaries. Called once per document (completion happens once).
 */
export function recordSaleFacts(db: Db, saleId: string): void {
  recordLineCosts(db, saleId);
  const doc = selectFactDoc(db, saleId);
  if (!doc) return;
  addDocumentFacts(
    tableSink(db),
    doc,
    selectFactLines(db, saleId),
    selectFactPayments(db, saleId),
    storeTimeZone(db),
  );
}

const itemsOf = (l: FactLineRow) => (l.measured === 1 ? 1 : l.quantity);

/** Where a document's summary deltas go: straight into the tables, or gathered first by a bulk load. */
export interface FactSink {
  lineHour(d: LineHourDelta): void;
  docHour(d: DocHourDelta): void;
  productDay(d: ProductDayDelta): void;
  productMonth(d: ProductDayDelta & { month: number }): void;
  paymentHour(d: PaymentHourDelta): void;
}

/** Each delta upserted at once, in the caller's transaction: what a completing sale does. */
export function tableSink(db: Db): FactSink {
  return {
    lineHour: (d) => {
      addLineHour(db, d);
    },
    docHour: (d) => {
      addDocHour(db, d);
    },
    productDay: (d) => {
      addProductDay(db, d);
    },
    productMonth: (d) => {
      addProductMonth(db, d);
    },
    paymentHour: (d) => {
      addPaymentHour(db, d);
    },
  };
}

/** Adds one completed document to every summary (through `sink`: see tableSink and the bulk loader). */
export function addDocumentFacts(
  sink: FactSink,
  doc: FactDocRow,
  lines: readonly FactLineRow[],
  payments: readonly FactPaymentRow[],
  timeZone: string,
): void {
  const hour = localHourOf(doc.completed_at, timeZone);
  const day = Math.floor(hour / 24);
  const who = { tillId: doc.till_id, staffId: doc.staff_id, kind: doc.kind };
  const groups = new Map<string, LineHourDelta>();
  const products = new Map<string, ProductDayDelta>();
  // The document counts once per category: in the group of its first line there, 0 in the category's
  // other tax rates, so a category filter summing `docs` counts each sale once.
  const countedCategories = new Set<string>();
  for (const l of lines) {
    const key = `${l.category_id}|${l.tax_rate_bp}`;
    const firstInCategory = !countedCategories.has(l.category_id);
    countedCategories.add(l.category_id);
    const g = groups.get(key) ?? {
      hour,
      ...who,
      docs: firstInCategory ? 1 : 0,
      categoryId: l.category_id,
      taxRateBp: l.tax_rate_bp,
      lines: 0,
      items: 0,
      grossMinor: 0,
      promotionDiscountMinor: 0,
      lineDiscountMinor: 0,
      saleDiscountMinor: 0,
      netMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      costMinor: 0,
    };
    g.lines += 1;
    g.items += itemsOf(l);
    g.grossMinor += l.gross_minor;
    g.promotionDiscountMinor += l.promotion_discount_minor;
    g.lineDiscountMinor += l.line_discount_minor;
    g.saleDiscountMinor += l.sale_discount_minor;
    g.netMinor += l.net_minor;
    g.taxMinor += l.tax_minor;
    g.totalMinor += l.total_minor;
    g.costMinor += l.cost_minor;
    groups.set(key, g);
    const p = products.get(l.product_id) ?? {
      day,
      ...who,
      productId: l.product_id,
      categoryId: l.category_id,
      lines: 0,
      quantity: 0,
      grossMinor: 0,
      discountMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
      costMinor: 0,
    };
    p.lines += 1;
    p.quantity += l.quantity;
    p.grossMinor += l.gross_minor;
    p.discountMinor += l.promotion_discount_minor + l.line_discount_minor + l.sale_discount_minor;
    p.taxMinor += l.tax_minor;
    p.totalMinor += l.total_minor;
    p.costMinor += l.cost_minor;
    products.set(l.product_id, p);
  }
  for (const g of groups.values()) sink.lineHour(g);
  const month = monthOfDay(day);
  for (const p of products.values()) {
    sink.productDay(p);
    sink.productDay({ ...p, tillId: ALL, staffId: ALL });
    sink.productMonth({ ...p, month });
    sink.productMonth({ ...p, month, tillId: ALL, staffId: ALL });
  }
  const sum = (f: (l: FactLineRow) => number) => lines.reduce((n, l) => n + f(l), 0);
  sink.docHour({
    hour,
    ...who,
    docs: 1,
    lines: lines.length,
    items: sum(itemsOf),
    grossMinor: sum((l) => l.gross_minor),
    discountMinor: sum((l) => l.promotion_discount_minor + l.line_discount_minor + l.sale_discount_minor),
    taxMinor: sum((l) => l.tax_minor),
    totalMinor: doc.total_minor,
    costMinor: sum((l) => l.cost_minor),
    roundingMinor: doc.rounding_minor,
  });
  const tenders = new Map<
    string,
    { tenderKind: string; direction: string; payments: number; amountMinor: number; tenderId: string }
  >();
  for (const p of payments) {
    const key = `${p.tender_id}|${p.direction}`;
    const t = tenders.get(key) ?? {
      tenderId: p.tender_id,
      tenderKind: p.tender_kind,
      direction: p.direction,
      payments: 0,
      amountMinor: 0,
    };
    t.payments += 1;
    t.amountMinor += p.amount_minor;
    tenders.set(key, t);
  }
  for (const t of tenders.values())
    sink.paymentHour({ hour, tillId: doc.till_id, staffId: doc.staff_id, ...t });
}

/**
 * Refills the summaries from every completed document (the first start after 060_reports on a store that
 * had already sold). Runs in the caller's transaction.
 */
export function rebuildReportFacts(db: Db): number {
  clearReportFacts(db);
  const zone = storeTimeZone(db);
  const ids = completedDocIds(db);
  const sink = tableSink(db);
  for (const id of ids) {
    const doc = selectFactDoc(db, id);
    if (doc) addDocumentFacts(sink, doc, selectFactLines(db, id), selectFactPayments(db, id), zone);
  }
  markReportsBuilt(db);
  return ids.length;
}
