import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../services/access/guards.js';
import type { HubContext } from '../../context.js';
import {
  PromotionPreviewRequestSchema,
  PromotionPreviewSchema,
  previewPromotions,
} from '../../services/promotions/promotion-preview.js';
import {
  PromotionCreateSchema,
  PromotionPatchSchema,
  PromotionStatusSchema,
  PromotionViewSchema,
} from '../../services/promotions/promotion-schema.js';
import type { PromotionService } from '../../services/promotions/promotion-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';
import { actorWith, createOrReplayRoute, getByIdRoute, patchRoute, setActiveRoute } from './crud.js';

const IdParam = z.object({ id: z.uuid() });

/**
 * /promotions: campaigns (docs/promotions.md). Anyone signed in may read them (the till names what
 * applied); changing them needs catalog.manage, since a promotion is a price.
 */
export function createPromotionRoutes(promotions: PromotionService, ctx: HubContext): ApiModule {
  const item = PromotionViewSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['promotions'],
        request: {
          query: PageQuerySchema.extend({
            archived: z.enum(['true', 'false']).default('false'),
            status: PromotionStatusSchema.optional().openapi({
              description: 'Only campaigns standing there now',
            }),
          }),
        },
        responses: {
          200: json(pageSchema(item), 'Promotions, newest start first'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        const query = c.req.valid('query');
        return c.json(pageOf(promotions.list(query.archived === 'true', query.status), query), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/preview',
        tags: ['promotions'],
        summary: 'Which promotions apply to a sample cart, at a moment, with codes and a customer or not',
        request: body(PromotionPreviewRequestSchema),
        responses: {
          200: json(PromotionPreviewSchema, 'The cart priced with the promotions that apply'),
          ...errorResponses(400, 401, 422),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(previewPromotions(ctx, c.req.valid('json')), 200);
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
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/end',
        tags: ['promotions'],
        summary: 'End a running campaign now (its end moves to this moment)',
        request: { params: IdParam },
        responses: { 200: json(item, 'Ended'), ...errorResponses(400, 401, 403, 404, 422) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(promotions.end(c.req.valid('param').id, actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags: ['promotions'],
        summary: 'Delete a campaign no sale got (409 PROMOTION_IN_USE otherwise)',
        request: { params: IdParam },
        responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 401, 403, 404, 409) },
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        promotions.delete(c.req.valid('param').id, actor);
        return c.body(null, 204);
      },
    );
  return { path: 'promotions', routes };
}
