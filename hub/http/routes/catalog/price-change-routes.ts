import { createRoute, z } from '@hono/zod-openapi';
import {
  PriceChangeCreateSchema,
  PriceChangeDetailSchema,
  PriceChangeSchema,
  PricePreviewResultSchema,
  PricePreviewSchema,
} from '../../../services/catalog/price-change-schema.js';
import type { PriceChangeService } from '../../../services/catalog/price-change-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { actorWith, createOrReplayRoute, getByIdRoute } from '../crud.js';
import { IdParam } from './catalog-schemas.js';

/** /price-changes: bulk price changes now or at a date; all of it with 'catalog.manage'. */
export function createPriceChangeRoutes(prices: PriceChangeService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'post',
        path: '/preview',
        tags: ['catalog'],
        summary: 'The prices a change would set, without changing anything',
        request: body(PricePreviewSchema),
        responses: {
          200: json(PricePreviewResultSchema, 'Preview'),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(prices.preview(c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        request: {
          query: PageQuerySchema.extend({ status: z.enum(['pending', 'applied', 'cancelled']).optional() }),
        },
        responses: {
          200: json(pageSchema(PriceChangeSchema), 'Price changes, latest date first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        const query = c.req.valid('query');
        return c.json(prices.list(query.status ?? null, query), 200);
      },
    )
    .openapi(
      getByIdRoute({
        tag: 'catalog',
        params: IdParam,
        item: PriceChangeDetailSchema,
        description: 'Price change',
      }),
      (c) => {
        actorWith(c.get('principal'), 'catalog.manage');
        return c.json(prices.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createOrReplayRoute({
        tag: 'catalog',
        summary: 'Change prices of a category or of picked products, now or at effectiveAt',
        body: PriceChangeCreateSchema,
        item: PriceChangeSchema,
        errors: [400, 401, 403, 404, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        const result = prices.create(c.req.valid('json'), actor);
        return result.created ? c.json(result.change, 201) : c.json(result.change, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/cancel',
        tags: ['catalog'],
        summary: 'Cancel a pending change (422 PRICE_CHANGE_APPLIED once applied)',
        request: { params: IdParam },
        responses: { 200: json(PriceChangeSchema, 'Cancelled'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(prices.cancel(c.req.valid('param').id, actor), 200);
      },
    );
  return { path: 'price-changes', routes };
}
