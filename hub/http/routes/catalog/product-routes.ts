import { createRoute } from '@hono/zod-openapi';
import { requireAuthenticated } from '../../../services/access/guards.js';
import type { CatalogService } from '../../../services/catalog/catalog-service.js';
import {
  ProductCreateSchema,
  ProductPatchSchema,
  ProductSchema,
} from '../../../services/catalog/product-schema.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { json } from '../access-helpers.js';
import { actorWith, createOrReplayRoute, getByIdRoute, patchRoute, setActiveRoute } from '../crud.js';
import {
  IdParam,
  LookupQuery,
  LookupResultSchema,
  ProductListQuery,
  ProductPageSchema,
} from './catalog-schemas.js';

/** /products: reads for any till or staff member, writes with 'catalog.manage'. */
export function createProductRoutes(catalog: CatalogService): ApiModule {
  const item = ProductSchema;
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
    .openapi(getByIdRoute({ tag: 'catalog', params: IdParam, item, description: 'Product' }), (c) => {
      requireAuthenticated(c.get('principal'));
      return c.json(catalog.get(c.req.valid('param').id), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: 'catalog',
        summary: 'Create a product; idempotent by client-made UUIDv7 id',
        body: ProductCreateSchema,
        item,
        errors: [400, 401, 403, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        const result = catalog.create(c.req.valid('json'), actor);
        return result.created ? c.json(result.product, 201) : c.json(result.product, 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'catalog',
        params: IdParam,
        body: ProductPatchSchema,
        item,
        errors: [400, 401, 403, 404, 409, 422],
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(catalog.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(
      setActiveRoute({
        tag: 'catalog',
        summary: 'Stop selling a product (a style takes its variants with it); it stays in the change feed',
        params: IdParam,
        item,
        active: false,
      }),
      (c) => {
        const actor = actorWith(c.get('principal'), 'catalog.manage');
        return c.json(catalog.setActive(c.req.valid('param').id, false, actor), 200);
      },
    )
    .openapi(setActiveRoute({ tag: 'catalog', params: IdParam, item, active: true }), (c) => {
      const actor = actorWith(c.get('principal'), 'catalog.manage');
      return c.json(catalog.setActive(c.req.valid('param').id, true, actor), 200);
    });
  return { path: 'products', routes };
}
