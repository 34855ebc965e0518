import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string, type Json } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export interface CustomerRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  taxId: string | null;
  notes: string;
  marketingConsent: boolean;
  consentAt: string | null;
  createdAt: string;
}

export interface Purchase {
  saleId: string;
  kind: 'sale' | 'return';
  receiptCode: string | null;
  currency: string;
  totalMinor: number;
  completedAt: string;
}

export interface PurchaseTotals {
  currency: string;
  salesCount: number;
  returnsCount: number;
  netMinor: number;
}

export interface Tier {
  name: string;
  minPoints: number;
  multiplierBp: number;
}

export interface CustomerLoyalty {
  enabled: boolean;
  balancePoints: number;
  lifetimePoints: number;
  balanceValueMinor: number;
  tier: Tier | null;
  nextTier: Tier | null;
}

export const POINTS_KINDS = ['earn', 'return', 'redeem', 'reversal', 'adjust', 'merge'] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

export interface PointsEntry {
  kind: PointsKind;
  points: number;
  saleId: string | null;
  note: string;
  at: string;
}

export interface MergeRecord {
  mergedId: string;
  mergedName: string;
  at: string;
}

const path = (id: string) => `/customers/${encodeURIComponent(id)}`;
const paging = (limit: number, offset: number) => `limit=${limit}&offset=${offset}`;

export function decodeCustomer(value: unknown): CustomerRow {
  const o = object(value, 'customer');
  return {
    id: string(o, 'id', 'customer'),
    name: string(o, 'name', 'customer'),
    phone: optionalString(o, 'phone', 'customer'),
    email: optionalString(o, 'email', 'customer'),
    taxId: optionalString(o, 'taxId', 'customer'),
    notes: string(o, 'notes', 'customer'),
    marketingConsent: o.marketingConsent === true,
    consentAt: optionalString(o, 'consentAt', 'customer'),
    createdAt: string(o, 'createdAt', 'customer'),
  };
}

function decodeTier(value: unknown): Tier | null {
  if (value === null || value === undefined) return null;
  const o = object(value, 'tier');
  return {
    name: string(o, 'name', 'tier'),
    minPoints: integer(o, 'minPoints', 'tier'),
    multiplierBp: integer(o, 'multiplierBp', 'tier'),
  };
}

export async function searchCustomers(
  api: HubApiClient,
  q: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<CustomerRow>> {
  const answer = await api.request(
    `/customers?q=${encodeURIComponent(q)}&${paging(limit, offset)}`,
    signal ? { signal } : {},
  );
  return decodePage(answer, decodeCustomer, 'customers');
}

export async function getCustomer(api: HubApiClient, id: string): Promise<CustomerRow> {
  return decodeCustomer(await api.request(path(id)));
}

export async function setConsent(api: HubApiClient, id: string, consent: boolean): Promise<CustomerRow> {
  return decodeCustomer(
    await api.request(path(id), { method: 'PATCH', body: { marketingConsent: consent } }),
  );
}

export async function purchases(
  api: HubApiClient,
  id: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<Purchase> & { totals: PurchaseTotals[] }> {
  const answer = await api.request(
    `${path(id)}/purchases?${paging(limit, offset)}`,
    signal ? { signal } : {},
  );
  const page = decodePage(
    answer,
    (v) => {
      const o = object(v, 'purchase');
      return {
        saleId: string(o, 'saleId', 'purchase'),
        kind: oneOf(o, 'kind', ['sale', 'return'], 'purchase'),
        receiptCode: optionalString(o, 'receiptCode', 'purchase'),
        currency: string(o, 'currency', 'purchase'),
        totalMinor: integer(o, 'totalMinor', 'purchase'),
        completedAt: string(o, 'completedAt', 'purchase'),
      };
    },
    'purchases',
  );
  const totals = array(object(answer, 'purchases'), 'totals', 'purchases').map((v) => {
    const o = object(v, 'totals');
    return {
      currency: string(o, 'currency', 'totals'),
      salesCount: integer(o, 'salesCount', 'totals'),
      returnsCount: integer(o, 'returnsCount', 'totals'),
      netMinor: integer(o, 'netMinor', 'totals'),
    };
  });
  return { ...page, totals };
}

export function decodeLoyalty(value: unknown): CustomerLoyalty {
  const o: Json = object(value, 'loyalty');
  return {
    enabled: o.enabled === true,
    balancePoints: integer(o, 'balancePoints', 'loyalty'),
    lifetimePoints: integer(o, 'lifetimePoints', 'loyalty'),
    balanceValueMinor: integer(o, 'balanceValueMinor', 'loyalty'),
    tier: decodeTier(o.tier),
    nextTier: decodeTier(o.nextTier),
  };
}

export async function loyaltyOf(api: HubApiClient, id: string): Promise<CustomerLoyalty> {
  return decodeLoyalty(await api.request(`/loyalty/customers/${encodeURIComponent(id)}`));
}

export async function adjustPoints(
  api: HubApiClient,
  id: string,
  points: number,
  note: string,
): Promise<CustomerLoyalty> {
  return decodeLoyalty(
    await api.request(`/loyalty/customers/${encodeURIComponent(id)}/adjust`, {
      method: 'POST',
      body: { points, note },
    }),
  );
}

export async function pointsEntries(
  api: HubApiClient,
  id: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<PointsEntry>> {
  const answer = await api.request(
    `/loyalty/customers/${encodeURIComponent(id)}/entries?${paging(limit, offset)}`,
    signal ? { signal } : {},
  );
  return decodePage(
    answer,
    (v) => {
      const o = object(v, 'entry');
      return {
        kind: oneOf(o, 'kind', POINTS_KINDS, 'entry'),
        points: integer(o, 'points', 'entry'),
        saleId: optionalString(o, 'saleId', 'entry'),
        note: string(o, 'note', 'entry'),
        at: string(o, 'at', 'entry'),
      };
    },
    'points',
  );
}

export async function mergesInto(api: HubApiClient, id: string): Promise<MergeRecord[]> {
  const answer = await api.request(`${path(id)}/merges`);
  if (!Array.isArray(answer)) return [];
  return answer.map((v: unknown) => {
    const o = object(v, 'merge');
    return {
      mergedId: string(o, 'mergedId', 'merge'),
      mergedName: string(o, 'mergedName', 'merge'),
      at: string(o, 'at', 'merge'),
    };
  });
}

export async function mergeCustomer(
  api: HubApiClient,
  keepId: string,
  duplicateId: string,
): Promise<CustomerRow> {
  const o = object(
    await api.request(`${path(keepId)}/merge`, { method: 'POST', body: { duplicateId } }),
    'merge',
  );
  return decodeCustomer(o.customer);
}

/** Where the CSV export downloads from (a same-origin GET: the session cookie is enough). */
export function exportUrl(consentedOnly: boolean): string {
  return `/api/v1/customers/export?consent=${consentedOnly ? 'given' : 'all'}`;
}
