import { z } from '@hono/zod-openapi';
import { MAX_CODE_LENGTH } from '../../domain/barcodes/index.js';
import { isUuidV7 } from '../../ids.js';
import { TENDER_KINDS } from '../../services/settings/tender-service.js';

// Limits at the edge (docs/hub-internals.md): quantities 1..1,000,000 (pieces or grams), prices up to
// 100,000,000 minor units, at most 500 lines a sale.
export const MAX_LINES = 500;
export const MAX_QUANTITY = 1_000_000;
export const MAX_PRICE_MINOR = 100_000_000;
/** A payment or tendered amount: a whole cart of maximum prices still fits in a safe integer. */
export const MAX_PAYMENT_MINOR = 100_000_000_000;

/** Ids the till makes: UUIDv7, so they sort by time and two tills never collide. */
export const ClientId = z.uuid().refine(isUuidV7, 'must be a UUIDv7 made by the till');

// Control bytes are exactly what this refuses, so the pattern has to name them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

// A scan may carry GS (U+001D, FNC1 in GS1 element strings); every other control byte is refused.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_GS = /[\u0000-\u001C\u001E\u001F\u007F-\u009F]/;

/**
 * A barcode as the scanner sent it (AIM prefix such as `]E0` / `]C1`, GS separators): trimmed, up to
 * the barcode module's MAX_CODE_LENGTH. The hub decodes it; a code that does not read is a 422 there.
 */
export const ScannedCode = z
  .string()
  .trim()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .refine((s) => !CONTROL_BUT_GS.test(s), 'must not contain control characters other than GS')
  .openapi({
    description:
      'The barcode as scanned. The hub decodes it with the catalog lookup: a price label (or GS1 AI 392n) ' +
      'gives the line amount, a weight label (or GS1 AI 310n) the quantity in grams. It must name the ' +
      "line's product; with a label, quantity is refused.",
    example: '2000422034759',
  });

/** Free text that may reach a printer: trimmed, bounded, no control characters. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const OverrideSchema = z
  .strictObject({ supervisorId: z.uuid(), pin: z.string().min(1).max(32) })
  .nullable()
  .optional()
  .openapi('SupervisorOverride');

export const DiscountSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('amount'), amountMinor: z.number().int().min(0).max(MAX_PRICE_MINOR) }),
    z.strictObject({ kind: z.literal('percent'), bp: z.number().int().min(0).max(10_000) }),
  ])
  .openapi('Discount');

export const CartLineSchema = z
  .strictObject({
    id: ClientId,
    productId: z.uuid(),
    quantity: z.number().int().min(1).max(MAX_QUANTITY).optional(),
    unitPriceMinor: z.number().int().min(0).max(MAX_PRICE_MINOR).optional(),
    discount: DiscountSchema.nullable().optional(),
    discountReason: Text(200).optional(),
    note: Text(200).optional(),
    scannedCode: ScannedCode.optional(),
    weightSource: z.enum(['scale', 'label', 'manual']).optional(),
  })
  .openapi('CartLine');

const cartFields = {
  lines: z.array(CartLineSchema).max(MAX_LINES),
  saleDiscount: DiscountSchema.nullable().optional(),
  saleDiscountReason: Text(200).optional(),
  customerId: z.uuid().nullable().optional(),
  note: Text(500).optional(),
  couponCodes: z
    .array(Text(32).pipe(z.string().min(1)))
    .max(10)
    .optional()
    .openapi({
      description: 'Coupon codes handed over; an unknown or expired code is refused (422 COUPON_NOT_VALID)',
    }),
  override: OverrideSchema,
};

export const CreateSaleSchema = z.strictObject({ id: ClientId, ...cartFields }).openapi('CreateSale');

export const UpdateCartSchema = z
  .strictObject({ expectedVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), ...cartFields })
  .openapi('UpdateCart');

export const VoidSaleSchema = z
  .strictObject({ reason: Text(200).optional(), override: OverrideSchema })
  .openapi('VoidSale');

export const CustomerBodySchema = z.strictObject({ customerId: z.uuid().nullable() }).openapi('SaleCustomer');

export const IdParamSchema = z.object({ id: z.uuid() });
export const ReceiptParamSchema = z.object({ code: z.string().trim().min(3).max(20) });

export const SaleListQuerySchema = z.strictObject({
  status: z.enum(['open', 'parked', 'completed', 'voided']).optional(),
  kind: z.enum(['sale', 'return']).optional(),
  tillId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const AddPaymentSchema = z
  .strictObject({
    id: ClientId,
    tenderId: z.string().trim().min(1).max(64),
    amountMinor: z.number().int().min(1).max(MAX_PAYMENT_MINOR),
    tenderedMinor: z.number().int().min(1).max(MAX_PAYMENT_MINOR).optional(),
    reference: Text(100).optional(),
  })
  .openapi('AddPayment');

export const Minor = z.number().int();
export const TenderKindSchema = z.enum(TENDER_KINDS);
const AppliedPromotionSchema = z
  .object({ promotionId: z.string(), name: z.string(), discountMinor: Minor })
  .openapi('AppliedPromotion');
const TaxBreakdownSchema = z.object({ rateBp: Minor, baseMinor: Minor, taxMinor: Minor, grossMinor: Minor });

export const SaleLineViewSchema = z
  .object({
    id: z.string(),
    lineNo: Minor,
    status: z.enum(['active', 'removed']),
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    quantity: Minor,
    measured: z.boolean(),
    weightSource: z.enum(['scale', 'label', 'manual']).nullable(),
    unitPriceMinor: Minor,
    catalogPriceMinor: Minor,
    embeddedPriceMinor: Minor.nullable().openapi({
      description: 'The price the hub decoded from the scanned label; it is the line amount',
    }),
    discount: DiscountSchema.nullable(),
    discountReason: z.string().nullable(),
    grossMinor: Minor,
    promotionDiscountMinor: Minor.openapi({
      description: 'What promotions took off the gross, before the line discount (docs/promotions.md)',
    }),
    promotions: z.array(AppliedPromotionSchema),
    lineDiscountMinor: Minor,
    saleDiscountMinor: Minor,
    netMinor: Minor,
    taxClassId: z.string(),
    taxRateBp: Minor,
    taxMinor: Minor,
    totalMinor: Minor,
    note: z.string(),
    originalLineId: z.string().nullable(),
    restock: z.boolean().nullable(),
    returnReason: z.string().nullable(),
    removedAt: z.string().nullable(),
    removedBy: z.string().nullable(),
  })
  .openapi('SaleLine');

export const PaymentViewSchema = z
  .object({
    id: z.string(),
    saleId: z.string(),
    tenderId: z.string(),
    tenderKind: TenderKindSchema,
    direction: z.enum(['charge', 'refund']),
    status: z.enum(['pending', 'approved', 'declined', 'cancelled', 'unknown']),
    amountMinor: Minor,
    tenderedMinor: Minor.nullable(),
    changeMinor: Minor,
    roundingMinor: Minor,
    originalPaymentId: z.string().nullable(),
    terminalRef: z.string().nullable(),
    reference: z.string().nullable(),
    reason: z.string().nullable(),
    card: z.object({ maskedPan: z.string().nullable(), receiptText: z.string().nullable() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('Payment');

export const SaleViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['sale', 'return']),
    status: z.enum(['open', 'parked', 'completed', 'voided']),
    version: Minor,
    tillId: z.string(),
    staffId: z.string(),
    customerId: z.string().nullable(),
    originalSaleId: z.string().nullable(),
    currency: z.string(),
    taxMode: z.enum(['inclusive', 'exclusive']),
    saleDiscount: DiscountSchema.nullable(),
    saleDiscountReason: z.string().nullable(),
    note: z.string(),
    couponCodes: z.array(z.string()),
    promotions: z.array(AppliedPromotionSchema).openapi({
      description: 'Each promotion that applied, with what it took off the whole sale',
    }),
    lines: z.array(SaleLineViewSchema),
    totals: z.object({
      subtotalMinor: Minor,
      discountMinor: Minor,
      taxMinor: Minor,
      taxes: z.array(TaxBreakdownSchema),
      totalMinor: Minor,
      roundingMinor: Minor,
      toPayMinor: Minor,
      paidMinor: Minor,
      pendingMinor: Minor,
      dueMinor: Minor,
      changeMinor: Minor,
    }),
    payments: z.array(PaymentViewSchema),
    overrides: z.array(
      z.object({ permission: z.string(), cashierId: z.string(), supervisorId: z.string(), at: z.string() }),
    ),
    receipt: z.object({ number: Minor, code: z.string(), barcode: z.string() }).nullable(),
    cashSessionId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    parkedAt: z.string().nullable(),
    voidedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('Sale');

export const SalePageSchema = z
  .object({ items: z.array(SaleViewSchema), total: Minor, nextOffset: Minor.nullable() })
  .openapi('SalePage');

export const PaymentResultSchema = z
  .object({ payment: PaymentViewSchema, sale: SaleViewSchema })
  .openapi('PaymentResult');

export const CashQuoteSchema = z
  .object({
    saleId: z.string(),
    currency: z.string(),
    dueMinor: Minor,
    cashDueMinor: Minor,
    roundingMinor: Minor,
    incrementMinor: Minor,
    quickTendersMinor: z.array(Minor),
  })
  .openapi('CashQuote');

export const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
