import { createRoute } from '@hono/zod-openapi';
import { staffOf } from '../../services/access/guards.js';
import type { PaymentService } from '../../services/payments/payment-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { IdParamSchema, json, PaymentResultSchema } from './sales-schemas.js';
import { tillActor } from './sales.js';

export function createPaymentsApi(payments: PaymentService): ApiModule {
  const routes = createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/resolve',
        tags: ['payments'],
        summary: 'Ask the terminal again about a pending or unknown payment',
        request: { params: IdParamSchema },
        responses: {
          200: json(PaymentResultSchema, 'The payment as it is now'),
          ...errorResponses(400, 401, 404, 507),
        },
      }),
      async (c) => {
        const principal = c.get('principal');
        staffOf(principal);
        const result = await payments.resolve(c.req.valid('param').id, principal);
        return c.json({ payment: result.payment, sale: result.sale }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/cancel',
        tags: ['payments'],
        summary:
          'Hand back a cash or recorded payment, or abort a card payment in progress, before completion',
        request: { params: IdParamSchema },
        responses: {
          200: json(PaymentResultSchema, 'The payment as it is now'),
          ...errorResponses(400, 401, 404, 409, 422, 507),
        },
      }),
      async (c) => {
        const result = await payments.cancel(tillActor(c.get('principal')), c.req.valid('param').id);
        return c.json({ payment: result.payment, sale: result.sale }, 200);
      },
    );
  return { path: 'payments', routes };
}
