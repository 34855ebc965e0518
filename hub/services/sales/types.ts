import type { AppliedPromotion } from '../../domain/promotions/index.js';
import type { Principal, StaffPrincipal, OverrideInput } from '../../contract/principal.js';
import type { PaymentStatus, TenderKindColumn } from '../../db/payments-queries.js';
import type { SaleKind, SaleStatus } from '../../db/sales-queries.js';
import type { Discount, TaxBreakdown, TaxMode } from '../../domain/sale-totals.js';

export type { Discount } from '../../domain/sale-totals.js';

/** The staff member at a till who asks for a change; `principal` goes to the access service as is. */
export interface SaleActor {
  principal: Principal;
  tillId: string;
  staff: StaffPrincipal;
}

export type WeightSource = 'scale' | 'label' | 'manual';

export interface CartLineInput {
  /** UUIDv7 made by the till; stable for the life of the line. */
  id: string;
  productId: string;
  /** Pieces, or grams / millilitres for measured products. Pieces default to 1. */
  quantity?: number;
  /** A price other than the catalog's; needs 'sale.price_override'. */
  unitPriceMinor?: number;
  discount?: Discount | null;
  discountReason?: string;
  note?: string;
  /**
   * The barcode as scanned (AIM prefix and GS separators as the scanner sent them). The hub decodes it
   * with the catalog lookup: a price label or GS1 AI 392n gives the line amount, a weight label or GS1
   * AI 310n the quantity in grams. The product it names must be `productId`. With a label, `quantity` is
   * refused (the label is the authority) and the weight source is 'label'.
   */
  scannedCode?: string;
  /**
   * Where a weight came from; 'manual' (keyed in) needs 'sale.manual_weight'. Default 'scale', or 'label'
   * when `scannedCode` is a label; 'label' without such a scan is refused.
   */
  weightSource?: WeightSource;
}

export interface CartInput {
  lines: CartLineInput[];
  saleDiscount?: Discount | null;
  saleDiscountReason?: string;
  customerId?: string | null;
  note?: string;
  /** Coupon codes the customer handed over; promotions that need one apply only with it. */
  couponCodes?: string[];
}

export interface CreateSaleInput extends CartInput {
  id: string;
  override?: OverrideInput | null;
}

export interface UpdateCartInput extends CartInput {
  expectedVersion: number;
  override?: OverrideInput | null;
}

export interface SaleLineView {
  id: string;
  lineNo: number;
  status: 'active' | 'removed';
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  measured: boolean;
  weightSource: WeightSource | null;
  unitPriceMinor: number;
  catalogPriceMinor: number;
  /** The price the hub decoded from the line's scanned label: the line amount. */
  embeddedPriceMinor: number | null;
  discount: Discount | null;
  discountReason: string | null;
  grossMinor: number;
  /** What promotions took off, before the line discount; `promotions` names them. */
  promotionDiscountMinor: number;
  promotions: AppliedPromotion[];
  lineDiscountMinor: number;
  saleDiscountMinor: number;
  netMinor: number;
  taxClassId: string;
  taxRateBp: number;
  taxMinor: number;
  totalMinor: number;
  note: string;
  originalLineId: string | null;
  restock: boolean | null;
  returnReason: string | null;
  removedAt: string | null;
  removedBy: string | null;
}

export interface PaymentView {
  id: string;
  saleId: string;
  tenderId: string;
  tenderKind: TenderKindColumn;
  direction: 'charge' | 'refund';
  status: PaymentStatus;
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number;
  roundingMinor: number;
  originalPaymentId: string | null;
  terminalRef: string | null;
  reference: string | null;
  reason: string | null;
  card: { maskedPan: string | null; receiptText: string | null } | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export interface SaleTotalsView {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  taxes: TaxBreakdown[];
  totalMinor: number;
  /** Cash rounding booked when cash settled the rest. */
  roundingMinor: number;
  /** totalMinor + roundingMinor. */
  toPayMinor: number;
  /** Approved money in, net of reversals. */
  paidMinor: number;
  /** Payments whose outcome is not known yet (pending or unknown); they hold their amount. */
  pendingMinor: number;
  /** toPay - paid - pending: what the till may still ask for. */
  dueMinor: number;
  changeMinor: number;
}

export interface OverrideView {
  permission: string;
  cashierId: string;
  supervisorId: string;
  at: string;
}

export interface SaleView {
  id: string;
  kind: SaleKind;
  status: SaleStatus;
  version: number;
  tillId: string;
  staffId: string;
  customerId: string | null;
  originalSaleId: string | null;
  currency: string;
  taxMode: TaxMode;
  saleDiscount: Discount | null;
  saleDiscountReason: string | null;
  note: string;
  couponCodes: string[];
  /** Each promotion that applied, with what it took off the sale's active lines. */
  promotions: AppliedPromotion[];
  lines: SaleLineView[];
  totals: SaleTotalsView;
  payments: PaymentView[];
  overrides: OverrideView[];
  receipt: { number: number; code: string; barcode: string } | null;
  cashSessionId: string | null;
  createdAt: string;
  updatedAt: string;
  parkedAt: string | null;
  voidedAt: string | null;
  completedAt: string | null;
}

/** A create or replay: `created` is false when the id was already known with the same content. */
export interface SaleResult {
  sale: SaleView;
  created: boolean;
}
