import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import { AdjustSchema, ReceiveSchema, type StockService } from '../../../services/stock/stock-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { stockManager, stockReader } from './stock-access.js';

const OnHandSchema = z.record(z.string(), z.number().int()).openapi('OnHand');
const MovementSchema = z
  .object({
    id: z.number().int(),
    productId: z.string(),
    quantity: z.number().int(),
    reason: z.string(),
    refId: z.string().nullable(),
    costMinor: z.number().int().nullable(),
    staffId: z.string().nullable(),
    note: z.string().nullable(),
    at: z.string(),
  })
  .openapi('StockMovement');

const OnHandQuery = z.strictObject({
  // Comma-separated ids: the till asks for the lines of one sale or one screen of products.
  productIds: z
    .string()
    .max(200 * 37)
    .transform((s) => s.split(',').filter((id) => id !== ''))
    .pipe(z.array(z.uuid()).min(1).max(200)),
});
const MovementsQuery = z.strictObject({
  productId: z.uuid(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** /stock: on-hand (sum of the ledger), movements, goods in and adjustments ('stock.manage'). */
export function createStockRoutes(stock: StockService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['stock'],
        request: { query: OnHandQuery },
        responses: {
          200: json(z.object({ onHand: OnHandSchema }), 'On hand per product'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json({ onHand: stock.onHand(c.req.valid('query').productIds) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/movements',
        tags: ['stock'],
        request: { query: MovementsQuery },
        responses: {
          200: json(
            z.object({ items: z.array(MovementSchema), nextBefore: z.number().int().nullable() }),
            'Movements',
          ),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const q = c.req.valid('query');
        return c.json(stock.movements(q.productId, q.before ?? null, q.limit), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/low',
        tags: ['stock'],
        summary: 'Active products at or below their reorder point',
        request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
        responses: {
          200: json(
            z.object({
              items: z.array(
                z.object({ productId: z.string(), onHand: z.number().int(), reorderPoint: z.number().int() }),
              ),
            }),
            'Low stock',
          ),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockReader(c.get('principal'));
        return c.json({ items: stock.lowStock(c.req.valid('query').limit) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/receive',
        tags: ['stock'],
        request: body(ReceiveSchema),
        responses: {
          200: json(z.object({ onHand: OnHandSchema }), 'Received'),
          ...errorResponses(400, 401, 403, 422),
        },
      }),
      (c) => {
        return c.json({ onHand: stock.receive(c.req.valid('json'), stockManager(c.get('principal'))) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/adjust',
        tags: ['stock'],
        request: body(AdjustSchema),
        responses: {
          200: json(
            z.object({ productId: z.string(), onHand: z.number().int(), booked: z.number().int() }),
            'Adjusted',
          ),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) => {
        return c.json(stock.adjust(c.req.valid('json'), stockManager(c.get('principal'))), 200);
      },
    );
  return { path: 'stock', routes };
}
