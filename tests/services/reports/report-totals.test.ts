import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildReportFacts } from '../../../hub/services/reports/sale-facts.js';
import { generateStore, type GeneratedStore } from './report-store.js';

// Every report total is checked against the documents themselves (sales, sale_lines, payments), which
// the real services wrote; the reports read only their summaries.

const ZONE = 'Europe/Helsinki';
const localDates = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE });
const localDate = (iso: string) => localDates.format(new Date(iso));

interface DocLine {
  id: string;
  sale_id: string;
  kind: 'sale' | 'return';
  till_id: string;
  staff_id: string;
  completed_at: string;
  product_id: string;
  category_id: string | null;
  quantity: number;
  measured: number;
  gross_minor: number;
  discount_minor: number;
  tax_rate_bp: number;
  tax_minor: number;
  total_minor: number;
  cost_minor: number;
}

describe('reports agree with the sales to the minor unit', () => {
  let s: GeneratedStore;
  let lines: DocLine[];
  let range: { from: string; to: string };

  beforeAll(async () => {
    s = await generateStore(35);
    lines = s.f.ctx.db
      .prepare<[], DocLine>(
        `SELECT l.id, l.sale_id, s.kind, s.till_id, s.staff_id, s.completed_at, l.product_id, p.category_id,
                l.quantity, l.measured, l.gross_minor,
                l.promotion_discount_minor + l.line_discount_minor + l.sale_discount_minor AS discount_minor,
                l.tax_rate_bp, l.tax_minor, l.total_minor, l.cost_minor
           FROM sale_lines l JOIN sales s ON s.id = l.sale_id JOIN products p ON p.id = l.product_id
          WHERE s.status = 'completed' AND l.status = 'active'`,
      )
      .all();
    range = { from: s.firstDate, to: s.lastDate };
  }, 120_000);
  afterAll(() => {
    s.close();
  });

  const signed = (l: DocLine, v: number) => (l.kind === 'sale' ? v : -v);
  const sum = (rows: DocLine[], f: (l: DocLine) => number) => rows.reduce((n, l) => n + signed(l, f(l)), 0);
  const docs = (kind: string, where = '') =>
    s.f.ctx.db
      .prepare<[], { n: number; total: number; rounding: number }>(
        `SELECT count(*) AS n, coalesce(sum(total_minor), 0) AS total, coalesce(sum(rounding_minor), 0) AS rounding
           FROM sales WHERE status = 'completed' AND kind = '${kind}' ${where}`,
      )
      .get()!;

  it('generated a real mix: returns, voids, removed lines, several rates, tenders and tills', () => {
    expect(lines.length).toBeGreaterThan(150);
    expect(docs('return').n).toBeGreaterThan(3);
    expect(new Set(lines.map((l) => l.tax_rate_bp)).size).toBe(3);
    expect(new Set(lines.map((l) => l.till_id)).size).toBe(2);
    expect(lines.some((l) => l.measured === 1)).toBe(true);
    const voided = s.f.ctx.db.prepare("SELECT count(*) AS n FROM sales WHERE status = 'voided'").get() as {
      n: number;
    };
    expect(voided.n).toBeGreaterThan(0);
  });

  it('records each line at the cost it had when sold, also after the cost changed', () => {
    for (const l of lines)
      expect({ id: l.id, cost: l.cost_minor }).toEqual({ id: l.id, cost: s.lineCosts.get(l.id) });
  });

  it('sales by day, week, month, year and hour all total the documents', () => {
    const expected = {
      sales: docs('sale').n,
      returns: docs('return').n,
      totalMinor: docs('sale').total - docs('return').total,
      returnsMinor: docs('return').total,
      taxMinor: sum(lines, (l) => l.tax_minor),
      grossMinor: sum(lines, (l) => l.gross_minor),
      discountMinor: sum(lines, (l) => l.discount_minor),
      costMinor: sum(lines, (l) => l.cost_minor),
      marginMinor: sum(lines, (l) => l.total_minor - l.tax_minor - l.cost_minor),
    };
    for (const g of ['hour', 'day', 'week', 'month', 'year'] as const) {
      const report = s.reports.sales(range, g);
      expect(report.totals).toMatchObject(expected);
      const bucketSum = report.buckets.reduce((n, b) => n + b.current.totalMinor, 0);
      expect(bucketSum).toBe(expected.totalMinor);
    }
  });

  it('each day is that local day of the documents, and the day before compares with the previous period', () => {
    const report = s.reports.sales(range, 'day');
    for (const bucket of report.buckets) {
      const ofDay = lines.filter((l) => localDate(l.completed_at) === bucket.key);
      expect({ day: bucket.key, total: bucket.current.totalMinor }).toEqual({
        day: bucket.key,
        total: sum(ofDay, (l) => l.total_minor),
      });
    }
    const second = report.buckets[1]!.key;
    const one = s.reports.sales({ from: second, to: second }, 'hour');
    expect(one.previousFrom).toBe(report.buckets[0]!.key);
    expect(one.previousTotals.totalMinor).toBe(report.buckets[0]!.current.totalMinor);
  });

  it('till, staff and category filters give the matching documents', () => {
    for (const till of s.tills) {
      const r = s.reports.sales({ ...range, tillId: till.id }, 'day');
      expect(r.totals.totalMinor).toBe(
        sum(
          lines.filter((l) => l.till_id === till.id),
          (l) => l.total_minor,
        ),
      );
    }
    const staffId = s.f.people.supervisorId;
    const byStaff = s.reports.sales({ ...range, staffId }, 'week');
    expect(byStaff.totals.totalMinor).toBe(
      sum(
        lines.filter((l) => l.staff_id === staffId),
        (l) => l.total_minor,
      ),
    );
    for (const [name, categoryId] of s.categories) {
      const of = lines.filter((l) => l.category_id === categoryId);
      const r = s.reports.sales({ ...range, categoryId }, 'month');
      // Each document counts once however many of its lines (at however many tax rates) are in the category.
      const documents = (kind: string) =>
        new Set(of.filter((l) => l.kind === kind).map((l) => l.sale_id)).size;
      expect({
        name,
        total: r.totals.totalMinor,
        cost: r.totals.costMinor,
        sales: r.totals.sales,
        returns: r.totals.returns,
      }).toEqual({
        name,
        total: sum(of, (l) => l.total_minor),
        cost: sum(of, (l) => l.cost_minor),
        sales: documents('sale'),
        returns: documents('return'),
      });
    }
  });

  it('best and worst sellers, with margin, add up to the sales and rank correctly', () => {
    const best = s.reports.products(range, 'revenue', 'best', 500, 0);
    expect(best.items.reduce((n, p) => n + p.totalMinor, 0)).toBe(sum(lines, (l) => l.total_minor));
    expect(best.totals.totalMinor).toBe(sum(lines, (l) => l.total_minor));
    for (const p of best.items) {
      const of = lines.filter((l) => l.product_id === p.productId);
      expect(p).toMatchObject({
        quantity: sum(of, (l) => l.quantity),
        totalMinor: sum(of, (l) => l.total_minor),
        taxMinor: sum(of, (l) => l.tax_minor),
        costMinor: sum(of, (l) => l.cost_minor),
        marginMinor: sum(of, (l) => l.total_minor - l.tax_minor - l.cost_minor),
      });
    }
    const revenue = best.items.map((p) => p.totalMinor - p.taxMinor);
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
    const worst = s.reports.products(range, 'revenue', 'worst', 2, 0);
    expect(worst.items.map((p) => p.productId)).toEqual(
      best.items
        .slice(-2)
        .reverse()
        .map((p) => p.productId),
    );
    expect(worst.nextOffset).toBe(2);
    const past = s.reports.products(range, 'revenue', 'best', 10, 10_000);
    expect(past).toMatchObject({ items: [], total: best.total, totals: best.totals, nextOffset: null });
    const tillId = s.tills[1]!.id;
    const atTill = s.reports.products({ ...range, tillId }, 'quantity', 'best', 500, 0);
    expect(atTill.totals.totalMinor).toBe(
      sum(
        lines.filter((l) => l.till_id === tillId),
        (l) => l.total_minor,
      ),
    );
  });

  it('ranks from whole months and loose days alike', () => {
    expect(range.from).toBe('2026-06-01');
    expect(range.to > '2026-07-01').toBe(true);
    const spans = [
      { from: '2026-06-01', to: '2026-06-30' },
      { from: '2026-06-10', to: '2026-07-03' },
      { from: '2026-06-01', to: range.to },
    ];
    for (const span of spans) {
      const of = lines.filter((l) => {
        const date = localDate(l.completed_at);
        return date >= span.from && date <= span.to;
      });
      const report = s.reports.products(span, 'margin', 'best', 500, 0);
      expect({ span, total: report.totals.totalMinor, cost: report.totals.costMinor }).toEqual({
        span,
        total: sum(of, (l) => l.total_minor),
        cost: sum(of, (l) => l.cost_minor),
      });
      const margins = report.items.map((p) => p.marginMinor);
      expect(margins).toEqual([...margins].sort((a, b) => b - a));
      const cats = s.reports.categories(span);
      expect(cats.totals.totalMinor).toBe(sum(of, (l) => l.total_minor));
    }
  });

  it('categories, tax rates and tenders total the documents', () => {
    const cats = s.reports.categories(range);
    expect(cats.totals.totalMinor).toBe(sum(lines, (l) => l.total_minor));
    for (const c of cats.categories) {
      const of = lines.filter((l) => (l.category_id ?? '') === c.categoryId);
      expect(c.marginMinor).toBe(sum(of, (l) => l.total_minor - l.tax_minor - l.cost_minor));
    }
    const tax = s.reports.tax(range);
    for (const rate of tax.rates) {
      const of = lines.filter((l) => l.tax_rate_bp === rate.taxRateBp);
      expect(rate).toMatchObject({
        taxMinor: sum(of, (l) => l.tax_minor),
        totalMinor: sum(of, (l) => l.total_minor),
      });
    }
    expect(tax.totals.taxMinor).toBe(sum(lines, (l) => l.tax_minor));
    const pay = s.reports.payments(range);
    const paid = s.f.ctx.db
      .prepare<[], { tender_id: string; net: number }>(
        `SELECT p.tender_id, sum(CASE p.direction WHEN 'charge' THEN p.amount_minor ELSE -p.amount_minor END) AS net
           FROM payments p JOIN sales s ON s.id = p.sale_id
          WHERE p.status = 'approved' AND s.status = 'completed' GROUP BY p.tender_id`,
      )
      .all();
    expect(Object.fromEntries(pay.tenders.map((t) => [t.tenderId, t.netMinor]))).toEqual(
      Object.fromEntries(paid.map((p) => [p.tender_id, p.net])),
    );
    // What was paid is the totals plus cash rounding.
    const sales = docs('sale');
    const returns = docs('return');
    expect(pay.totals.netMinor).toBe(sales.total + sales.rounding - returns.total - returns.rounding);
  });

  it('discounts, voids, removed lines and refunds match the documents', () => {
    const d = s.reports.discounts(range);
    expect(d.totals.totalMinor).toBe(
      lines.filter((l) => l.kind === 'sale').reduce((n, l) => n + l.discount_minor, 0),
    );
    const db = s.f.ctx.db;
    const voided = db
      .prepare("SELECT count(*) AS n, sum(total_minor) AS t FROM sales WHERE status = 'voided'")
      .get() as {
      n: number;
      t: number;
    };
    expect(d.voids).toMatchObject({ count: voided.n, totalMinor: voided.t });
    const removed = db.prepare("SELECT count(*) AS n FROM sale_lines WHERE status = 'removed'").get() as {
      n: number;
    };
    expect(d.removedLines.reduce((n, r) => n + r.lines, 0)).toBe(removed.n);
    const r = s.reports.refunds(range);
    expect(r.totals).toEqual({ returns: docs('return').n, totalMinor: docs('return').total });
    expect(r.reasons.reduce((n, x) => n + x.totalMinor, 0)).toBe(docs('return').total);
  });

  it('cash sessions list every drawer opened in the range', () => {
    const sessions = s.reports.cashSessions(range, 50, 0);
    expect(sessions.total).toBe(2);
    expect(sessions.items.every((x) => x.status === 'open')).toBe(true);
  });

  it('a rebuild from the documents gives exactly the summaries kept sale by sale', () => {
    const db = s.f.ctx.db;
    const dump = () =>
      ['report_line_hours', 'report_doc_hours', 'report_product_days', 'report_payment_hours'].map((t) =>
        db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4, 5`).all(),
      );
    const kept = dump();
    db.transaction(() => rebuildReportFacts(db))();
    expect(dump()).toEqual(kept);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => s.reports.sales({ from: range.to, to: range.from }, 'day')).toThrow(/before the start/);
  });
});
