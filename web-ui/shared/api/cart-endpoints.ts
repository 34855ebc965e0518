import type { HubApiClient } from './client.js';
import { array, object, optionalString, string } from './decode.js';
import { decodeSale, type OverrideInput, type SaleView } from './sales-endpoints.js';

/**
 * The cart operations beside the cart itself: park and recall, void the sale, the parked sales of a
 * till, and customers to attach (search, quick create). Every figure returned is the hub's.
 */

const saleUrl = (id: string, action: string) => `/sales/${encodeURIComponent(id)}/${action}`;

export async function parkSale(api: HubApiClient, saleId: string): Promise<SaleView> {
  return decodeSale(await api.request(saleUrl(saleId, 'park'), { method: 'POST' }));
}

export async function recallSale(api: HubApiClient, saleId: string): Promise<SaleView> {
  return decodeSale(await api.request(saleUrl(saleId, 'recall'), { method: 'POST' }));
}

export async function voidSale(
  api: HubApiClient,
  saleId: string,
  reason: string,
  override: OverrideInput | null,
): Promise<SaleView> {
  return decodeSale(
    await api.request(saleUrl(saleId, 'void'), {
      method: 'POST',
      body: { ...(reason === '' ? {} : { reason }), ...(override === null ? {} : { override }) },
    }),
  );
}

/** The sales parked at a till, newest first as the hub lists them. */
export async function parkedSales(api: HubApiClient, tillId: string): Promise<SaleView[]> {
  const params = new URLSearchParams({ status: 'parked', kind: 'sale', tillId, limit: '50' });
  const o = object(await api.request(`/sales?${params.toString()}`), 'sales');
  return array(o, 'items', 'sales').map(decodeSale);
}

export interface CustomerHit {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
}

function customer(value: unknown): CustomerHit {
  const o = object(value, 'customer');
  return {
    id: string(o, 'id', 'customer'),
    name: string(o, 'name', 'customer'),
    phone: optionalString(o, 'phone', 'customer'),
    email: optionalString(o, 'email', 'customer'),
  };
}

/** Customers whose name, phone or e-mail starts with `query`. */
export async function searchCustomers(
  api: HubApiClient,
  query: string,
  signal?: AbortSignal,
): Promise<CustomerHit[]> {
  const params = new URLSearchParams({ q: query, limit: '10' });
  const o = object(
    await api.request(`/customers?${params.toString()}`, signal ? { signal } : {}),
    'customers',
  );
  return array(o, 'items', 'customers').map(customer);
}

export async function getCustomer(api: HubApiClient, id: string): Promise<CustomerHit> {
  return customer(await api.request(`/customers/${encodeURIComponent(id)}`));
}

/** A new customer with the till's id for it, so a retried create does not make two. */
export async function createCustomer(
  api: HubApiClient,
  input: { id: string; name: string; phone: string | null },
): Promise<CustomerHit> {
  return customer(await api.request('/customers', { method: 'POST', body: input }));
}
