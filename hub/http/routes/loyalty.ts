import { createRoute, z } from '@hono/zod-openapi';
import type { LoyaltyService } from '../../services/customers/loyalty-service.js';
import { LoyaltySettingsSchema } from '../../services/customers/loyalty-settings.js';
import type { ApiModule } from '../app.js';
import { PageQuerySchema, createRouter, errorResponses, pageSchema } from '../router.js';
import { body, json } from './access-helpers.js';
import { ReasonNote, signedChange } from './ledger-schemas.js';

const TierSchema = z.object({
  name: z.string(),
  minPoints: z.number().int(),
  multiplierBp: z.number().int(),
});
const CustomerLoyaltySchema = z
  .object({
    customerId: z.string(),
    enabled: z.boolean(),
    balancePoints: z.number().int(),
    lifetimePoints: z.number().int(),
    balanceValueMinor: z.number().int(),
    pointValueMinor: z.number().int(),
    tier: TierSchema.nullable(),
    nextTier: TierSchema.nullable(),
  })
  .openapi('CustomerLoyalty');
const EntrySchema = z.object({
  kind: z.enum(['earn', 'return', 'redeem', 'reversal', 'adjust', 'merge']),
  points: z.number().int(),
  saleId: z.string().nullable(),
  paymentId: z.string().nullable(),
  note: z.string(),
  at: z.string(),
});
const AdjustSchema = z
  .strictObject({ points: signedChange(10_000_000), note: ReasonNote })
  .openapi('PointsAdjust');
const IdParam = z.object({ id: z.uuid() });

/**
 * /loyalty/settings (the programme's rules) and /loyalty/customers/{id} (balance and tier for a till,
 * the points ledger, a manager's correction). Points are earned by completing sales and spent as the
 * 'loyalty' tender.
 */
export function createLoyaltyApi(loyalty: LoyaltyService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/settings',
        tags: ['loyalty'],
        responses: { 200: json(LoyaltySettingsSchema, 'The programme'), ...errorResponses(401) },
      }),
      (c) => c.json(loyalty.settings(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings',
        tags: ['loyalty'],
        request: body(LoyaltySettingsSchema),
        responses: { 200: json(LoyaltySettingsSchema, 'Saved'), ...errorResponses(400, 401, 403) },
      }),
      (c) => c.json(loyalty.updateSettings(c.get('principal'), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}',
        tags: ['loyalty'],
        summary: "A customer's points balance, value and tier",
        request: { params: IdParam },
        responses: { 200: json(CustomerLoyaltySchema, 'Balance and tier'), ...errorResponses(400, 401, 404) },
      }),
      (c) => c.json(loyalty.ofCustomer(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/customers/{id}/entries',
        tags: ['loyalty'],
        request: { params: IdParam, query: PageQuerySchema },
        responses: {
          200: json(pageSchema(EntrySchema).openapi('PointsEntryPage'), 'The points ledger, newest first'),
          ...errorResponses(400, 401, 404),
        },
      }),
      (c) => {
        const { limit, offset } = c.req.valid('query');
        return c.json(loyalty.entries(c.get('principal'), c.req.valid('param').id, limit, offset), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/customers/{id}/adjust',
        tags: ['loyalty'],
        request: { params: IdParam, ...body(AdjustSchema) },
        responses: {
          200: json(CustomerLoyaltySchema, 'Balance after the correction'),
          ...errorResponses(400, 401, 403, 404, 422),
        },
      }),
      (c) => c.json(loyalty.adjust(c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
    );
  return { path: 'loyalty', routes };
}
