import { createRoute, z } from '@hono/zod-openapi';
import {
  CountedLinesSchema,
  CountScanSchema,
  StockCountCreateSchema,
  StockCountLineViewSchema,
  StockCountViewSchema,
} from '../../../services/stock/stock-count-schema.js';
import type { StockCountService } from '../../../services/stock/stock-count-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { createOrReplayRoute, getByIdRoute } from '../crud.js';
import { stockManager } from './stock-access.js';

const IdParam = z.object({ id: z.uuid() });
const item = StockCountViewSchema;
const TAG = 'stock-counts';

const stepRoute = (action: 'post' | 'cancel', summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags: [TAG],
    summary,
    request: { params: IdParam },
    responses: {
      200: json(item, 'The count after the step'),
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
  });

/**
 * /stock-counts ('stock.manage'): count sheets (full or one category), counted quantities typed or
 * scanned, variance against on-hand, and posting once. A count that is posted or cancelled takes nothing
 * more: 409 STOCK_COUNT_STATE.
 */
export function createStockCountRoutes(counts: StockCountService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: [TAG],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(item), 'Stock counts, newest first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const q = c.req.valid('query');
        return c.json(counts.list(q.limit, q.offset), 200);
      },
    )
    .openapi(getByIdRoute({ tag: TAG, params: IdParam, item, description: 'Stock count' }), (c) => {
      stockManager(c.get('principal'));
      return c.json(counts.get(c.req.valid('param').id), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: TAG,
        summary:
          'A count sheet of every stocked product (full) or of one category and its subcategories (cycle)',
        body: StockCountCreateSchema,
        item,
        errors: [400, 401, 403, 409, 422],
      }),
      (c) => {
        const result = counts.create(c.req.valid('json'), stockManager(c.get('principal')));
        return c.json(result.count, result.created ? 201 : 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/lines',
        tags: [TAG],
        summary: 'The count sheet with on-hand now, counted quantities and variance',
        request: {
          params: IdParam,
          query: PageQuerySchema.extend({
            q: z.string().trim().min(1).max(100).optional(),
            only: z.enum(['all', 'uncounted', 'variance']).default('all'),
          }),
        },
        responses: {
          200: json(pageSchema(StockCountLineViewSchema), 'Count lines by product name'),
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const q = c.req.valid('query');
        return c.json(
          counts.lines(c.req.valid('param').id, { q: q.q ?? null, only: q.only }, q.limit, q.offset),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/{id}/lines',
        tags: [TAG],
        summary: 'Sets counted quantities (null clears one); all lines or none',
        request: { params: IdParam, ...body(CountedLinesSchema) },
        responses: { 200: json(item, 'The count'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) => {
        const actor = stockManager(c.get('principal'));
        return c.json(counts.setCounts(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/scan',
        tags: [TAG],
        summary: 'A scanned code adds its quantity (1 by default) to the product it names',
        request: { params: IdParam, ...body(CountScanSchema) },
        responses: {
          200: json(StockCountLineViewSchema, 'The counted line'),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        return c.json(counts.scan(c.req.valid('param').id, c.req.valid('json')), 200);
      },
    )
    .openapi(
      stepRoute('post', 'Books counted minus on-hand as count movements, in one transaction, once'),
      (c) => {
        const actor = stockManager(c.get('principal'));
        return c.json(counts.post(c.req.valid('param').id, actor), 200);
      },
    )
    .openapi(stepRoute('cancel', 'Drops an open count without booking anything'), (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(counts.cancel(c.req.valid('param').id, actor), 200);
    });
  return { path: 'stock-counts', routes };
}
