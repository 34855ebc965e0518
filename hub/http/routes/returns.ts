import { createRoute, z } from '@hono/zod-openapi';
import type { ReturnService } from '../../services/returns/return-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import {
  body,
  ClientId,
  IdParamSchema,
  json,
  MAX_LINES,
  MAX_PAYMENT_MINOR,
  MAX_QUANTITY,
  OverrideSchema,
  SaleViewSchema,
  Text,
} from './sales-schemas.js';
import { tillActor } from './sales.js';

const ReturnLineSchema = z
  .strictObject({
    originalLineId: z.uuid().optional(),
    productId: z.uuid().optional(),
    quantity: z.number().int().min(1).max(MAX_QUANTITY),
    restock: z.boolean(),
    reason: Text(200).pipe(z.string().min(1)),
  })
  .refine(
    (l) => (l.originalLineId === undefined) !== (l.productId === undefined),
    'give originalLineId or productId, not both',
  )
  .openapi('ReturnLine');

export const CreateReturnSchema = z
  .strictObject({
    id: ClientId,
    originalReceiptCode: z.string().trim().min(3).max(20).optional(),
    originalSaleId: z.uuid().optional(),
    lines: z.array(ReturnLineSchema).min(1).max(MAX_LINES),
    refunds: z
      .array(
        z.strictObject({
          tenderId: z.string().trim().min(1).max(64),
          amountMinor: z.number().int().min(1).max(MAX_PAYMENT_MINOR),
        }),
      )
      .min(1)
      .max(10)
      .optional(),
    note: Text(500).optional(),
    override: OverrideSchema,
  })
  .refine(
    (r) => r.originalReceiptCode === undefined || r.originalSaleId === undefined,
    'give the receipt code or the sale id, not both',
  )
  .openapi('CreateReturn');

export function createReturnsApi(returns: ReturnService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
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
