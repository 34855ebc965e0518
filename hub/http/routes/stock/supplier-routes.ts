import { createRoute, z } from '@hono/zod-openapi';
import {
  SupplierCreateSchema,
  SupplierPatchSchema,
  SupplierViewSchema,
  type SupplierService,
} from '../../../services/stock/supplier-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../../router.js';
import { json } from '../access-helpers.js';
import { createOrReplayRoute, getByIdRoute, patchRoute, setActiveRoute } from '../crud.js';
import { stockManager } from './stock-access.js';

const IdParam = z.object({ id: z.uuid() });

/** /suppliers: who purchase orders go to ('stock.manage'); archived, never deleted. */
export function createSupplierRoutes(suppliers: SupplierService): ApiModule {
  const item = SupplierViewSchema;
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['suppliers'],
        request: { query: PageQuerySchema.extend({ archived: z.enum(['true', 'false']).default('false') }) },
        responses: { 200: json(pageSchema(item), 'Suppliers by name'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const query = c.req.valid('query');
        return c.json(pageOf(suppliers.list(query.archived === 'true'), query), 200);
      },
    )
    .openapi(getByIdRoute({ tag: 'suppliers', params: IdParam, item, description: 'Supplier' }), (c) => {
      stockManager(c.get('principal'));
      return c.json(suppliers.get(c.req.valid('param').id), 200);
    })
    .openapi(
      createOrReplayRoute({
        tag: 'suppliers',
        body: SupplierCreateSchema,
        item,
        errors: [400, 401, 403, 409],
      }),
      (c) => {
        const result = suppliers.create(c.req.valid('json'), stockManager(c.get('principal')));
        return c.json(result.supplier, result.created ? 201 : 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'suppliers',
        params: IdParam,
        body: SupplierPatchSchema,
        item,
        errors: [400, 401, 403, 404],
      }),
      (c) => {
        const actor = stockManager(c.get('principal'));
        return c.json(suppliers.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(setActiveRoute({ tag: 'suppliers', params: IdParam, item, active: false }), (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(suppliers.setArchived(c.req.valid('param').id, true, actor), 200);
    })
    .openapi(setActiveRoute({ tag: 'suppliers', params: IdParam, item, active: true }), (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(suppliers.setArchived(c.req.valid('param').id, false, actor), 200);
    });
  return { path: 'suppliers', routes };
}
