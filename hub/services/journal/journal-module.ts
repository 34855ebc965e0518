import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createJournalRoutes } from '../../http/routes/journal.js';
import { JournalService } from './journal-service.js';

/** The journal API (/journal, /journal/verify) on the hub's transactor. */
export function createJournalModule(ctx: HubContext): { service: JournalService; api: ApiModule[] } {
  const service = new JournalService(ctx.tx);
  return { service, api: [createJournalRoutes(service)] };
}
