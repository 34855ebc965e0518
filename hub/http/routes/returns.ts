import { createRoute } from '@hono/zod-openapi';
import { staffOf } from '../../services/access/guards.js';
import type { ReturnService } from '../../services/returns/return-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import {
  CreateReturnSchema,
  QuoteReturnSchema,
  ReturnableSaleSchema,
  ReturnQuoteSchema,
} from './returns-schemas.js';
import { body, IdParamSchema, json, ReceiptParamSchema, SaleViewSchema } from './sales-schemas.js';
import { tillActor } from './sales.js';

export function createReturnsApi(returns: ReturnService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/returnable/{code}',
        tags: ['returns'],
        summary: 'The completed sale behind a receipt code or barcode, with what earlier returns took back',
        request: { params: ReceiptParamSchema },
        responses: {
          200: json(ReturnableSaleSchema, 'The sale and the returned quantity of each line'),
          ...errorResponses(400, 401, 404, 422),
        },
      }),
      (c) => {
        staffOf(c.get('principal'));
        return c.json(returns.returnable(c.req.valid('param').code), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/quote',
        tags: ['returns'],
        summary: 'What a return would refund and which permissions it needs; writes nothing',
        request: { body: body(QuoteReturnSchema) },
        responses: {
          200: json(ReturnQuoteSchema, 'The figures the return would have'),
          ...errorResponses(400, 401, 404, 422),
        },
      }),
      (c) => {
        tillActor(c.get('principal'));
        return c.json(returns.quote(c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['returns'],
        summary: 'Return goods against a receipt (or blind); refunds and, when they are through, completion',
        request: { body: body(CreateReturnSchema) },
        responses: {
          201: json(
            SaleViewSchema,
            'The return: completed, or open while a card refund is declined or unknown',
          ),
          200: json(SaleViewSchema, 'A replay: the return as it is now'),
          ...errorResponses(400, 401, 403, 404, 409, 422, 423, 429, 507),
        },
      }),
      async (c) => {
        const result = await returns.create(tillActor(c.get('principal')), c.req.valid('json'));
        return c.json(result.sale, result.created ? 201 : 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/complete',
        tags: ['returns'],
        summary: 'Complete a return once its refunds are resolved; idempotent',
        request: { params: IdParamSchema },
        responses: {
          200: json(SaleViewSchema, 'The completed return'),
          ...errorResponses(400, 401, 404, 409, 422, 507),
        },
      }),
      (c) => c.json(returns.complete(tillActor(c.get('principal')), c.req.valid('param').id), 200),
    );
  return { path: 'returns', routes };
}
