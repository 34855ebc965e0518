import { createRoute, z } from '@hono/zod-openapi';
import {
  PurchaseOrderCreateSchema,
  PurchaseOrderPatchSchema,
  PurchaseOrderReceiveSchema,
  PurchaseOrderViewSchema,
} from '../../../services/stock/purchase-order-schema.js';
import type { PurchaseOrderService } from '../../../services/stock/purchase-order-service.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses, pageSchema, PageQuerySchema } from '../../router.js';
import { body, json } from '../access-helpers.js';
import { createOrReplayRoute, getByIdRoute, patchRoute } from '../crud.js';
import { stockManager } from './stock-access.js';

const IdParam = z.object({ id: z.uuid() });
const item = PurchaseOrderViewSchema;

/** POST /{id}/<action>: a step of the order's lifecycle. */
const stepRoute = (action: 'send' | 'cancel', summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    tags: ['purchase-orders'],
    summary,
    request: { params: IdParam },
    responses: { 200: json(item, 'The order after the step'), ...errorResponses(400, 401, 403, 404, 409) },
  });

const receiveRoute = createRoute({
  method: 'post',
  path: '/{id}/receive',
  tags: ['purchase-orders'],
  summary: 'Goods in against the order, line by line, at the line cost or the one given',
  request: { params: IdParam, ...body(PurchaseOrderReceiveSchema) },
  responses: {
    200: json(item, 'The order after the delivery'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

/**
 * /purchase-orders ('stock.manage'): draft -> sent -> partly received -> received (or cancelled before
 * anything arrived). A step the order's state does not allow is a 409 PURCHASE_ORDER_STATE.
 */
export function createPurchaseOrderRoutes(orders: PurchaseOrderService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['purchase-orders'],
        request: {
          query: PageQuerySchema.extend({
            status: z.enum(['draft', 'sent', 'partly_received', 'received', 'cancelled']).optional(),
          }),
        },
        responses: {
          200: json(pageSchema(item), 'Purchase orders, newest first'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        stockManager(c.get('principal'));
        const q = c.req.valid('query');
        return c.json(orders.list(q.status ?? null, q.limit, q.offset), 200);
      },
    )
    .openapi(
      getByIdRoute({ tag: 'purchase-orders', params: IdParam, item, description: 'Purchase order' }),
      (c) => {
        stockManager(c.get('principal'));
        return c.json(orders.get(c.req.valid('param').id), 200);
      },
    )
    .openapi(
      createOrReplayRoute({
        tag: 'purchase-orders',
        summary: 'A draft order; lines without a cost take the product cost',
        body: PurchaseOrderCreateSchema,
        item,
        errors: [400, 401, 403, 409, 422],
      }),
      (c) => {
        const result = orders.create(c.req.valid('json'), stockManager(c.get('principal')));
        return c.json(result.order, result.created ? 201 : 200);
      },
    )
    .openapi(
      patchRoute({
        tag: 'purchase-orders',
        params: IdParam,
        body: PurchaseOrderPatchSchema,
        item,
        errors: [400, 401, 403, 404, 409, 422],
      }),
      (c) => {
        const actor = stockManager(c.get('principal'));
        return c.json(orders.update(c.req.valid('param').id, c.req.valid('json'), actor), 200);
      },
    )
    .openapi(stepRoute('send', 'Marks a draft as sent to the supplier'), (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(orders.send(c.req.valid('param').id, actor), 200);
    })
    .openapi(stepRoute('cancel', 'Cancels a draft or a sent order nothing has arrived for'), (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(orders.cancel(c.req.valid('param').id, actor), 200);
    })
    .openapi(receiveRoute, (c) => {
      const actor = stockManager(c.get('principal'));
      return c.json(orders.receive(c.req.valid('param').id, c.req.valid('json'), actor), 200);
    });
  return { path: 'purchase-orders', routes };
}
