import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createPurchaseOrderRoutes } from '../../http/routes/stock/purchase-order-routes.js';
import { createStockCountRoutes } from '../../http/routes/stock/stock-count-routes.js';
import { createStockOverviewRoutes } from '../../http/routes/stock/stock-overview-routes.js';
import { createStockRoutes } from '../../http/routes/stock/stock-routes.js';
import { createSupplierRoutes } from '../../http/routes/stock/supplier-routes.js';
import { PurchaseOrderService } from './purchase-order-service.js';
import { StockCountService } from './stock-count-service.js';
import { StockOverviewService } from './stock-overview-service.js';
import { StockService } from './stock-service.js';
import { SupplierService } from './supplier-service.js';

export { recordStockMovements, type StockMovementInput } from './stock-service.js';

/**
 * Stock: the ledger, levels and valuation, suppliers, purchase orders and counts. Sales and returns call
 * `recordStockMovements(tx, ...)` inside their own transaction.
 */
export function createStockModule(ctx: HubContext): { service: StockService; api: ApiModule[] } {
  const service = new StockService(ctx);
  return {
    service,
    api: [
      createStockRoutes(service),
      createStockOverviewRoutes(new StockOverviewService(ctx)),
      createSupplierRoutes(new SupplierService(ctx)),
      createPurchaseOrderRoutes(new PurchaseOrderService(ctx)),
      createStockCountRoutes(new StockCountService(ctx)),
    ],
  };
}
