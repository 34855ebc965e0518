import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, optionalString, string, type Json } from '../../shared/api/decode.js';
import { filterQuery, type ReportFilter } from './report-filter.js';

// The hub's /reports and /dashboard answers, checked field by field. Money is integer minor units.

/** The integers named by `keys` from an object, typed as a record of them. */
function ints<const K extends string>(value: unknown, keys: readonly K[], what: string): Record<K, number> {
  const o = object(value, what);
  return Object.fromEntries(keys.map((k) => [k, integer(o, k, what)])) as Record<K, number>;
}

const rows = <T>(o: Json, key: string, what: string, decode: (v: unknown) => T): T[] =>
  array(o, key, what).map(decode);

const FIGURES = [
  'sales',
  'returns',
  'items',
  'grossMinor',
  'discountMinor',
  'taxMinor',
  'totalMinor',
  'returnsMinor',
  'costMinor',
  'marginMinor',
] as const;
export type Figures = Record<(typeof FIGURES)[number], number>;
const figures = (v: unknown, what: string): Figures => ints(v, FIGURES, what);

export type Granularity = 'hour' | 'day' | 'week' | 'month' | 'year';

export interface SalesReport {
  previousFrom: string;
  previousTo: string;
  buckets: { key: string; current: Figures; previousKey: string | null; previous: Figures }[];
  totals: Figures;
  previousTotals: Figures;
}

async function get(api: HubApiClient, path: string, signal?: AbortSignal): Promise<Json> {
  return object(await api.request(path, signal ? { signal } : {}), path);
}

export async function salesReport(
  api: HubApiClient,
  filter: ReportFilter,
  granularity: Granularity,
  signal?: AbortSignal,
): Promise<SalesReport> {
  const o = await get(api, `/reports/sales?${filterQuery(filter, { granularity })}`, signal);
  return {
    previousFrom: string(o, 'previousFrom', 'sales'),
    previousTo: string(o, 'previousTo', 'sales'),
    buckets: rows(o, 'buckets', 'sales', (b) => {
      const bo = object(b, 'bucket');
      return {
        key: string(bo, 'key', 'bucket'),
        current: figures(bo.current, 'bucket.current'),
        previousKey: optionalString(bo, 'previousKey', 'bucket'),
        previous: figures(bo.previous, 'bucket.previous'),
      };
    }),
    totals: figures(o.totals, 'sales.totals'),
    previousTotals: figures(o.previousTotals, 'sales.previousTotals'),
  };
}

const PRODUCT_FIGURES = [
  'quantity',
  'returnedQuantity',
  'lines',
  'grossMinor',
  'discountMinor',
  'taxMinor',
  'totalMinor',
  'costMinor',
  'marginMinor',
] as const;
export type ProductRow = Record<(typeof PRODUCT_FIGURES)[number], number> & {
  productId: string;
  sku: string | null;
  name: string | null;
};

export interface ProductsPage {
  items: ProductRow[];
  total: number;
  nextOffset: number | null;
  totals: { products: number; quantity: number; taxMinor: number; totalMinor: number; costMinor: number };
}

export type ProductSort = 'revenue' | 'quantity' | 'margin';

export async function productsReport(
  api: HubApiClient,
  filter: ReportFilter,
  options: { sort: ProductSort; order: 'best' | 'worst'; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<ProductsPage> {
  const o = await get(api, `/reports/products?${filterQuery(filter, options)}`, signal);
  return {
    items: rows(o, 'items', 'products', (v) => {
      const p = object(v, 'product');
      return {
        ...ints(p, PRODUCT_FIGURES, 'product'),
        productId: string(p, 'productId', 'product'),
        sku: optionalString(p, 'sku', 'product'),
        name: optionalString(p, 'name', 'product'),
      };
    }),
    total: integer(o, 'total', 'products'),
    nextOffset: typeof o.nextOffset === 'number' ? o.nextOffset : null,
    totals: ints(
      o.totals,
      ['products', 'quantity', 'taxMinor', 'totalMinor', 'costMinor'],
      'products.totals',
    ),
  };
}

const CATEGORY_FIGURES = [
  'lines',
  'grossMinor',
  'discountMinor',
  'taxMinor',
  'totalMinor',
  'costMinor',
  'marginMinor',
] as const;
export type CategoryRow = Record<(typeof CATEGORY_FIGURES)[number], number> & {
  categoryId: string;
  name: string | null;
};

export async function categoriesReport(
  api: HubApiClient,
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<CategoryRow[]> {
  const o = await get(api, `/reports/categories?${filterQuery(filter)}`, signal);
  return rows(o, 'categories', 'categories', (v) => {
    const c = object(v, 'category');
    return {
      ...ints(c, CATEGORY_FIGURES, 'category'),
      categoryId: string(c, 'categoryId', 'category'),
      name: optionalString(c, 'name', 'category'),
    };
  });
}

const TENDER_FIGURES = ['charges', 'chargeMinor', 'refunds', 'refundMinor', 'netMinor'] as const;
export type TenderRow = Record<(typeof TENDER_FIGURES)[number], number> & {
  tenderId: string;
  name: string;
  tenderKind: string;
};

export async function paymentsReport(
  api: HubApiClient,
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<TenderRow[]> {
  const o = await get(api, `/reports/payments?${filterQuery(filter)}`, signal);
  return rows(o, 'tenders', 'payments', (v) => {
    const t = object(v, 'tender');
    return {
      ...ints(t, TENDER_FIGURES, 'tender'),
      tenderId: string(t, 'tenderId', 'tender'),
      name: string(t, 'name', 'tender'),
      tenderKind: string(t, 'tenderKind', 'tender'),
    };
  });
}

export interface DiscountsReport {
  days: ({ date: string } & Record<
    'promotionMinor' | 'lineMinor' | 'saleMinor' | 'totalMinor' | 'grossMinor',
    number
  >)[];
  totals: Record<'promotionMinor' | 'lineMinor' | 'saleMinor' | 'totalMinor' | 'grossMinor', number>;
  voids: {
    count: number;
    totalMinor: number;
    recent: {
      saleId: string;
      voidedAt: string;
      tillName: string | null;
      staffName: string | null;
      voidedByName: string | null;
      lines: number;
      totalMinor: number;
    }[];
  };
  removedLines: { staffName: string | null; lines: number; grossMinor: number }[];
}

const DISCOUNT_KEYS = ['promotionMinor', 'lineMinor', 'saleMinor', 'totalMinor', 'grossMinor'] as const;

export async function discountsReport(
  api: HubApiClient,
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<DiscountsReport> {
  const o = await get(api, `/reports/discounts?${filterQuery(filter)}`, signal);
  const voids = object(o.voids, 'voids');
  return {
    days: rows(o, 'days', 'discounts', (v) => ({
      ...ints(v, DISCOUNT_KEYS, 'day'),
      date: string(object(v, 'day'), 'date', 'day'),
    })),
    totals: ints(o.totals, DISCOUNT_KEYS, 'discounts.totals'),
    voids: {
      count: integer(voids, 'count', 'voids'),
      totalMinor: integer(voids, 'totalMinor', 'voids'),
      recent: rows(voids, 'recent', 'voids', (v) => {
        const x = object(v, 'void');
        return {
          saleId: string(x, 'saleId', 'void'),
          voidedAt: string(x, 'voidedAt', 'void'),
          tillName: optionalString(x, 'tillName', 'void'),
          staffName: optionalString(x, 'staffName', 'void'),
          voidedByName: optionalString(x, 'voidedByName', 'void'),
          lines: integer(x, 'lines', 'void'),
          totalMinor: integer(x, 'totalMinor', 'void'),
        };
      }),
    },
    removedLines: rows(o, 'removedLines', 'discounts', (v) => {
      const x = object(v, 'removed');
      return {
        staffName: optionalString(x, 'staffName', 'removed'),
        lines: integer(x, 'lines', 'removed'),
        grossMinor: integer(x, 'grossMinor', 'removed'),
      };
    }),
  };
}

export interface RefundsReport {
  days: { date: string; returns: number; totalMinor: number }[];
  reasons: { reason: string; lines: number; quantity: number; totalMinor: number }[];
  tenders: { name: string; refunds: number; amountMinor: number }[];
  totals: { returns: number; totalMinor: number };
}

export async function refundsReport(
  api: HubApiClient,
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<RefundsReport> {
  const o = await get(api, `/reports/refunds?${filterQuery(filter)}`, signal);
  return {
    days: rows(o, 'days', 'refunds', (v) => ({
      ...ints(v, ['returns', 'totalMinor'], 'day'),
      date: string(object(v, 'day'), 'date', 'day'),
    })),
    reasons: rows(o, 'reasons', 'refunds', (v) => ({
      ...ints(v, ['lines', 'quantity', 'totalMinor'], 'reason'),
      reason: string(object(v, 'reason'), 'reason', 'reason'),
    })),
    tenders: rows(o, 'tenders', 'refunds', (v) => ({
      ...ints(v, ['refunds', 'amountMinor'], 'tender'),
      name: string(object(v, 'tender'), 'name', 'tender'),
    })),
    totals: ints(o.totals, ['returns', 'totalMinor'], 'refunds.totals'),
  };
}

const TAX_KEYS = [
  'taxRateBp',
  'salesNetMinor',
  'salesTaxMinor',
  'returnsNetMinor',
  'returnsTaxMinor',
  'netMinor',
  'taxMinor',
  'totalMinor',
] as const;
export type TaxRow = Record<(typeof TAX_KEYS)[number], number>;

export async function taxReport(
  api: HubApiClient,
  filter: ReportFilter,
  signal?: AbortSignal,
): Promise<{ rates: TaxRow[]; totals: Record<'netMinor' | 'taxMinor' | 'totalMinor', number> }> {
  const o = await get(api, `/reports/tax?${filterQuery(filter)}`, signal);
  return {
    rates: rows(o, 'rates', 'tax', (v) => ints(v, TAX_KEYS, 'rate')),
    totals: ints(o.totals, ['netMinor', 'taxMinor', 'totalMinor'], 'tax.totals'),
  };
}

export interface CashSessionRow {
  id: string;
  tillName: string | null;
  status: 'open' | 'closed';
  openedAt: string;
  openedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  floatMinor: number;
  expectedMinor: number | null;
  countedMinor: number | null;
  differenceMinor: number | null;
  zNumber: number | null;
}

const nullableInt = (o: Json, key: string, what: string) => (o[key] === null ? null : integer(o, key, what));

export function decodeCashSession(v: unknown): CashSessionRow {
  const s = object(v, 'session');
  return {
    id: string(s, 'id', 'session'),
    tillName: optionalString(s, 'tillName', 'session'),
    status: s.status === 'open' ? 'open' : 'closed',
    openedAt: string(s, 'openedAt', 'session'),
    openedByName: optionalString(s, 'openedByName', 'session'),
    closedAt: optionalString(s, 'closedAt', 'session'),
    closedByName: optionalString(s, 'closedByName', 'session'),
    floatMinor: integer(s, 'floatMinor', 'session'),
    expectedMinor: nullableInt(s, 'expectedMinor', 'session'),
    countedMinor: nullableInt(s, 'countedMinor', 'session'),
    differenceMinor: nullableInt(s, 'differenceMinor', 'session'),
    zNumber: nullableInt(s, 'zNumber', 'session'),
  };
}

export interface LowStockRow {
  productId: string;
  sku: string;
  name: string;
  onHand: number;
  reorderPoint: number;
}

export function decodeLowStock(v: unknown): LowStockRow {
  const p = object(v, 'low stock');
  return {
    productId: string(p, 'productId', 'low stock'),
    sku: string(p, 'sku', 'low stock'),
    name: string(p, 'name', 'low stock'),
    onHand: integer(p, 'onHand', 'low stock'),
    reorderPoint: integer(p, 'reorderPoint', 'low stock'),
  };
}

/** Where the browser downloads a report as CSV (a plain link: the session cookie goes with it). */
export function csvHref(
  report: string,
  filter: ReportFilter,
  extra: Record<string, string | number> = {},
): string {
  return `/api/v1/reports/export/${report}?${filterQuery(filter, extra)}`;
}
