import { createRoute, z } from '@hono/zod-openapi';
import {
  ReorderPointsSchema,
  type StockOverviewService,
} from '../../../services/stock/stock-overview-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, PageQuerySchema, pageSchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { stockManager, stockReader } from './stock-access.js';

const unit = z.enum(['piece', 'kg', 'l']);
const LevelSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    unit,
    categoryId: z.string().nullable(),
    onHand: z.number().int(),
    reorderPoint: z.number().int().nullable(),
    costMinor: z.number().int(),
    low: z.boolean(),
  })
  .openapi('StockLevel');

const ValuationItemSchema = z
  .object({
    productId: z.string(),
    sku: z.string(),
    name: z.string(),
    unit,
    onHand: z.number().int(),
    /** Per piece, or per kg or litre for weighed and measured goods (kept in grams or millilitres). */
    costMinor: z.number().int(),
    valueMinor: z.number().int(),
  })
  .openapi('StockValuationItem');

const SuggestionSchema = LevelSchema.omit({ low: true })
  .extend({
    sold: z.number().int(),
    perDay: z.number(),
    onOrder: z.number().int(),
    target: z.number().int(),
    suggested: z.number().int(),
  })
  .openapi('ReorderSuggestion');

const LevelsQuery = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(100).optional(),
  low: z.enum(['true', 'false']).default('false'),
  categoryId: z.uuid().optional(),
});

const SuggestionsQuery = PageQuerySchema.extend({
  /** The sales period the velocity is measured over. */
  days: z.coerce.number().int().min(1).max(365).default(28),
  /** How many days of sales an order should cover beyond the reorder point. */
  coverDays: z.coerce.number().int().min(1).max(180).default(14),
});

/**
 * /stock/levels, /stock/valuation, /stock/reorder-suggestions, /stock/reorder-points: what the admin's
 * stock pages and the reports read, and the reorder points they set.
 */
export function createStockOverviewRoutes(overview: StockOverviewService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/levels',
        tags: ['stock'],
        summary: 'On-hand per stocked product with its reorder point; low=true for those at or below it',
        request: { query: LevelsQuery },
        responses: { 200: json(pageSchema(LevelSchema), 'Stock levels'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        stockReader(c.get('principal'));
        const q = c.req.valid('query');
        const { items, total } = overview.levels(
          { q: q.q ?? null, lowOnly: q.low === 'true', categoryId: q.categoryId ?? null },
          q.limit,
          q.offset,
        );
        const end = q.offset + items.length;
        return c.json({ items, total, nextOffset: end < total ? end : null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/valuation',
        tags: ['stock'],
        summary: 'Stock at cost (moving average) per product, highest value first, and the total',
        request: { query: PageQuerySchema },
        responses: {
          200: json(
            pageSchema(ValuationItemSchema).extend({ totalValueMinor: z.number().int() }),
            'Inventory valuation in minor units',
          ),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockReader(c.get('principal'));
        const q = c.req.valid('query');
        const result = overview.valuation(q.limit, q.offset);
        const end = q.offset + result.items.length;
        return c.json({ ...result, nextOffset: end < result.total ? end : null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/reorder-suggestions',
        tags: ['stock'],
        summary: 'What to order from sales velocity, on-hand, what is on order and the reorder point',
        request: { query: SuggestionsQuery },
        responses: {
          200: json(pageSchema(SuggestionSchema), 'Reorder suggestions'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const q = c.req.valid('query');
        const all = overview.suggestions(q.days, q.coverDays);
        const items = all.slice(q.offset, q.offset + q.limit);
        const end = q.offset + items.length;
        return c.json({ items, total: all.length, nextOffset: end < all.length ? end : null }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/reorder-points',
        tags: ['stock'],
        request: body(ReorderPointsSchema),
        responses: {
          200: json(z.object({ items: z.array(LevelSchema) }), 'The products with their new reorder points'),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      (c) => {
        const actor = stockManager(c.get('principal'));
        return c.json({ items: overview.setReorderPoints(c.req.valid('json'), actor) }, 200);
      },
    );
  return { path: 'stock', routes };
}
