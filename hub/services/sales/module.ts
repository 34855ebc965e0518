import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createPaymentsApi } from '../../http/routes/payments.js';
import { createReturnsApi } from '../../http/routes/returns.js';
import { createSalesApi } from '../../http/routes/sales.js';
import { createStoreCreditApi } from '../../http/routes/store-credit.js';
import { PaymentService } from '../payments/payment-service.js';
import { StoreCreditService } from '../payments/store-credit.js';
import type { TenderLedger } from '../payments/tender-ledger.js';
import type { TerminalAdapter } from '../payments/terminal-adapter.js';
import { ReturnService } from '../returns/return-service.js';
import { resolveSalesDeps, type SalesDeps } from './deps.js';
import { SaleCartService } from './sale-cart.js';
import { SaleCompletionService } from './sale-completion.js';
import { SaleLifecycleService } from './sale-lifecycle.js';

export interface SalesModuleDeps extends SalesDeps {
  terminal: TerminalAdapter;
  tenderLedgers?: readonly TenderLedger[];
}

export interface SalesServices {
  cart: SaleCartService;
  lifecycle: SaleLifecycleService;
  completion: SaleCompletionService;
}

export interface SalesModule {
  sales: SalesServices;
  payments: PaymentService;
  returns: ReturnService;
  storeCredit: StoreCreditService;
  api: ApiModule[];
}

/**
 * Sales, payments and returns with their HTTP resources. The lead runs `payments.resolvePendingPayments()`
 * at start-up and periodically, so a payment left pending by a crash or a lost terminal is asked about.
 */
export function createSalesModule(ctx: HubContext, deps: SalesModuleDeps): SalesModule {
  const resolved = resolveSalesDeps(deps);
  const sales: SalesServices = {
    cart: new SaleCartService(ctx, resolved),
    lifecycle: new SaleLifecycleService(ctx, resolved),
    completion: new SaleCompletionService(ctx, resolved),
  };
  const payments = new PaymentService(ctx, {
    settings: deps.settings,
    terminal: deps.terminal,
    ...(deps.tenderLedgers ? { ledgers: deps.tenderLedgers } : {}),
  });
  const returns = new ReturnService(ctx, resolved, deps.terminal, payments);
  const storeCredit = new StoreCreditService(ctx);
  return {
    sales,
    payments,
    returns,
    storeCredit,
    api: [
      createSalesApi(sales, payments),
      createPaymentsApi(payments),
      createReturnsApi(returns),
      createStoreCreditApi(storeCredit),
    ],
  };
}
