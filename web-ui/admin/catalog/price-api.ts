import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export type PriceSelection = { categoryId: string; includeSubcategories: boolean } | { productIds: string[] };
export type PriceAdjust =
  | { kind: 'percent'; percentBp: number }
  | { kind: 'amount'; amountMinor: number }
  | { kind: 'set'; priceMinor: number };

export interface PriceRequest {
  selection: PriceSelection;
  adjust: PriceAdjust;
  roundTo: number;
}

export interface PriceItem {
  productId: string;
  sku: string;
  name: string;
  fromMinor: number;
  toMinor: number;
}

export interface PriceChange {
  id: string;
  note: string;
  effectiveAt: string;
  status: 'pending' | 'applied' | 'cancelled';
  itemCount: number;
  createdAt: string;
}

function decodeItem(value: unknown): PriceItem {
  const o = object(value, 'price item');
  return {
    productId: string(o, 'productId', 'price item'),
    sku: string(o, 'sku', 'price item'),
    name: string(o, 'name', 'price item'),
    fromMinor: integer(o, 'fromMinor', 'price item'),
    toMinor: integer(o, 'toMinor', 'price item'),
  };
}

function decodeChange(value: unknown): PriceChange {
  const o = object(value, 'price change');
  return {
    id: string(o, 'id', 'price change'),
    note: optionalString(o, 'note', 'price change') ?? '',
    effectiveAt: string(o, 'effectiveAt', 'price change'),
    status: oneOf(o, 'status', ['pending', 'applied', 'cancelled'], 'price change'),
    itemCount: integer(o, 'itemCount', 'price change'),
    createdAt: string(o, 'createdAt', 'price change'),
  };
}

export async function previewPrices(
  api: HubApiClient,
  request: PriceRequest,
): Promise<{ count: number; items: PriceItem[] }> {
  const o = object(await api.request('/price-changes/preview', { method: 'POST', body: request }), 'preview');
  return { count: integer(o, 'count', 'preview'), items: array(o, 'items', 'preview').map(decodeItem) };
}

export async function createPriceChange(
  api: HubApiClient,
  body: PriceRequest & { id: string; note: string; effectiveAt?: string },
): Promise<PriceChange> {
  return decodeChange(await api.request('/price-changes', { method: 'POST', body }));
}

export async function listPriceChanges(
  api: HubApiClient,
  status: 'pending' | null,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<PriceChange>> {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (status !== null) query.set('status', status);
  return decodePage(
    await api.request(`/price-changes?${query.toString()}`, signal ? { signal } : {}),
    decodeChange,
    'price changes',
  );
}

export async function cancelPriceChange(api: HubApiClient, id: string): Promise<PriceChange> {
  return decodeChange(
    await api.request(`/price-changes/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
  );
}
