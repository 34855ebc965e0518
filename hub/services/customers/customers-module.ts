import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createCustomersApi } from '../../http/routes/customers.js';
import { createGiftCardsApi } from '../../http/routes/gift-cards.js';
import type { TenderLedger } from '../payments/tender-ledger.js';
import type { CompletionHook } from '../sales/deps.js';
import { CustomerService } from './customer-service.js';
import { giftCardCompletion, giftCardTender } from './gift-card-ledger.js';
import { GiftCardService } from './gift-card-service.js';

export interface CustomersModuleDeps {
  /** The store currency: a gift card a manager issues is in it ('XXX', no currency, when not given). */
  currency: () => string;
}

export interface CustomersModule {
  service: CustomerService;
  giftCards: GiftCardService;
  /** For the sales module: gift cards (and loyalty points) redeemed as tenders. */
  tenderLedgers: readonly TenderLedger[];
  /** For the sales module: sold gift cards are loaded, points earned, when a sale completes. */
  completionHooks: readonly CompletionHook[];
  api: ApiModule[];
}

/** Customers and their purchase history, gift cards and loyalty; guards come from the access module's principal. */
export function createCustomersModule(
  ctx: HubContext,
  deps: CustomersModuleDeps = { currency: () => 'XXX' },
): CustomersModule {
  const service = new CustomerService(ctx);
  const giftCards = new GiftCardService(ctx, deps.currency);
  return {
    service,
    giftCards,
    tenderLedgers: [giftCardTender],
    completionHooks: [giftCardCompletion],
    api: [createCustomersApi(service), createGiftCardsApi(giftCards)],
  };
}
