import { createRoute, z } from '@hono/zod-openapi';
import type { AccessService } from '../../services/access/access-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses, pageOf, pageSchema, PageQuerySchema } from '../router.js';
import { body, json } from './access-helpers.js';

const TillSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    number: z.number().int().nullable(),
    status: z.enum(['pending', 'active', 'revoked']),
    invited: z.boolean(),
    requestedAt: z.string(),
    pairingExpiresAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('Till');
const TillName = z.string().trim().min(1).max(60);
const PairingCode = z.string().regex(/^\d{6}$/, 'A pairing code is 6 digits');
const PairRequestSchema = z
  .strictObject({ name: TillName, code: PairingCode.optional() })
  .openapi('TillPairRequest');
const PairTicketSchema = z
  .object({
    tillId: z.string(),
    pairingCode: z.string().nullable(),
    pairingSecret: z.string(),
    expiresAt: z.string(),
  })
  .openapi('TillPairTicket');
const PairStatusSchema = z
  .object({
    status: z.enum(['pending', 'active', 'expired', 'revoked']),
    tillId: z.string(),
    expiresAt: z.string().optional(),
    number: z.number().int().optional(),
    name: z.string().optional(),
    token: z.string().optional().openapi({ description: 'The device token; given once, keep it' }),
  })
  .openapi('TillPairStatus');
const InvitationSchema = z
  .object({ tillId: z.string(), code: z.string(), expiresAt: z.string() })
  .openapi('TillInvitation');
const IdParam = z.object({ id: z.uuid() });
const SecretHeader = z.object({ 'x-pairing-secret': z.string().min(1).max(256) });

/**
 * /tills: pairing (anonymous request + poll, manager approval or invitation codes), and management
 * ('tills.manage'). The pairing secret travels in a header so it stays out of URLs and access logs.
 */
export function createTillsModule(access: AccessService): ApiModule {
  const tills = access.tills;
  const routes = createRouter({ auth: 'authenticated', publicPaths: ['/pair', '/pair/status'] })
    .openapi(
      createRoute({
        method: 'post',
        path: '/pair',
        tags: ['tills'],
        request: body(PairRequestSchema),
        responses: { 201: json(PairTicketSchema, 'Pairing requested'), ...errorResponses(400, 422, 429) },
      }),
      (c) => c.json(tills.requestPairing(c.req.valid('json'), c.get('principal').address), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/pair/status',
        tags: ['tills'],
        request: { headers: SecretHeader },
        responses: { 200: json(PairStatusSchema, 'Where the pairing stands'), ...errorResponses(400, 404) },
      }),
      (c) => c.json(tills.pairingStatus(c.req.valid('header')['x-pairing-secret']), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags: ['tills'],
        responses: { 200: json(TillSchema, 'The calling till'), ...errorResponses(401) },
      }),
      (c) => c.json(tills.me(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['tills'],
        request: { query: PageQuerySchema },
        responses: {
          200: json(pageSchema(TillSchema), 'Tills'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => c.json(pageOf(tills.list(c.get('principal')), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/invitations',
        tags: ['tills'],
        request: body(z.strictObject({ name: TillName })),
        responses: {
          201: json(InvitationSchema, 'A code for a new till to claim'),
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => c.json(tills.issueInvitation(c.get('principal'), c.req.valid('json').name), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/approve',
        tags: ['tills'],
        request: { params: IdParam, ...body(z.strictObject({ code: PairingCode })) },
        responses: { 200: json(TillSchema, 'Approved'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      }),
      (c) =>
        c.json(tills.approve(c.get('principal'), c.req.valid('param').id, c.req.valid('json').code), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/revoke',
        tags: ['tills'],
        request: { params: IdParam },
        responses: { 200: json(TillSchema, 'Revoked'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(tills.revoke(c.get('principal'), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags: ['tills'],
        request: { params: IdParam, ...body(z.strictObject({ name: TillName })) },
        responses: { 200: json(TillSchema, 'Renamed'), ...errorResponses(400, 401, 403, 404) },
      }),
      (c) => c.json(tills.rename(c.get('principal'), c.req.valid('param').id, c.req.valid('json').name), 200),
    );
  return { path: 'tills', routes };
}
