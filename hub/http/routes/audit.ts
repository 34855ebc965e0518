import { createRoute, z } from '@hono/zod-openapi';
import type { AccessService } from '../../services/access/access-service.js';
import type { ApiModule } from '../app.js';
import { PageQuerySchema, createRouter, errorResponses } from '../router.js';
import { json } from './access-helpers.js';

const AuditItemSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    tillId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    outcome: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');
const AuditQuery = PageQuerySchema.extend({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  actorId: z.string().max(64).optional(),
  tillId: z.string().max(64).optional(),
  action: z.string().max(64).optional().openapi({ description: "Exact action, or a prefix ending in '.'" }),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
});

/** /audit: who did what, newest first ('staff.manage'). */
export function createAuditModule(access: AccessService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' }).openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['audit'],
      request: { query: AuditQuery },
      responses: {
        200: json(
          z.object({
            items: z.array(AuditItemSchema),
            total: z.number().int(),
            nextOffset: z.number().int().nullable(),
          }),
          'Audit entries',
        ),
        ...errorResponses(400, 401, 403),
      },
    }),
    (c) => {
      const { limit, offset, ...filter } = c.req.valid('query');
      return c.json(access.audit.list(c.get('principal'), filter, limit, offset), 200);
    },
  );
  return { path: 'audit', routes };
}
