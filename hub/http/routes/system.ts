import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/connection.js';
import { mapStorageError } from '../../db/sqlite-errors.js';
import { JournalService } from '../../services/journal/journal-service.js';
import type { ApiModule } from '../app.js';
import { API_VERSION } from '../app.js';
import { createRouter } from '../router.js';
import { createJournalRoutes } from './journal.js';

const HealthSchema = z
  .object({ ok: z.boolean(), version: z.string(), storeId: z.string(), startedAt: z.string() })
  .openapi('Health');

export interface SystemInfo {
  storeId: string;
  startedAt: string;
}

/**
 * Health for monitoring (no auth: it says nothing about the store) and the journal for auditors. Pass
 * the hub's JournalService (createJournalModule); without one, a service reading `db` directly is made.
 */
export function createSystemModules(db: Db, info: SystemInfo, journal?: JournalService): ApiModule[] {
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
  const service =
    journal ??
    new JournalService({
      read: (fn) => {
        try {
          return fn(db);
        } catch (error) {
          throw mapStorageError(error);
        }
      },
    });
  return [{ path: 'health', routes: health }, createJournalRoutes(service)];
}
