import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import type { CatalogService } from '../../../services/catalog/catalog-service.js';
import {
  CategoryCreateSchema,
  CategoryPatchSchema,
  CategorySchema,
  type CategoryService,
} from '../../../services/catalog/category-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { json } from '../access-helpers.js';
import { actorWith, createOrReplayRoute, getByIdRoute, patchRoute, setActiveRoute } from '../crud.js';
import { ChangesQuery, ChangesSchema, IdParam } from './catalog-schemas.js';

/** /categories: the tree as a flat list (parentId, sort); archived ones with ?archived=true. */
export function createCategoryRoutes(categories: CategoryService): ApiModule {
  const item = CategorySchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        request: {
          query: PageQuerySchema.extend({ archived: z.enum(['true', 'false']).default('false') }),
        },
        responses: {
          200: json(pageSchema(CategorySchema), 'Categories'),
          ...errorResponses(400, 401),
        },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        const query = c.req.valid('query');
        return c.json(pageOf(categories.list(query.archived === 'true'), query), 200);
      },
    )
    .openapi(getByIdRoute({ tag: 'catalog', params: IdParam, item, description: 'Category' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(categories.get(c.req.valid('param').id), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: 'catalog',
        body: CategoryCreateSchema,
        item,
        errors: [400, 401, 403, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        const result = categories.create(c.req.valid('json'), actor);
        return result.created ? c.json(result.category, 201) : c.json(result.category, 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'catalog',
        params: IdParam,
        body: CategoryPatchSchema,
        item,
        errors: [400, 401, 403, 404, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(categories.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(setActiveRoute({ tag: 'catalog', params: IdParam, item, active: false }), (c) => {
      const actor = actorWith(c.get('principal'), 'catalog.manage');
      return c.json(categories.setActive(c.req.valid('param').id, false, actor), 200);
    })
    .openapi(setActiveRoute({ tag: 'catalog', params: IdParam, item, active: true }), (c) => {
      const actor = actorWith(c.get('principal'), 'catalog.manage');
      return c.json(categories.setActive(c.req.valid('param').id, true, actor), 200);
    });
  return { path: 'categories', routes };
}

/** /catalog/changes: the incremental feed tills load at start and follow on 'catalog.changed'. */
export function createChangesRoutes(catalog: CatalogService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' }).openapi(
    createRoute({
      method: 'get',
      path: '/changes',
      tags: ['catalog'],
      summary: 'Products and categories changed after a sequence (or a time), oldest first',
      request: { query: ChangesQuery },
      responses: { 200: json(ChangesSchema, 'One page of changes'), ...errorResponses(400, 401) },
    }),
    (c) => {
      requireAuthenticated(c.get('principal'));
      const { after, updatedSince, limit } = c.req.valid('query');
      // An explicit sequence wins; a time is only for clients that never stored one.
      const page =
        after === undefined && updatedSince !== undefined
          ? catalog.changesSinceTime(new Date(updatedSince).toISOString(), limit)
          : catalog.changesSince(after ?? 0, limit);
      return c.json(page, 200);
    },
  );
  return { path: 'catalog', routes };
}
