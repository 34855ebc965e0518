import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createCustomersApi } from '../../http/routes/customers.js';
import { createGiftCardsApi } from '../../http/routes/gift-cards.js';
import type { TenderLedger } from '../payments/tender-ledger.js';
import type { CompletionHook } from '../sales/deps.js';
import { CustomerExportService } from './customer-export.js';
import { CustomerMergeService } from './customer-merge.js';
import { CustomerService } from './customer-service.js';
import { giftCardCompletion, giftCardTender } from './gift-card-ledger.js';
import { GiftCardService } from './gift-card-service.js';
import { createLoyaltyApi } from '../../http/routes/loyalty.js';
import { loyaltyCompletion, loyaltyTender } from './loyalty-ledger.js';
import { LoyaltyService } from './loyalty-service.js';

export interface CustomersModuleDeps {
  /** The store currency: a gift card a manager issues is in it (EUR when not given: tests that build the module alone). */
  currency: () => string;
}

export interface CustomersModule {
  service: CustomerService;
  giftCards: GiftCardService;
  loyalty: LoyaltyService;
  /** For the sales module: gift cards (and loyalty points) redeemed as tenders. */
  tenderLedgers: readonly TenderLedger[];
  /** For the sales module: sold gift cards are loaded, points earned, when a sale completes. */
  completionHooks: readonly CompletionHook[];
  api: ApiModule[];
}

/** Customers and their purchase history, gift cards and loyalty; guards come from the access module's principal. */
export function createCustomersModule(
  ctx: HubContext,
  deps: CustomersModuleDeps = { currency: () => 'EUR' },
): CustomersModule {
  const service = new CustomerService(ctx);
  const giftCards = new GiftCardService(ctx, deps.currency);
  const loyalty = new LoyaltyService(ctx);
  return {
    service,
    giftCards,
    loyalty,
    tenderLedgers: [giftCardTender, loyaltyTender],
    // Gift cards first: points are earned on what the sale holds besides the cards it sold.
    completionHooks: [giftCardCompletion, loyaltyCompletion],
    api: [
      createCustomersApi(service, {
        merges: new CustomerMergeService(ctx),
        export: new CustomerExportService(ctx, deps.currency),
      }),
      createGiftCardsApi(giftCards),
      createLoyaltyApi(loyalty),
    ],
  };
}
