import { z } from '@hono/zod-openapi';
import { PERMISSIONS } from '../../contract/permissions.js';
import {
  ClientId,
  MAX_LINES,
  MAX_PAYMENT_MINOR,
  MAX_QUANTITY,
  Minor,
  OverrideSchema,
  SaleViewSchema,
  TenderKindSchema,
  Text,
} from './sales-schemas.js';

const ReturnLineSchema = z
  .strictObject({
    originalLineId: z.uuid().optional(),
    productId: z.uuid().optional(),
    quantity: z.number().int().min(1).max(MAX_QUANTITY),
    restock: z.boolean(),
    reason: Text(200).pipe(z.string().min(1)),
  })
  .refine(
    (l) => (l.originalLineId === undefined) !== (l.productId === undefined),
    'give originalLineId or productId, not both',
  )
  .openapi('ReturnLine');

/** What a return asks for; create adds its id and the supervisor override, a quote takes it as is. */
const returnFields = {
  originalReceiptCode: z.string().trim().min(3).max(20).optional(),
  originalSaleId: z.uuid().optional(),
  lines: z.array(ReturnLineSchema).min(1).max(MAX_LINES),
  refunds: z
    .array(
      z.strictObject({
        tenderId: z.string().trim().min(1).max(64),
        amountMinor: z.number().int().min(1).max(MAX_PAYMENT_MINOR),
      }),
    )
    .min(1)
    .max(10)
    .optional(),
  note: Text(500).optional(),
};

const oneOriginal = (r: { originalReceiptCode?: string | undefined; originalSaleId?: string | undefined }) =>
  r.originalReceiptCode === undefined || r.originalSaleId === undefined;
const ONE_ORIGINAL = 'give the receipt code or the sale id, not both';

export const CreateReturnSchema = z
  .strictObject({ id: ClientId, ...returnFields, override: OverrideSchema })
  .refine(oneOriginal, ONE_ORIGINAL)
  .openapi('CreateReturn');

export const QuoteReturnSchema = z
  .strictObject(returnFields)
  .refine(oneOriginal, ONE_ORIGINAL)
  .openapi('QuoteReturn');

export const ReturnQuoteSchema = z
  .object({
    originalSaleId: z.string().nullable(),
    currency: z.string(),
    lines: z.array(
      z.object({
        originalLineId: z.string().nullable(),
        productId: z.string(),
        name: z.string(),
        quantity: Minor,
        measured: z.boolean(),
        taxMinor: Minor,
        totalMinor: Minor,
      }),
    ),
    subtotalMinor: Minor,
    discountMinor: Minor,
    taxMinor: Minor,
    totalMinor: Minor,
    roundingMinor: Minor,
    refundMinor: Minor,
    refunds: z.array(
      z.object({
        tenderId: z.string(),
        tenderKind: TenderKindSchema,
        amountMinor: Minor,
        roundingMinor: Minor,
      }),
    ),
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .openapi('ReturnQuote');

export const ReturnableSaleSchema = z
  .object({
    sale: SaleViewSchema,
    returned: z.array(z.object({ originalLineId: z.string(), quantity: Minor })),
  })
  .openapi('ReturnableSale');
