import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createCashApi } from '../../http/routes/cash.js';
import { CashService, type CashDeps } from './cash-service.js';

export type { CashDeps } from './cash-service.js';
export { openSessionForTill } from './open-session.js';

/** Cash sessions and X/Z reports: the service for other modules and the HTTP resources for the app. */
export function createCashModule(
  ctx: HubContext,
  deps: CashDeps,
): { service: CashService; api: ApiModule[] } {
  const service = new CashService(ctx, deps);
  return { service, api: createCashApi(service) };
}
