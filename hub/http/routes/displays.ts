import { createRoute, z } from '@hono/zod-openapi';
import { topics } from '../../contract/mqtt.js';
import type { DisplayPairingService } from '../../services/access/display-pairing.js';
import type { StoreSettings } from '../../services/settings/settings-schema.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';

const DisplaySchema = z
  .object({
    id: z.string(),
    tillId: z.string().nullable(),
    status: z.enum(['pending', 'active', 'revoked']),
    requestedAt: z.string(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('CustomerDisplay');
const TicketSchema = z
  .object({
    displayId: z.string(),
    pairingCode: z.string().openapi({ description: 'Shown on the display; a cashier types it at the till' }),
    pairingSecret: z.string(),
    expiresAt: z.string(),
  })
  .openapi('DisplayPairTicket');
const StatusSchema = z
  .object({
    status: z.enum(['pending', 'active', 'expired', 'revoked']),
    displayId: z.string(),
    expiresAt: z.string().optional(),
    tillId: z.string().optional(),
    token: z.string().optional().openapi({ description: 'The display token; given once, keep it' }),
  })
  .openapi('DisplayPairStatus');
const MeSchema = z
  .object({
    displayId: z.string(),
    tillId: z.string(),
    tillName: z.string(),
    tillNumber: z.number().int().nullable(),
    storeId: z.string(),
    cartTopic: z.string().openapi({ description: 'The one MQTT topic this display may read' }),
    store: z.object({ name: z.string(), locale: z.string(), currency: z.string() }),
  })
  .openapi('DisplayMe');
const PairingCode = z.string().regex(/^\d{6}$/, 'A pairing code is 6 digits');
const SecretHeader = z.object({ 'x-pairing-secret': z.string().min(1).max(256) });
const TokenHeader = z.object({ 'x-display-token': z.string().max(256).optional() });
const IdParam = z.object({ id: z.uuid() });

export interface DisplaysModuleDeps {
  displays: DisplayPairingService;
  store: () => Pick<StoreSettings, 'name' | 'locale' | 'currency'>;
  storeId: string;
}

/**
 * /displays: a customer display pairs (anonymous request + poll with its secret), learns who it is with
 * its own token (X-Display-Token: not a till or staff credential, so no other route accepts it), and a
 * cashier at a till approves it by typing its code; cashiers and managers list and revoke displays.
 */
export function createDisplaysModule(deps: DisplaysModuleDeps): ApiModule {
  const { displays } = deps;
  const routes = createRouter({ auth: 'authenticated', publicPaths: ['/pair', '/pair/status', '/me'] })
    .openapi(
      createRoute({
        method: 'post',
        path: '/pair',
        tags: ['displays'],
        summary: 'A browser asks to become a customer display; it shows the code it gets',
        responses: { 201: json(TicketSchema, 'Pairing requested'), ...errorResponses(429) },
      }),
      (c) => c.json(displays.requestPairing(c.get('principal').address), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pair/status',
        tags: ['displays'],
        request: { headers: SecretHeader },
        responses: { 200: json(StatusSchema, 'Where the pairing stands'), ...errorResponses(400, 404) },
      }),
      (c) => c.json(displays.pairingStatus(c.req.valid('header')['x-pairing-secret']), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags: ['displays'],
        summary: 'The paired display: its till, the store, and the cart topic it may read',
        request: { headers: TokenHeader },
        responses: { 200: json(MeSchema, 'This display'), ...errorResponses(400, 401) },
      }),
      (c) => {
        const me = displays.whoAmI(c.req.valid('header')['x-display-token']);
        const { name, locale, currency } = deps.store();
        return c.json(
          {
            ...me,
            storeId: deps.storeId,
            cartTopic: topics.tillCart(deps.storeId, me.tillId),
            store: { name, locale, currency },
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/approve',
        tags: ['displays'],
        summary: 'A cashier at a till pairs the display showing this code to that till',
        request: body(z.strictObject({ code: PairingCode })),
        responses: { 200: json(DisplaySchema, 'Paired'), ...errorResponses(400, 401, 422, 429) },
      }),
      (c) => c.json(displays.approve(c.get('principal'), c.req.valid('json').code), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['displays'],
        summary: "At a till: its displays; on the admin pages ('tills.manage'): all",
        request: { query: PageQuerySchema },
        responses: { 200: json(pageSchema(DisplaySchema), 'Displays'), ...errorResponses(400, 401, 403) },
      }),
      (c) => c.json(pageOf(displays.list(c.get('principal')), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/revoke',
        tags: ['displays'],
        summary: "Revoke a display: a cashier at its till, or 'tills.manage'",
        request: { params: IdParam },
        responses: { 200: json(DisplaySchema, 'Revoked'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(displays.revoke(c.get('principal'), c.req.valid('param').id), 200),
    );
  return { path: 'displays', routes };
}
