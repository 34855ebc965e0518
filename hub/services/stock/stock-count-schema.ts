import { z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../ids.js';
import { MAX_STOCK_QUANTITY } from './stock-service.js';

export const StockCountCreateSchema = z
  .discriminatedUnion('scope', [
    z.strictObject({
      id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
      scope: z.literal('full'),
      note: z.string().trim().max(500).default(''),
    }),
    // A cycle count takes one category (and its subcategories) at a time.
    z.strictObject({
      id: z.uuid().refine(isUuidV7, 'must be a UUIDv7').optional(),
      scope: z.literal('cycle'),
      categoryId: z.uuid(),
      note: z.string().trim().max(500).default(''),
    }),
  ])
  .openapi('StockCountCreate');

export const CountedLinesSchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          productId: z.uuid(),
          /** null clears a count typed by mistake. */
          counted: z.number().int().min(0).max(MAX_STOCK_QUANTITY).nullable(),
        }),
      )
      .min(1)
      .max(500),
  })
  .openapi('StockCountLines');

export const CountScanSchema = z
  .strictObject({
    /** What the scanner typed: a barcode, an internal code or a SKU. */
    code: z.string().trim().min(1).max(64),
    quantity: z.number().int().min(1).max(MAX_STOCK_QUANTITY).default(1),
  })
  .openapi('StockCountScan');

export const StockCountViewSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    scope: z.enum(['full', 'cycle']),
    categoryId: z.string().nullable(),
    categoryName: z.string().nullable(),
    status: z.enum(['open', 'posted', 'cancelled']),
    note: z.string(),
    lineCount: z.number().int(),
    countedCount: z.number().int(),
    /** Counted minus on-hand over the counted lines (what was booked, once posted), in units and at cost. */
    varianceUnits: z.number().int(),
    varianceValueMinor: z.number().int(),
    createdAt: z.string(),
    postedAt: z.string().nullable(),
  })
  .openapi('StockCount');

export const StockCountLineViewSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    unit: z.enum(['piece', 'kg', 'l']),
    onHand: z.number().int(),
    counted: z.number().int().nullable(),
    /** counted - onHand, null until counted. */
    variance: z.number().int().nullable(),
    /** What posting booked for this line (null before posting). */
    booked: z.number().int().nullable(),
    costMinor: z.number().int(),
  })
  .openapi('StockCountLine');

export type StockCountView = z.output<typeof StockCountViewSchema>;
export type StockCountLineView = z.output<typeof StockCountLineViewSchema>;
