import { createRoute, z } from '@hono/zod-openapi';
import { requireAuthenticated, requirePermission } from '../../../services/access/guards.js';
import type { CatalogService } from '../../../services/catalog/catalog-service.js';
import {
  CategoryCreateSchema,
  CategoryPatchSchema,
  CategorySchema,
  type CategoryService,
} from '../../../services/catalog/category-service.js';
import { actorOf } from '../../../services/settings/actor.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { ChangesQuery, ChangesSchema, IdParam } from './catalog-schemas.js';

/** /categories: the tree as a flat list (parentId, sort); archived ones with ?archived=true. */
export function createCategoryRoutes(categories: CategoryService): ApiModule {
  const archiveRoute = (active: boolean) =>
    createRoute({
      method: 'post',
      path: active ? '/{id}/unarchive' : '/{id}/archive',
      tags: ['catalog'],
      request: { params: IdParam },
      responses: {
        200: json(CategorySchema, active ? 'Active again' : 'Archived'),
        ...errorResponses(400, 401, 403, 404),
      },
    });
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
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam },
        responses: { 200: json(CategorySchema, 'Category'), ...errorResponses(400, 401, 404) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(categories.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['catalog'],
        request: body(CategoryCreateSchema),
        responses: {
          200: json(CategorySchema, 'Already existed with this content'),
          201: json(CategorySchema, 'Created'),
          ...errorResponses(400, 401, 403, 409, 422),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        const result = categories.create(c.req.valid('json'), actorOf(principal));
        return result.created ? c.json(result.category, 201) : c.json(result.category, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam, ...body(CategoryPatchSchema) },
        responses: { 200: json(CategorySchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        return c.json(
          categories.update(c.req.valid('param').id, c.req.valid('json'), actorOf(principal)),
          200,
        );
      },
    )
    .openapi(archiveRoute(false), (c) => {
      const principal = c.get('principal');
      requirePermission(principal, 'catalog.manage');
      return c.json(categories.setActive(c.req.valid('param').id, false, actorOf(principal)), 200);
    })
    .openapi(archiveRoute(true), (c) => {
      const principal = c.get('principal');
      requirePermission(principal, 'catalog.manage');
      return c.json(categories.setActive(c.req.valid('param').id, true, actorOf(principal)), 200);
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
