import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../services/access/guards.js';
import {
  PromotionCreateSchema,
  PromotionPatchSchema,
  PromotionViewSchema,
} from '../../services/promotions/promotion-schema.js';
import type { PromotionService } from '../../services/promotions/promotion-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { json } from './access-helpers.js';
import { actorWith, createOrReplayRoute, getByIdRoute, patchRoute, setActiveRoute } from './crud.js';

const IdParam = z.object({ id: z.uuid() });

/**
 * /promotions: campaigns (docs/promotions.md). Anyone signed in may read them (the till names what
 * applied); changing them needs catalog.manage, since a promotion is a price.
 */
export function createPromotionRoutes(promotions: PromotionService): ApiModule {
  const item = PromotionViewSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['promotions'],
        request: {
          query: PageQuerySchema.extend({ archived: z.enum(['true', 'false']).default('false') }),
        },
        responses: {
          200: json(pageSchema(item), 'Promotions, newest start first'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        const query = c.req.valid('query');
        return c.json(pageOf(promotions.list(query.archived === 'true'), query), 200);
      },
    )
    .openapi(getByIdRoute({ tag: 'promotions', params: IdParam, item, description: 'Promotion' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(promotions.get(c.req.valid('param').id), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: 'promotions',
        body: PromotionCreateSchema,
        item,
        errors: [400, 401, 403, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        const result = promotions.create(c.req.valid('json'), actor);
        return c.json(result.promotion, result.created ? 201 : 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'promotions',
        params: IdParam,
        body: PromotionPatchSchema,
        item,
        errors: [400, 401, 403, 404, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(promotions.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(setActiveRoute({ tag: 'promotions', params: IdParam, item, active: false }), (c) => {
      const actor = actorWith(c.get('principal'), 'catalog.manage');
      return c.json(promotions.setArchived(c.req.valid('param').id, true, actor), 200);
    })
    .openapi(setActiveRoute({ tag: 'promotions', params: IdParam, item, active: true }), (c) => {
      const actor = actorWith(c.get('principal'), 'catalog.manage');
      return c.json(promotions.setArchived(c.req.valid('param').id, false, actor), 200);
    });
  return { path: 'promotions', routes };
}
