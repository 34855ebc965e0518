import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { listJournal, verifyJournal } from '../../db/journal.js';
import { requirePermission } from '../../services/access/guards.js';
import type { ApiModule } from '../app.js';
import { API_VERSION } from '../app.js';
import { createRouter, errorResponses } from '../router.js';

const HealthSchema = z
  .object({ ok: z.boolean(), version: z.string(), storeId: z.string(), startedAt: z.string() })
  .openapi('Health');

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

export interface SystemInfo {
  storeId: string;
  startedAt: string;
}

/** Health for monitoring (no auth: it says nothing about the store) and the journal for auditors. */
export function createSystemModules(db: Db, info: SystemInfo): ApiModule[] {
  const health = createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['system'],
      responses: {
        200: { description: 'The hub is up', content: { 'application/json': { schema: HealthSchema } } },
      },
    }),
    (c) => c.json({ ok: true, version: API_VERSION, storeId: info.storeId, startedAt: info.startedAt }, 200),
  );

  const journal = createRouter()
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
          ...errorResponses(401, 403),
        },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        return c.json(verifyJournal(db), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['journal'],
        request: {
          query: z.object({
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
          ...errorResponses(400, 401, 403),
        },
      }),
      (c) => {
        requirePermission(c.get('principal'), 'reports.view');
        const { after, limit } = c.req.valid('query');
        const items = listJournal(db, after, limit);
        return c.json({ items, nextAfter: items.at(-1)?.seq ?? after }, 200);
      },
    );

  return [
    { path: 'health', routes: health },
    { path: 'journal', routes: journal },
  ];
}
