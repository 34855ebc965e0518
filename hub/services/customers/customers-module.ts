import type { HubContext } from '../../context.js';
import type { ApiModule } from '../../http/app.js';
import { createCustomersApi } from '../../http/routes/customers.js';
import { CustomerService } from './customer-service.js';

/** Customers and their purchase history; guards come from the access module's principal. */
export function createCustomersModule(ctx: HubContext): { service: CustomerService; api: ApiModule[] } {
  const service = new CustomerService(ctx);
  return { service, api: [createCustomersApi(service)] };
}
