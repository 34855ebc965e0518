// A year of a busy store for the reports benchmark: completed sales (and a few returns) written straight
// into sales, sale_lines and payments in big transactions, each document added to the report summaries by
// the same function the sale completion calls (addDocumentFacts), so the summaries are what a year of
// real selling would leave. Popular products sell far more often than the tail (Zipf-like), mornings and
// evenings are busier, Saturdays busiest.
import type { Db } from '../../hub/db/connection.js';
import { stmt } from '../../hub/db/catalog-queries.js';
import type { FactLineRow } from '../../hub/db/reports-facts-queries.js';
import { newId } from '../../hub/ids.js';
import { utcStartOfDay } from '../../hub/services/reports/local-time.js';
import { addDocumentFacts } from '../../hub/services/reports/sale-facts.js';
import { prng } from '../demo/catalog-seed.js';
import { BatchedFacts } from './fact-batch.js';

export interface YearOptions {
  /** Sale lines to write (returns come on top, about 1 %). */
  lines: number;
  /** The first and last local day numbers. */
  fromDay: number;
  toDay: number;
  timeZone: string;
  tills: { tillId: string; staffIds: string[] }[];
  tenders: { id: string; kind: string }[];
  onDay?: (day: number, lines: number) => void;
}

interface Product {
  id: string;
  sku: string;
  name: string;
  price: number;
  cost: number;
  categoryId: string;
  taxClassId: string;
  rateBp: number;
}

// Share of a day's sales per local hour from 08 to 20.
const HOUR_WEIGHTS = [3, 6, 8, 9, 11, 10, 7, 7, 9, 12, 13, 9, 5];
// Lines per sale: 1 + floor(u * u * 13.5) averages about 3.9 (measured); the daily sales count is sized with it so a
// year holds about the lines asked for.
const MAX_EXTRA_LINES = 13.5;
const AVERAGE_LINES = 3.9;
const SALES_PER_TRANSACTION = 2000;

function loadProducts(db: Db): Product[] {
  return db
    .prepare<[], Product>(
      `SELECT p.id, p.sku, p.name, p.price_minor AS price, p.cost_minor AS cost,
              coalesce(p.category_id, '') AS categoryId, p.tax_class_id AS taxClassId, t.rate_bp AS rateBp
         FROM products p JOIN tax_classes t ON t.id = p.tax_class_id WHERE p.active = 1 ORDER BY p.num`,
    )
    .all();
}

/** Writes the year; returns how many lines and documents it wrote. */
export function generateYear(
  db: Db,
  options: YearOptions,
): { lines: number; sales: number; returns: number } {
  const products = loadProducts(db);
  if (products.length === 0) throw new Error('the catalog is empty');
  const rand = prng(2026);
  const unit = () => rand() / 4294967296;
  // Zipf-like: index = n * u^3 puts most picks on the first products.
  const pickProduct = () => products[Math.floor(products.length * unit() ** 3)]!;
  const days = options.toDay - options.fromDay + 1;
  const salesPerDay = options.lines / AVERAGE_LINES / days;
  const receipt = new Map<string, number>();
  const recent: {
    saleId: string;
    line: Product & { lineId: string; quantity: number; total: number; tax: number; costMinor: number };
    tillId: string;
    staffId: string;
  }[] = [];
  let lines = 0;
  let sales = 0;
  let returns = 0;
  let pending = 0;
  const facts = new BatchedFacts();
  // Secondary indexes of the document tables are built once after the load, as a bulk import does.
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('sales', 'sale_lines', 'payments')`,
    )
    .all();
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  db.exec('BEGIN');
  try {
    for (let day = options.fromDay; day <= options.toDay; day++) {
      const weekday = (day + 4) % 7; // 0 = Sunday
      const factor = weekday === 6 ? 1.35 : weekday === 0 ? 0.7 : 1;
      const count = Math.round(salesPerDay * factor * (0.9 + 0.2 * unit()));
      const dayStart = Date.parse(utcStartOfDay(day, options.timeZone));
      const weightSum = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
      const stamps: number[] = [];
      for (let h = 0; h < HOUR_WEIGHTS.length; h++) {
        const inHour = Math.round((count * HOUR_WEIGHTS[h]!) / weightSum);
        for (let i = 0; i < inHour; i++)
          stamps.push(dayStart + (8 + h) * 3_600_000 + Math.floor(unit() * 3_600_000));
      }
      stamps.sort((a, b) => a - b);
      for (const at of stamps) {
        const till = options.tills[Math.floor(unit() * options.tills.length)]!;
        const staffId = till.staffIds[Math.floor(unit() * till.staffIds.length)]!;
        const n = 1 + Math.floor(unit() * unit() * MAX_EXTRA_LINES);
        const written = writeSale(db, options, {
          facts,
          at,
          tillId: till.tillId,
          staffId,
          n,
          pickProduct,
          unit,
          receipt,
          recent,
        });
        lines += written;
        sales++;
        pending++;
        // About one sale in a hundred comes back within a few days, one line of it.
        if (unit() < 0.01 && recent.length > 50) {
          writeReturn(db, options, facts, recent[Math.floor(unit() * recent.length)]!, at, receipt);
          returns++;
        }
        if (pending >= SALES_PER_TRANSACTION) {
          db.exec('COMMIT');
          db.exec('BEGIN');
          pending = 0;
        }
      }
      facts.flush(db);
      options.onDay?.(day, lines);
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  } finally {
    for (const index of indexes) db.exec(index.sql);
  }
  return { lines, sales, returns };
}

interface SaleContext {
  facts: BatchedFacts;
  at: number;
  tillId: string;
  staffId: string;
  n: number;
  pickProduct: () => Product;
  unit: () => number;
  receipt: Map<string, number>;
  recent: {
    saleId: string;
    line: Product & { lineId: string; quantity: number; total: number; tax: number; costMinor: number };
    tillId: string;
    staffId: string;
  }[];
}

/** Inclusive tax in a gross amount, halves away from zero (amounts are positive). */
const taxOf = (total: number, rateBp: number) =>
  Math.floor((total * rateBp * 2 + (10_000 + rateBp)) / (2 * (10_000 + rateBp)));

function nextReceipt(receipt: Map<string, number>, tillId: string): number {
  const n = (receipt.get(tillId) ?? 0) + 1;
  receipt.set(tillId, n);
  return n;
}

function insertSale(
  db: Db,
  row: {
    id: string;
    kind: 'sale' | 'return';
    tillId: string;
    staffId: string;
    original: string | null;
    subtotal: number;
    discount: number;
    tax: number;
    total: number;
    number: number;
    at: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO sales (id, kind, status, till_id, staff_id, original_sale_id, currency, tax_mode, subtotal_minor,
       discount_minor, tax_minor, rounding_minor, total_minor, receipt_number, receipt_code, request_hash, cart_hash,
       created_at, updated_at, completed_at, completed_by)
     VALUES (@id, @kind, 'completed', @tillId, @staffId, @original, 'DKK', 'inclusive', @subtotal, @discount, @tax, 0,
       @total, @number, @id, 'bench', 'bench', @at, @at, @at, @staffId)`,
  ).run(row);
}

function insertLine(
  db: Db,
  row: {
    id: string;
    saleId: string;
    lineNo: number;
    p: Product;
    quantity: number;
    gross: number;
    discount: number;
    net: number;
    tax: number;
    cost: number;
    original: string | null;
  },
): void {
  stmt(
    db,
    `INSERT INTO sale_lines (id, sale_id, line_no, status, product_id, sku, name, quantity, measured, unit_price_minor,
       catalog_price_minor, gross_minor, line_discount_minor, sale_discount_minor, net_minor, tax_class_id, tax_rate_bp,
       tax_minor, total_minor, original_line_id, unit_cost_minor, cost_minor)
     VALUES (@id, @saleId, @lineNo, 'active', @productId, @sku, @name, @quantity, 0, @price, @price, @gross, @discount, 0,
       @net, @taxClassId, @rateBp, @tax, @net, @original, @unitCost, @cost)`,
  ).run({
    id: row.id,
    saleId: row.saleId,
    lineNo: row.lineNo,
    productId: row.p.id,
    sku: row.p.sku,
    name: row.p.name,
    quantity: row.quantity,
    price: row.p.price,
    gross: row.gross,
    discount: row.discount,
    net: row.net,
    taxClassId: row.p.taxClassId,
    rateBp: row.p.rateBp,
    tax: row.tax,
    original: row.original,
    unitCost: row.p.cost,
    cost: row.cost,
  });
}

function insertPayment(
  db: Db,
  row: {
    saleId: string;
    tender: { id: string; kind: string };
    direction: 'charge' | 'refund';
    amount: number;
    at: string;
  },
): void {
  stmt(
    db,
    `INSERT INTO payments (id, sale_id, tender_id, tender_kind, direction, status, amount_minor, request_hash, created_at,
       updated_at)
     VALUES (@id, @saleId, @tenderId, @tenderKind, @direction, 'approved', @amount, 'bench', @at, @at)`,
  ).run({
    id: newId(),
    saleId: row.saleId,
    tenderId: row.tender.id,
    tenderKind: row.tender.kind,
    direction: row.direction,
    amount: row.amount,
    at: row.at,
  });
}

function writeSale(db: Db, options: YearOptions, c: SaleContext): number {
  const saleId = newId();
  const at = new Date(c.at).toISOString();
  const facts: FactLineRow[] = [];
  const pendingLines: Parameters<typeof insertLine>[1][] = [];
  let subtotal = 0;
  let discount = 0;
  let tax = 0;
  let total = 0;
  for (let i = 0; i < c.n; i++) {
    const p = c.pickProduct();
    const quantity = c.unit() < 0.8 ? 1 : 2 + Math.floor(c.unit() * 3);
    const gross = p.price * quantity;
    const lineDiscount = c.unit() < 0.05 ? Math.round(gross / 10) : 0;
    const net = gross - lineDiscount;
    const lineTax = taxOf(net, p.rateBp);
    const cost = p.cost * quantity;
    const lineId = newId();
    pendingLines.push({
      id: lineId,
      saleId,
      lineNo: i + 1,
      p,
      quantity,
      gross,
      discount: lineDiscount,
      net,
      tax: lineTax,
      cost,
      original: null,
    });
    facts.push({
      product_id: p.id,
      category_id: p.categoryId,
      measured: 0,
      quantity,
      gross_minor: gross,
      promotion_discount_minor: 0,
      line_discount_minor: lineDiscount,
      sale_discount_minor: 0,
      net_minor: net,
      tax_rate_bp: p.rateBp,
      tax_minor: lineTax,
      total_minor: net,
      cost_minor: cost,
    });
    subtotal += gross;
    discount += lineDiscount;
    tax += lineTax;
    total += net;
    if (i === 0 && c.unit() < 0.02) {
      c.recent.push({
        saleId,
        line: { ...p, lineId, quantity, total: net, tax: lineTax, costMinor: cost },
        tillId: c.tillId,
        staffId: c.staffId,
      });
      if (c.recent.length > 500) c.recent.shift();
    }
  }
  const number = nextReceipt(c.receipt, c.tillId);
  insertSale(db, {
    id: saleId,
    kind: 'sale',
    tillId: c.tillId,
    staffId: c.staffId,
    original: null,
    subtotal,
    discount,
    tax,
    total,
    number,
    at,
  });
  for (const row of pendingLines) insertLine(db, row);
  const tender = options.tenders[c.unit() < 0.7 ? 1 % options.tenders.length : 0]!;
  insertPayment(db, { saleId, tender, direction: 'charge', amount: total, at });
  addDocumentFacts(
    c.facts,
    {
      id: saleId,
      kind: 'sale',
      till_id: c.tillId,
      staff_id: c.staffId,
      completed_at: at,
      total_minor: total,
      rounding_minor: 0,
    },
    facts,
    [{ tender_id: tender.id, tender_kind: tender.kind, direction: 'charge', amount_minor: total }],
    options.timeZone,
  );
  return c.n;
}

function writeReturn(
  db: Db,
  options: YearOptions,
  facts: BatchedFacts,
  from: SaleContext['recent'][number],
  at: number,
  receipt: Map<string, number>,
): void {
  const id = newId();
  const iso = new Date(at).toISOString();
  const l = from.line;

  insertSale(db, {
    id,
    kind: 'return',
    tillId: from.tillId,
    staffId: from.staffId,
    original: from.saleId,
    subtotal: l.total,
    discount: 0,
    tax: l.tax,
    total: l.total,
    number: nextReceipt(receipt, from.tillId),
    at: iso,
  });
  insertLine(db, {
    id: newId(),
    saleId: id,
    lineNo: 1,
    p: l,
    quantity: l.quantity,
    gross: l.total,
    discount: 0,
    net: l.total,
    tax: l.tax,
    cost: l.costMinor,
    original: l.lineId,
  });
  const tender = options.tenders[0]!;
  insertPayment(db, { saleId: id, tender, direction: 'refund', amount: l.total, at: iso });
  addDocumentFacts(
    facts,
    {
      id,
      kind: 'return',
      till_id: from.tillId,
      staff_id: from.staffId,
      completed_at: iso,
      total_minor: l.total,
      rounding_minor: 0,
    },
    [
      {
        product_id: l.id,
        category_id: l.categoryId,
        measured: 0,
        quantity: l.quantity,
        gross_minor: l.total,
        promotion_discount_minor: 0,
        line_discount_minor: 0,
        sale_discount_minor: 0,
        net_minor: l.total,
        tax_rate_bp: l.rateBp,
        tax_minor: l.tax,
        total_minor: l.total,
        cost_minor: l.costMinor,
      },
    ],
    [{ tender_id: tender.id, tender_kind: tender.kind, direction: 'refund', amount_minor: l.total }],
    options.timeZone,
  );
}
