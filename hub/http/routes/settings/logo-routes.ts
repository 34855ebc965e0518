import { createRoute, z } from '@hono/zod-openapi';
import { requirePermission } from '../../../services/access/guards.js';
import { actorOf } from '../../../services/settings/actor.js';
import {
  ReceiptLogoSchema,
  ReceiptLogoViewSchema,
  type ReceiptLogoService,
} from '../../../services/settings/receipt-logo.js';
import type { ApiModule } from '../../app.js';
import { createRouter, errorResponses } from '../../router.js';
import { body, json } from '../access-helpers.js';

/** /settings/logo: the receipt logo as the printer prints it ('settings.manage'). */
export function createLogoRoutes(logo: ReceiptLogoService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['settings'],
        summary: 'The receipt logo: a 1-bit raster, rows of ceil(width/8) bytes, base64',
        responses: { 200: json(ReceiptLogoViewSchema, 'The logo'), ...errorResponses(401, 403, 404) },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'settings.manage');
        return c.json(logo.view(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/',
        tags: ['settings'],
        request: body(ReceiptLogoSchema),
        responses: { 200: json(ReceiptLogoViewSchema, 'Saved'), ...errorResponses(400, 401, 403) },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(logo.set(c.req.valid('json'), actorOf(principal)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/',
        tags: ['settings'],
        summary: 'Print receipts without a logo',
        responses: {
          200: json(z.object({ removed: z.boolean() }).openapi('LogoRemoved'), 'Removed (or there was none)'),
          ...errorResponses(401, 403),
        },
      }),
      (c) => {
        const principal = c.get('principal');
        requirePermission(principal, 'settings.manage');
        return c.json(logo.remove(actorOf(principal)), 200);
      },
    );
  return { path: 'settings/logo', routes };
}
