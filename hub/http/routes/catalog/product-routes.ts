import { createRoute } from '@hono/zod-openapi';
import { requireAuthenticated, requirePermission } from '../../../services/access/guards.js';
import type { CatalogService } from '../../../services/catalog/catalog-service.js';
import {
  ProductCreateSchema,
  ProductPatchSchema,
  ProductSchema,
} from '../../../services/catalog/product-schema.js';
import { actorOf } from '../../../services/settings/actor.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { body, json } from '../access-helpers.js';
import {
  IdParam,
  LookupQuery,
  LookupResultSchema,
  ProductListQuery,
  ProductPageSchema,
} from './catalog-schemas.js';

/** /products: reads for any till or staff member, writes with 'catalog.manage'. */
export function createProductRoutes(catalog: CatalogService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    // Declared before /{id} so "lookup" is never taken for an id.
    .openapi(
      createRoute({
        method: 'get',
        path: '/lookup',
        tags: ['catalog'],
        summary: 'What a scanned code is: product plus embedded price, weight, expiry; a value, never a 404',
        request: { query: LookupQuery },
        responses: { 200: json(LookupResultSchema, 'Lookup result'), ...errorResponses(400, 401) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(catalog.lookupBarcode(c.req.valid('query').code), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalog'],
        request: { query: ProductListQuery },
        responses: { 200: json(ProductPageSchema, 'Products'), ...errorResponses(400, 401) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(catalog.list(c.req.valid('query')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam },
        responses: { 200: json(ProductSchema, 'Product'), ...errorResponses(400, 401, 404) },
      }),
      (c) => {
        requireAuthenticated(c.get('principal'));
        return c.json(catalog.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['catalog'],
        summary: 'Create a product; idempotent by client-made UUIDv7 id',
        request: body(ProductCreateSchema),
        responses: {
          200: json(ProductSchema, 'Already existed with this content'),
          201: json(ProductSchema, 'Created'),
          ...errorResponses(400, 401, 403, 409, 422),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        const result = catalog.create(c.req.valid('json'), actorOf(principal));
        return result.created ? c.json(result.product, 201) : c.json(result.product, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['catalog'],
        request: { params: IdParam, ...body(ProductPatchSchema) },
        responses: { 200: json(ProductSchema, 'Updated'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        return c.json(catalog.update(c.req.valid('param').id, c.req.valid('json'), actorOf(principal)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/archive',
        tags: ['catalog'],
        summary: 'Stop selling a product (a style takes its variants with it); it stays in the change feed',
        request: { params: IdParam },
        responses: { 200: json(ProductSchema, 'Archived'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        return c.json(catalog.setActive(c.req.valid('param').id, false, actorOf(principal)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/unarchive',
        tags: ['catalog'],
        request: { params: IdParam },
        responses: { 200: json(ProductSchema, 'Active again'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'catalog.manage');
        return c.json(catalog.setActive(c.req.valid('param').id, true, actorOf(principal)), 200);
      },
    );
  return { path: 'products', routes };
}
