import { stringify } from 'csv-stringify/sync';
import { currencyExponent } from '../../domain/money.js';
import type { ProductSort } from '../../db/reports-queries.js';
import type { Granularity } from './periods.js';
import type { ReportQuery, ReportService } from './report-service.js';

/** Minor units as a plain decimal ("-12.50"), exact: never through a float. */
export function decimalOf(minor: number, exponent: number): string {
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export const REPORT_NAMES = [
  'sales',
  'products',
  'categories',
  'payments',
  'discounts',
  'refunds',
  'tax',
  'cash-sessions',
  'low-stock',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export interface ExportOptions {
  granularity: Granularity;
  sort: ProductSort;
  order: 'best' | 'worst';
  currency: string;
}

type Cell = string | number | null;
type Table = { columns: string[]; rows: Cell[][] };

/** The largest export of a ranked list; a manager who wants more filters by category or till. */
const EXPORT_LIMIT = 100_000;

/** One report as CSV: a header row, then the report's rows; money as decimals of the store currency. */
export function reportCsv(
  reports: ReportService,
  name: ReportName,
  query: ReportQuery,
  options: ExportOptions,
): string {
  const exponent = currencyExponent(options.currency);
  const m = (minor: number | null) => (minor === null ? null : decimalOf(minor, exponent));
  const table = tableOf(reports, name, query, options, m);
  return stringify([table.columns, ...table.rows]);
}

function tableOf(
  reports: ReportService,
  name: ReportName,
  query: ReportQuery,
  options: ExportOptions,
  m: (minor: number | null) => string | null,
): Table {
  switch (name) {
    case 'sales': {
      const r = reports.sales(query, options.granularity);
      return {
        columns: [
          'period',
          'sales',
          'returns',
          'items',
          'gross',
          'discount',
          'tax',
          'total',
          'cost',
          'margin',
          'previous_period',
          'previous_total',
        ],
        rows: r.buckets.map((b) => [
          b.key,
          b.current.sales,
          b.current.returns,
          b.current.items,
          m(b.current.grossMinor),
          m(b.current.discountMinor),
          m(b.current.taxMinor),
          m(b.current.totalMinor),
          m(b.current.costMinor),
          m(b.current.marginMinor),
          b.previousKey,
          m(b.previous.totalMinor),
        ]),
      };
    }
    case 'products': {
      const r = reports.products(query, options.sort, options.order, EXPORT_LIMIT, 0);
      return {
        columns: [
          'sku',
          'name',
          'quantity',
          'returned',
          'gross',
          'discount',
          'tax',
          'total',
          'cost',
          'margin',
        ],
        rows: r.items.map((p) => [
          p.sku,
          p.name,
          p.quantity,
          p.returnedQuantity,
          m(p.grossMinor),
          m(p.discountMinor),
          m(p.taxMinor),
          m(p.totalMinor),
          m(p.costMinor),
          m(p.marginMinor),
        ]),
      };
    }
    case 'categories': {
      const r = reports.categories(query);
      return {
        columns: ['category', 'lines', 'gross', 'discount', 'tax', 'total', 'cost', 'margin'],
        rows: r.categories.map((c) => [
          c.name ?? c.categoryId,
          c.lines,
          m(c.grossMinor),
          m(c.discountMinor),
          m(c.taxMinor),
          m(c.totalMinor),
          m(c.costMinor),
          m(c.marginMinor),
        ]),
      };
    }
    case 'payments': {
      const r = reports.payments(query);
      return {
        columns: ['tender', 'kind', 'payments', 'amount', 'refunds', 'refunded', 'net'],
        rows: r.tenders.map((t) => [
          t.name,
          t.tenderKind,
          t.charges,
          m(t.chargeMinor),
          t.refunds,
          m(t.refundMinor),
          m(t.netMinor),
        ]),
      };
    }
    case 'discounts': {
      const r = reports.discounts(query);
      return {
        columns: ['date', 'promotions', 'line_discounts', 'sale_discounts', 'total', 'gross'],
        rows: r.days.map((d) => [
          d.date,
          m(d.promotionMinor),
          m(d.lineMinor),
          m(d.saleMinor),
          m(d.totalMinor),
          m(d.grossMinor),
        ]),
      };
    }
    case 'refunds': {
      const r = reports.refunds(query);
      return {
        columns: ['date', 'returns', 'total'],
        rows: r.days.map((d) => [d.date, d.returns, m(d.totalMinor)]),
      };
    }
    case 'tax': {
      const r = reports.tax(query);
      return {
        columns: [
          'rate_percent',
          'sales_net',
          'sales_tax',
          'returns_net',
          'returns_tax',
          'net',
          'tax',
          'total',
        ],
        rows: r.rates.map((t) => [
          decimalOf(t.taxRateBp, 2),
          m(t.salesNetMinor),
          m(t.salesTaxMinor),
          m(t.returnsNetMinor),
          m(t.returnsTaxMinor),
          m(t.netMinor),
          m(t.taxMinor),
          m(t.totalMinor),
        ]),
      };
    }
    case 'cash-sessions': {
      const r = reports.cashSessions(query, EXPORT_LIMIT, 0);
      return {
        columns: [
          'till',
          'status',
          'opened_at',
          'opened_by',
          'closed_at',
          'closed_by',
          'float',
          'expected',
          'counted',
          'difference',
          'z_number',
        ],
        rows: r.items.map((s) => [
          s.tillName ?? s.tillId,
          s.status,
          s.openedAt,
          s.openedByName ?? s.openedBy,
          s.closedAt,
          s.closedByName,
          m(s.floatMinor),
          m(s.expectedMinor),
          m(s.countedMinor),
          m(s.differenceMinor),
          s.zNumber,
        ]),
      };
    }
    case 'low-stock': {
      const r = reports.lowStock(query.categoryId ?? null, EXPORT_LIMIT, 0);
      return {
        columns: ['sku', 'name', 'on_hand', 'reorder_point'],
        rows: r.items.map((p) => [p.sku, p.name, p.onHand, p.reorderPoint]),
      };
    }
  }
}
