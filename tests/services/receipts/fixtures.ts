// Sales, stores and reports for receipt tests: plain values shaped like the hub's views.
import { divRoundToNumber } from '../../../hub/domain/money.js';
import type { XReport, ZReport } from '../../../hub/services/cash/types.js';
import type { PaymentView, SaleLineView, SaleView } from '../../../hub/services/sales/types.js';
import type { StoreSettings } from '../../../hub/services/settings/settings-schema.js';

let n = 0;
const id = (): string => `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const AT = '2026-03-14T09:26:53.000Z';

export function line(
  name: string,
  unitPriceMinor: number,
  quantity: number,
  extra: Partial<SaleLineView> = {},
): SaleLineView {
  const measured = extra.measured ?? false;
  const gross = measured
    ? divRoundToNumber(BigInt(unitPriceMinor) * BigInt(quantity), 1000n)
    : unitPriceMinor * quantity;
  return {
    id: id(),
    lineNo: 1,
    status: 'active',
    productId: id(),
    sku: 'SKU',
    name,
    quantity,
    measured,
    weightSource: measured ? 'scale' : null,
    unitPriceMinor,
    catalogPriceMinor: unitPriceMinor,
    embeddedPriceMinor: null,
    discount: null,
    discountReason: null,
    grossMinor: gross,
    promotionDiscountMinor: 0,
    promotions: [],
    lineDiscountMinor: 0,
    saleDiscountMinor: 0,
    netMinor: gross,
    taxClassId: 'std',
    taxRateBp: 2500,
    taxMinor: 0,
    totalMinor: gross,
    note: '',
    originalLineId: null,
    restock: null,
    returnReason: null,
    removedAt: null,
    removedBy: null,
    ...extra,
  };
}

export function payment(
  kind: PaymentView['tenderKind'],
  amountMinor: number,
  extra: Partial<PaymentView> = {},
): PaymentView {
  return {
    id: id(),
    saleId: 'sale',
    tenderId: kind,
    tenderKind: kind,
    direction: 'charge',
    status: 'approved',
    amountMinor,
    tenderedMinor: null,
    changeMinor: 0,
    roundingMinor: 0,
    originalPaymentId: null,
    terminalRef: null,
    reference: null,
    reason: null,
    card: null,
    createdAt: AT,
    updatedAt: AT,
    resolvedAt: AT,
    ...extra,
  };
}

export function sale(
  currency: string,
  lines: SaleLineView[],
  totals: Partial<SaleView['totals']>,
  payments: PaymentView[],
  extra: Partial<SaleView> = {},
): SaleView {
  const subtotal = lines.reduce((s, l) => s + l.grossMinor, 0);
  const total = totals.totalMinor ?? subtotal;
  const rounding = totals.roundingMinor ?? 0;
  return {
    id: '0190a000-0000-7000-8000-00000000abcd',
    kind: 'sale',
    status: 'completed',
    version: 3,
    tillId: 'till',
    staffId: 'staff',
    customerId: null,
    originalSaleId: null,
    currency,
    taxMode: 'inclusive',
    saleDiscount: null,
    saleDiscountReason: null,
    note: '',
    couponCodes: [],
    promotions: [],
    lines,
    totals: {
      subtotalMinor: subtotal,
      discountMinor: 0,
      taxMinor: 0,
      taxes: [],
      totalMinor: total,
      roundingMinor: rounding,
      toPayMinor: total + rounding,
      paidMinor: total + rounding,
      pendingMinor: 0,
      dueMinor: 0,
      changeMinor: 0,
      ...totals,
    },
    payments,
    overrides: [],
    receipt: { number: 127, code: '3-127', barcode: 'R00300000127' },
    cashSessionId: null,
    createdAt: AT,
    updatedAt: AT,
    parkedAt: null,
    voidedAt: null,
    completedAt: AT,
    ...extra,
  };
}

export function store(
  locale: string,
  currency: string,
  country: string,
  timeZone: string,
  extra: Partial<StoreSettings> = {},
): StoreSettings {
  return {
    name: 'Demo Butik',
    address: 'Nørregade 1, 1165 København K',
    currency,
    country,
    locale,
    timeZone,
    taxMode: 'inclusive',
    cashRoundingMinor: 1,
    receiptHeader: 'CVR 12345678',
    receiptFooter: 'Åbent alle dage 8-22',
    publicBaseUrl: 'https://shop.example',
    autoPrintReceipts: true,
    ...extra,
  };
}

const figures = {
  sessionId: 'session',
  tillId: 'till-3',
  currency: 'DKK',
  openedBy: 'anna',
  openedAt: '2026-03-14T07:00:00.000Z',
  takenAt: '2026-03-14T20:00:00.000Z',
  sales: { count: 42, amountMinor: 1234550 },
  returns: { count: 2, amountMinor: 9900 },
  netSalesMinor: 1224650,
  tenders: [
    {
      tenderId: 'cash',
      tenderKind: 'cash',
      name: 'Kontant',
      charges: { count: 20, amountMinor: 400000 },
      refunds: { count: 1, amountMinor: 4950 },
      netMinor: 395050,
    },
    {
      tenderId: 'card',
      tenderKind: 'card',
      name: 'Kort',
      charges: { count: 22, amountMinor: 834550 },
      refunds: { count: 1, amountMinor: 4950 },
      netMinor: 829600,
    },
  ],
  taxes: [{ rateBp: 2500, baseMinor: 979720, taxMinor: 244930, grossMinor: 1224650 }],
  discountsMinor: 12000,
  roundingMinor: 25,
  voidedSalesCount: 1,
  noSaleCount: 3,
  payIns: { count: 1, amountMinor: 10000 },
  payOuts: { count: 1, amountMinor: 5000 },
  floatMinor: 200000,
  cashSalesMinor: 400000,
  cashRefundsMinor: 4950,
  expectedCashMinor: 600050,
};

export const xReport: XReport = { kind: 'x', ...figures };
export const zReport: ZReport = {
  kind: 'z',
  ...figures,
  number: 88,
  closedBy: 'anna',
  approvedBy: null,
  countedMinor: 600000,
  differenceMinor: -50,
  counts: null,
  previousGrandTotalMinor: 98765400,
  grandTotalMinor: 99990050,
  previousGrandReturnsMinor: 120000,
  grandReturnsMinor: 129900,
};
