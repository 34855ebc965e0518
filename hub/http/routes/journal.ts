import { createRoute, z } from '@hono/zod-openapi';
import type { JournalService } from '../../services/journal/journal-service.js';
import type { ApiModule } from '../app.js';
import { createRouter, errorResponses } from '../router.js';

const VerdictSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    lastHash: z.string().optional(),
    brokenAtSeq: z.number().int().optional(),
    reason: z.string().optional(),
  })
  .openapi('JournalVerdict');

const JournalEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    type: z.string(),
    entityId: z.string().nullable(),
    payload: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('JournalEntry');

/** The fiscal journal for auditors: the chain verdict and the entries after a sequence number. */
export function createJournalRoutes(journal: JournalService): ApiModule {
  const routes = createRouter({ auth: 'authenticated' })
    .openapi(
      createRoute({
        method: 'get',
        path: '/verify',
        tags: ['journal'],
        responses: {
          200: {
            description: 'Hash chain verdict',
            content: { 'application/json': { schema: VerdictSchema } },
          },
          ...errorResponses(401, 403, 503),
        },
      }),
      (c) => c.json(journal.verify(c.get('principal')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['journal'],
        request: {
          query: z.strictObject({
            after: z.coerce.number().int().min(0).default(0),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
        responses: {
          200: {
            description: 'Journal entries after a sequence number',
            content: {
              'application/json': {
                schema: z.object({ items: z.array(JournalEntrySchema), nextAfter: z.number().int() }),
              },
            },
          },
          ...errorResponses(400, 401, 403, 503),
        },
      }),
      (c) => {
        const { after, limit } = c.req.valid('query');
        return c.json(journal.list(c.get('principal'), after, limit), 200);
      },
    );
  return { path: 'journal', routes };
}
