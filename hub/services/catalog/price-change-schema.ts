import { z } from '@hono/zod-openapi';
import { isUuidV7 } from '../../ids.js';
import { MAX_PRICE_MINOR } from './product-schema.js';

/** What a price change applies to: a category (with its subcategories by default) or picked products. */
export const PriceSelectionSchema = z
  .union([
    z.strictObject({
      categoryId: z.uuid(),
      includeSubcategories: z.boolean().default(true),
    }),
    z.strictObject({ productIds: z.array(z.uuid()).min(1).max(5000) }),
  ])
  .openapi('PriceSelection');
export type PriceSelection = z.output<typeof PriceSelectionSchema>;

/**
 * How each price moves: by a percentage in basis points (-1000 = 10 % off), by an amount in minor units,
 * or to one price. `roundTo` then rounds the result to a multiple of that many minor units (100 = whole
 * kroner), halves away from zero as everywhere else.
 */
export const PriceAdjustSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('percent'), percentBp: z.number().int().min(-10_000).max(100_000) }),
    z.strictObject({
      kind: z.literal('amount'),
      amountMinor: z.number().int().min(-MAX_PRICE_MINOR).max(MAX_PRICE_MINOR),
    }),
    z.strictObject({ kind: z.literal('set'), priceMinor: z.number().int().min(0).max(MAX_PRICE_MINOR) }),
  ])
  .openapi('PriceAdjust');
export type PriceAdjust = z.output<typeof PriceAdjustSchema>;

export const PricePreviewSchema = z
  .strictObject({
    selection: PriceSelectionSchema,
    adjust: PriceAdjustSchema,
    roundTo: z.number().int().min(1).max(100_000).default(1),
  })
  .openapi('PriceChangePreviewRequest');

export const PriceChangeCreateSchema = PricePreviewSchema.extend({
  id: z.uuid().refine(isUuidV7, 'must be a UUIDv7, made by the client').optional(),
  note: z.string().trim().max(200).default(''),
  /** Absent or not in the future: applied at once. */
  effectiveAt: z.iso.datetime({ offset: true }).optional(),
}).openapi('PriceChangeCreate');
export type PriceChangeCreate = z.output<typeof PriceChangeCreateSchema>;

export const PriceChangeItemSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    fromMinor: z.number().int(),
    toMinor: z.number().int(),
  })
  .openapi('PriceChangeItem');
export type PriceChangeItem = z.output<typeof PriceChangeItemSchema>;

export const PricePreviewResultSchema = z
  .object({
    count: z.number().int().openapi({ description: 'Products whose price would change' }),
    items: z.array(PriceChangeItemSchema).openapi({ description: 'The first 200, by SKU' }),
  })
  .openapi('PriceChangePreview');

export const PriceChangeSchema = z
  .object({
    id: z.string(),
    note: z.string(),
    selection: z.unknown(),
    adjust: z.unknown(),
    effectiveAt: z.string(),
    status: z.enum(['pending', 'applied', 'cancelled']),
    itemCount: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    appliedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .openapi('PriceChange');

export const PriceChangeDetailSchema = PriceChangeSchema.extend({
  items: z.array(PriceChangeItemSchema).openapi({ description: 'Up to 1000, by SKU' }),
}).openapi('PriceChangeDetail');
