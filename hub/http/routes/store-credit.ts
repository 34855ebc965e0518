import { createRoute, z } from '@hono/zod-openapi';
import { staffOf } from '../../services/access/guards.js';
import type { StoreCreditService } from '../../services/payments/store-credit.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { json } from './sales-schemas.js';

const StoreCreditSchema = z
  .object({
    code: z.string().openapi({ example: 'SC-7K2M-9QXD-4H0P' }),
    currency: z.string(),
    balanceMinor: z.number().int(),
    issuedSaleId: z.string().nullable(),
    createdAt: z.string(),
    entries: z.array(
      z.object({
        kind: z.enum(['issue', 'redeem', 'reversal']),
        amountMinor: z.number().int(),
        saleId: z.string().nullable(),
        paymentId: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi('StoreCredit');

const CodeParamSchema = z.object({
  code: z
    .string()
    .trim()
    .min(4)
    .max(32)
    .openapi({ description: 'The code as printed, in any case, with or without dashes' }),
});

/** /store-credit/{code}: the balance of a credit (the sum of its ledger) for staff at a till or admin. */
export function createStoreCreditApi(credits: StoreCreditService): ApiModule {
  const routes = createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags: ['payments'],
      summary: 'Balance and ledger of a store credit',
      request: { params: CodeParamSchema },
      responses: {
        200: json(StoreCreditSchema, 'The credit with its balance'),
        ...errorResponses(400, 401, 404),
      },
    }),
    (c) => {
      staffOf(c.get('principal'));
      return c.json(credits.get(c.req.valid('param').code), 200);
    },
  );
  return { path: 'store-credit', routes };
}
