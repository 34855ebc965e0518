import type { HubApiClient } from '../../shared/api/client.js';
import { integer, object, oneOf, string, type Json } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export type Unit = 'piece' | 'kg' | 'l';
export const UNITS: readonly Unit[] = ['piece', 'kg', 'l'];

export interface StockLevel {
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  onHand: number;
  reorderPoint: number | null;
  costMinor: number;
  low: boolean;
}

export const nullableInteger = (o: Json, key: string, what: string): number | null =>
  o[key] === null || o[key] === undefined ? null : integer(o, key, what);

export function decodeLevel(value: unknown): StockLevel {
  const o = object(value, 'stock level');
  return {
    productId: string(o, 'productId', 'stock level'),
    sku: string(o, 'sku', 'stock level'),
    name: string(o, 'name', 'stock level'),
    unit: oneOf(o, 'unit', UNITS, 'stock level'),
    onHand: integer(o, 'onHand', 'stock level'),
    reorderPoint: nullableInteger(o, 'reorderPoint', 'stock level'),
    costMinor: integer(o, 'costMinor', 'stock level'),
    low: o.low === true,
  };
}

export const get = (api: HubApiClient, path: string, signal?: AbortSignal) =>
  api.request(path, signal ? { signal } : {});
export const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])),
  ).toString();

export async function listLevels(
  api: HubApiClient,
  filter: { q?: string; low?: boolean },
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<StockLevel>> {
  const q = query({ q: filter.q, low: filter.low === true ? 'true' : undefined, limit, offset });
  return decodePage(await get(api, `/stock/levels?${q}`, signal), decodeLevel, 'stock levels');
}

export async function setReorderPoint(api: HubApiClient, productId: string, reorderPoint: number | null) {
  await api.request('/stock/reorder-points', {
    method: 'PUT',
    body: { items: [{ productId, reorderPoint }] },
  });
}

export interface ReceiveLine {
  productId: string;
  quantity: number;
  costMinor?: number;
}

export async function receiveStock(api: HubApiClient, reference: string, lines: readonly ReceiveLine[]) {
  await api.request('/stock/receive', {
    method: 'POST',
    body: { ...(reference === '' ? {} : { reference }), lines },
  });
}

export type AdjustReason = 'damage' | 'theft' | 'count' | 'other';

export async function adjustStock(
  api: HubApiClient,
  input: { reason: AdjustReason; productId: string; quantity: number; note: string },
): Promise<{ onHand: number; booked: number }> {
  const note = input.note === '' ? {} : { note: input.note };
  const body =
    input.reason === 'count'
      ? { reason: 'count', productId: input.productId, countedQuantity: input.quantity, ...note }
      : { reason: input.reason, productId: input.productId, quantity: input.quantity, ...note };
  const o = object(await api.request('/stock/adjust', { method: 'POST', body }), 'adjustment');
  return { onHand: integer(o, 'onHand', 'adjustment'), booked: integer(o, 'booked', 'adjustment') };
}

export interface ValuationItem {
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  onHand: number;
  costMinor: number;
  valueMinor: number;
}

export interface Valuation extends Page<ValuationItem> {
  totalValueMinor: number;
}

export async function getValuation(
  api: HubApiClient,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Valuation> {
  const answer = await get(api, `/stock/valuation?${query({ limit, offset })}`, signal);
  const o = object(answer, 'valuation');
  const page = decodePage(
    answer,
    (value) => {
      const i = object(value, 'valuation item');
      return {
        productId: string(i, 'productId', 'valuation item'),
        sku: string(i, 'sku', 'valuation item'),
        name: string(i, 'name', 'valuation item'),
        unit: oneOf(i, 'unit', UNITS, 'valuation item'),
        onHand: integer(i, 'onHand', 'valuation item'),
        costMinor: integer(i, 'costMinor', 'valuation item'),
        valueMinor: integer(i, 'valueMinor', 'valuation item'),
      };
    },
    'valuation',
  );
  return {
    ...page,
    totalValueMinor: integer(o, 'totalValueMinor', 'valuation'),
  };
}

export interface Suggestion extends Omit<StockLevel, 'low'> {
  sold: number;
  perDay: number;
  onOrder: number;
  target: number;
  suggested: number;
}

export async function listSuggestions(
  api: HubApiClient,
  days: number,
  coverDays: number,
  signal?: AbortSignal,
): Promise<Page<Suggestion>> {
  const answer = await get(
    api,
    `/stock/reorder-suggestions?${query({ days, coverDays, limit: 500 })}`,
    signal,
  );
  return decodePage(
    answer,
    (value) => {
      const o = object(value, 'suggestion');
      return {
        ...decodeLevel(value),
        sold: integer(o, 'sold', 'suggestion'),
        perDay: typeof o.perDay === 'number' ? o.perDay : 0,
        onOrder: integer(o, 'onOrder', 'suggestion'),
        target: integer(o, 'target', 'suggestion'),
        suggested: integer(o, 'suggested', 'suggestion'),
      };
    },
    'suggestions',
  );
}

export interface Category {
  id: string;
  name: string;
}

export async function listCategories(api: HubApiClient): Promise<Category[]> {
  const page = decodePage(
    await get(api, '/categories?limit=500'),
    (value) => {
      const o = object(value, 'category');
      return { id: string(o, 'id', 'category'), name: string(o, 'name', 'category') };
    },
    'categories',
  );
  return page.items;
}
