import { createRoute, z } from '@hono/zod-openapi';
import type { SaleCouponService } from '../../services/sales/sale-coupons.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';
import { tillActor } from './sales.js';
import { body, IdParamSchema, json, SaleViewSchema } from './sales-schemas.js';

const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Code = z.string().trim().min(1).max(32);

/**
 * /sales/{id}/coupons: the cashier enters a coupon code on the sale (or takes one off). The sale is priced
 * again; a code no running promotion takes is 422 COUPON_NOT_VALID and changes nothing.
 */
export function createSaleCouponRoutes(coupons: SaleCouponService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/coupons',
        tags: ['sales'],
        summary: 'Enter a coupon code on the sale at expectedVersion',
        request: {
          params: IdParamSchema,
          body: body(z.strictObject({ code: Code, expectedVersion: Version }).openapi('SaleCoupon')),
        },
        responses: {
          200: json(SaleViewSchema, 'The sale priced with the code'),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      (c) => {
        const { code, expectedVersion } = c.req.valid('json');
        const actor = tillActor(c.get('principal'));
        return c.json(coupons.add(actor, c.req.valid('param').id, code, expectedVersion), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}/coupons/{code}',
        tags: ['sales'],
        summary: 'Take a coupon code off the sale at expectedVersion',
        request: {
          params: IdParamSchema.extend({ code: Code }),
          query: z.object({ expectedVersion: z.coerce.number().pipe(Version) }),
        },
        responses: {
          200: json(SaleViewSchema, 'The sale priced without the code'),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      }),
      (c) => {
        const { id, code } = c.req.valid('param');
        const actor = tillActor(c.get('principal'));
        return c.json(coupons.remove(actor, id, code, c.req.valid('query').expectedVersion), 200);
      },
    );
  return { path: 'sales', routes };
}
