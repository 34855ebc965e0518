// HTTP-only schemas of the catalog routes (queries and responses); the request bodies live next to the
// services that validate them.
import { z } from '@hono/zod-openapi';
import { CategorySchema } from '../../../services/catalog/category-service.js';
import { ProductSchema, UNITS } from '../../../services/catalog/product-schema.js';
import { PageQuerySchema } from '../../router.js';

export const IdParam = z.object({ id: z.uuid() });

export const ProductListQuery = PageQuerySchema.extend({
  q: z.string().max(500).optional().openapi({ description: 'Search name, SKU, barcode, attributes' }),
  categoryId: z.uuid().optional(),
  parentId: z.uuid().optional().openapi({ description: 'Variants of this style' }),
  status: z.enum(['active', 'archived', 'all']).default('active'),
});

export const ProductPageSchema = z
  .object({ items: z.array(ProductSchema), nextOffset: z.number().int().nullable() })
  .openapi('ProductPage');

export const LookupQuery = z.strictObject({ code: z.string().min(1).max(500) });

const scan = z.enum(['gtin', 'embedded', 'gs1', 'code']);

export const LookupResultSchema = z
  .discriminatedUnion('status', [
    z.object({
      status: z.literal('found'),
      scan,
      code: z.string(),
      product: z.object({
        id: z.string(),
        sku: z.string(),
        name: z.string(),
        priceMinor: z.number().int(),
        unit: z.enum(UNITS),
        weighed: z.boolean(),
        taxClassId: z.string(),
        taxRateBp: z.number().int(),
        categoryId: z.string().nullable(),
      }),
      embeddedPriceMinor: z.number().int().optional(),
      weightGrams: z.number().int().optional(),
      expiry: z.string().optional(),
      batch: z.string().optional(),
      expired: z.boolean().optional(),
      needsWeight: z.boolean(),
    }),
    z.object({
      status: z.literal('not_found'),
      scan,
      code: z.string(),
      reason: z.enum(['unknown', 'archived', 'style']),
      productId: z.string().optional(),
    }),
    z.object({ status: z.literal('invalid'), reason: z.string() }),
  ])
  .openapi('LookupResult');

export const ChangesQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const ChangesSchema = z
  .object({
    products: z.array(ProductSchema),
    categories: z.array(CategorySchema),
    nextSeq: z.number().int(),
    hasMore: z.boolean(),
  })
  .openapi('CatalogChanges');
