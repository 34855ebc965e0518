import type { HubApiClient } from './client.js';
import { array, integer, object, oneOf, optionalString, string, type Json } from './decode.js';

/**
 * The selling calls the till makes: catalog search and scan lookup, the sale (create, replace the cart,
 * read), payments, completion, tenders and the till's cash session. Only the fields the till shows are
 * decoded; every figure is the hub's.
 */

export interface ProductHit {
  id: string;
  sku: string;
  name: string;
  priceMinor: number;
  weighed: boolean;
  barcode: string | null;
}

export type LookupResult =
  | {
      status: 'found';
      scan: 'gtin' | 'embedded' | 'gs1' | 'code';
      code: string;
      product: ProductHit;
      /** A price or weight label (or GS1 AI): the line carries the scanned code and no quantity. */
      label: boolean;
      needsWeight: boolean;
    }
  | { status: 'not_found'; code: string }
  | { status: 'invalid'; reason: string };

/** A discount as the hub takes and shows it: an amount in minor units, or basis points (1250 = 12.5 %). */
export type Discount = { kind: 'amount'; amountMinor: number } | { kind: 'percent'; bp: number };

export interface SaleLineView {
  id: string;
  status: 'active' | 'removed';
  productId: string;
  name: string;
  quantity: number;
  measured: boolean;
  unitPriceMinor: number;
  totalMinor: number;
  /** The catalog's price when the line was added; differs from unitPriceMinor after a price override. */
  catalogPriceMinor: number;
  discount: Discount | null;
  discountReason: string | null;
  /** What the hub took off this line for its own discount, and its share of the sale discount. */
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  note: string;
  /** Taken off the line: promotions, its own discount and its share of a sale discount. */
  discountMinor: number;
  /** The promotions that applied to this line and what each took off. */
  promotions: { name: string; discountMinor: number }[];
}

export interface SaleTotals {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  roundingMinor: number;
  toPayMinor: number;
  paidMinor: number;
  pendingMinor: number;
  dueMinor: number;
  changeMinor: number;
}

export type PaymentStatus = 'pending' | 'approved' | 'declined' | 'cancelled' | 'unknown';

export interface PaymentView {
  id: string;
  tenderId: string;
  tenderKind: string;
  status: PaymentStatus;
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number;
  /** Why a card was declined or cancelled, as the terminal put it (English). */
  reason: string | null;
}

export interface SaleView {
  id: string;
  status: 'open' | 'parked' | 'completed' | 'voided';
  version: number;
  currency: string;
  lines: SaleLineView[];
  totals: SaleTotals;
  payments: PaymentView[];
  receipt: { number: number; code: string } | null;
  saleDiscount: Discount | null;
  saleDiscountReason: string | null;
  note: string;
  customerId: string | null;
  updatedAt: string;
  /** The promotions that applied and what each took off the sale. */
  promotions: { name: string; discountMinor: number }[];
  /** Coupon codes entered on the sale (trimmed, upper case). */
  couponCodes: string[];
}

export interface CartLineInput {
  id: string;
  productId: string;
  quantity?: number;
  scannedCode?: string;
  weightSource?: 'scale' | 'manual';
  unitPriceMinor?: number;
  discount?: Discount;
  discountReason?: string;
  note?: string;
}

/** The whole cart as the till sends it: the hub replaces what it holds with exactly this. */
export interface CartInput {
  lines: CartLineInput[];
  saleDiscount?: Discount;
  saleDiscountReason?: string;
  note?: string;
  customerId?: string;
  /** Every code on the sale; left out, the hub keeps the codes it has. */
  couponCodes?: string[];
}

export interface Tender {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
}

/** A product as search, lookup, the category grid and the favourites give it. */
export function productHit(o: Json, what: string): ProductHit {
  const barcodes: readonly unknown[] = Array.isArray(o.barcodes) ? (o.barcodes as unknown[]) : [];
  const first: unknown = barcodes[0];
  const shown =
    typeof first === 'object' && first !== null ? (first as Record<string, unknown>).display : undefined;
  const display = typeof shown === 'string' ? shown : null;
  return {
    id: string(o, 'id', what),
    sku: string(o, 'sku', what),
    name: string(o, 'name', what),
    priceMinor: integer(o, 'priceMinor', what),
    weighed: o.weighed === true,
    barcode: display,
  };
}

export async function searchProducts(
  api: HubApiClient,
  query: string,
  signal?: AbortSignal,
  limit = 20,
): Promise<ProductHit[]> {
  const params = new URLSearchParams({ q: query, limit: String(limit) });
  const o = object(await api.request(`/products?${params.toString()}`, signal ? { signal } : {}), 'products');
  return array(o, 'items', 'products').map((item) => productHit(object(item, 'product'), 'product'));
}

export async function lookupCode(api: HubApiClient, code: string): Promise<LookupResult> {
  const o = object(
    await api.request(`/products/lookup?${new URLSearchParams({ code }).toString()}`),
    'lookup',
  );
  const status = oneOf(o, 'status', ['found', 'not_found', 'invalid'], 'lookup');
  switch (status) {
    case 'found': {
      const scan = oneOf(o, 'scan', ['gtin', 'embedded', 'gs1', 'code'], 'lookup');
      const label = typeof o.embeddedPriceMinor === 'number' || typeof o.weightGrams === 'number';
      return {
        status,
        scan,
        code: string(o, 'code', 'lookup'),
        product: productHit(object(o.product, 'lookup.product'), 'lookup.product'),
        label,
        needsWeight: o.needsWeight === true,
      };
    }
    case 'not_found':
      return { status, code: string(o, 'code', 'lookup') };
    case 'invalid':
      return { status, reason: string(o, 'reason', 'lookup') };
  }
}

function discount(value: unknown, what: string): Discount | null {
  if (value === null || value === undefined) return null;
  const d = object(value, what);
  return oneOf(d, 'kind', ['amount', 'percent'], what) === 'amount'
    ? { kind: 'amount', amountMinor: integer(d, 'amountMinor', what) }
    : { kind: 'percent', bp: integer(d, 'bp', what) };
}

function saleLine(o: Json): SaleLineView {
  return {
    id: string(o, 'id', 'line'),
    status: oneOf(o, 'status', ['active', 'removed'], 'line'),
    productId: string(o, 'productId', 'line'),
    name: string(o, 'name', 'line'),
    quantity: integer(o, 'quantity', 'line'),
    measured: o.measured === true,
    unitPriceMinor: integer(o, 'unitPriceMinor', 'line'),
    totalMinor: integer(o, 'totalMinor', 'line'),
    catalogPriceMinor: integer(o, 'catalogPriceMinor', 'line'),
    discount: discount(o.discount, 'line.discount'),
    discountReason: optionalString(o, 'discountReason', 'line'),
    lineDiscountMinor: integer(o, 'lineDiscountMinor', 'line'),
    saleDiscountMinor: integer(o, 'saleDiscountMinor', 'line'),
    note: optionalString(o, 'note', 'line') ?? '',
    discountMinor:
      optionalInteger(o, 'promotionDiscountMinor') +
      integer(o, 'lineDiscountMinor', 'line') +
      integer(o, 'saleDiscountMinor', 'line'),
    promotions: promotionsOf(o.promotions),
  };
}

function optionalInteger(o: Json, key: string): number {
  return o[key] === undefined ? 0 : integer(o, key, 'line');
}

/** A hub before promotions sends none: an absent list is an empty one. */
function promotionsOf(value: unknown): { name: string; discountMinor: number }[] {
  return (Array.isArray(value) ? (value as unknown[]) : []).map((p) => {
    const promotion = object(p, 'promotion');
    return {
      name: string(promotion, 'name', 'promotion'),
      discountMinor: integer(promotion, 'discountMinor', 'promotion'),
    };
  });
}

export function decodePayment(o: Json): PaymentView {
  const tendered = o.tenderedMinor;
  return {
    id: string(o, 'id', 'payment'),
    tenderId: string(o, 'tenderId', 'payment'),
    tenderKind: string(o, 'tenderKind', 'payment'),
    status: oneOf(o, 'status', ['pending', 'approved', 'declined', 'cancelled', 'unknown'], 'payment'),
    amountMinor: integer(o, 'amountMinor', 'payment'),
    tenderedMinor: typeof tendered === 'number' ? tendered : null,
    changeMinor: integer(o, 'changeMinor', 'payment'),
    reason: optionalString(o, 'reason', 'payment'),
  };
}

const TOTALS = [
  'subtotalMinor',
  'discountMinor',
  'taxMinor',
  'totalMinor',
  'roundingMinor',
  'toPayMinor',
  'paidMinor',
  'pendingMinor',
  'dueMinor',
  'changeMinor',
] as const;

export function decodeSale(value: unknown): SaleView {
  const o = object(value, 'sale');
  const t = object(o.totals, 'sale.totals');
  const totals = Object.fromEntries(TOTALS.map((k) => [k, integer(t, k, 'sale.totals')])) as Record<
    (typeof TOTALS)[number],
    number
  >;
  const receipt = o.receipt === null || o.receipt === undefined ? null : object(o.receipt, 'sale.receipt');
  return {
    id: string(o, 'id', 'sale'),
    status: oneOf(o, 'status', ['open', 'parked', 'completed', 'voided'], 'sale'),
    version: integer(o, 'version', 'sale'),
    currency: string(o, 'currency', 'sale'),
    lines: array(o, 'lines', 'sale').map((l) => saleLine(object(l, 'sale.line'))),
    totals,
    payments: array(o, 'payments', 'sale').map((p) => decodePayment(object(p, 'sale.payment'))),
    receipt:
      receipt === null
        ? null
        : { number: integer(receipt, 'number', 'receipt'), code: string(receipt, 'code', 'receipt') },
    saleDiscount: discount(o.saleDiscount, 'sale.saleDiscount'),
    saleDiscountReason: optionalString(o, 'saleDiscountReason', 'sale'),
    note: optionalString(o, 'note', 'sale') ?? '',
    customerId: optionalString(o, 'customerId', 'sale'),
    updatedAt: string(o, 'updatedAt', 'sale'),
    promotions: promotionsOf(o.promotions),
    // A hub before coupon codes sends none: an absent list is an empty one.
    couponCodes: Array.isArray(o.couponCodes)
      ? (o.couponCodes as unknown[]).filter((c): c is string => typeof c === 'string')
      : [],
  };
}

/** A supervisor approving, with their PIN, what the cashier may not do alone (the hub's `override`). */
export interface OverrideInput {
  supervisorId: string;
  pin: string;
}

const overrideField = (override: OverrideInput | null | undefined) =>
  override === null || override === undefined ? {} : { override };

export async function createSale(
  api: HubApiClient,
  id: string,
  cart: CartInput,
  override?: OverrideInput | null,
): Promise<SaleView> {
  return decodeSale(
    await api.request('/sales', { method: 'POST', body: { id, ...cart, ...overrideField(override) } }),
  );
}

export async function replaceCart(
  api: HubApiClient,
  id: string,
  expectedVersion: number,
  cart: CartInput,
  override?: OverrideInput | null,
): Promise<SaleView> {
  return decodeSale(
    await api.request(`/sales/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: { expectedVersion, ...cart, ...overrideField(override) },
    }),
  );
}

export async function getSale(api: HubApiClient, id: string): Promise<SaleView> {
  return decodeSale(await api.request(`/sales/${encodeURIComponent(id)}`));
}

export interface PaymentInput {
  id: string;
  tenderId: string;
  amountMinor: number;
  tenderedMinor?: number;
  /** Voucher number or store-credit code, for the tenders that need one. */
  reference?: string;
}

export async function addPayment(
  api: HubApiClient,
  saleId: string,
  input: PaymentInput,
): Promise<{ payment: PaymentView; sale: SaleView }> {
  // A card payment waits for the terminal: give it longer than a cart update.
  const o = object(
    await api.request(`/sales/${encodeURIComponent(saleId)}/payments`, {
      method: 'POST',
      body: input,
      timeoutMs: 90_000,
    }),
    'payment',
  );
  return { payment: decodePayment(object(o.payment, 'payment')), sale: decodeSale(o.sale) };
}

export async function completeSale(api: HubApiClient, saleId: string): Promise<SaleView> {
  return decodeSale(await api.request(`/sales/${encodeURIComponent(saleId)}/complete`, { method: 'POST' }));
}

export async function listTenders(api: HubApiClient): Promise<Tender[]> {
  const o = object(await api.request('/tenders?limit=100'), 'tenders');
  return array(o, 'items', 'tenders').map((item) => {
    const t = object(item, 'tender');
    return {
      id: string(t, 'id', 'tender'),
      kind: string(t, 'kind', 'tender'),
      name: string(t, 'name', 'tender'),
      enabled: t.enabled === true,
    };
  });
}

/** The till's open cash session id, or null when none is open. */
export async function currentCashSession(api: HubApiClient): Promise<string | null> {
  const o = object(await api.request('/cash-sessions/current'), 'cashSession');
  if (o.session === null || o.session === undefined) return null;
  return optionalString(object(o.session, 'cashSession.session'), 'id', 'cashSession');
}
