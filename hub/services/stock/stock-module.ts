import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createStockRoutes } from '../../http/routes/stock/stock-routes.js';
import { StockService } from './stock-service.js';

export { recordStockMovements, type StockMovementInput } from './stock-service.js';

/** Stock ledger. Sales and returns call `recordStockMovements(tx, ...)` inside their own transaction. */
export function createStockModule(ctx: HubContext): { service: StockService; api: ApiModule[] } {
  const service = new StockService(ctx);
  return { service, api: [createStockRoutes(service)] };
}
