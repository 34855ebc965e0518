import type { HubApiClient } from '../../shared/api/client.js';
import { integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';
import { get, nullableInteger, query, type Unit } from './stock-api.js';

export interface StockCount {
  id: string;
  number: number;
  scope: 'full' | 'cycle';
  categoryName: string | null;
  status: 'open' | 'posted' | 'cancelled';
  lineCount: number;
  countedCount: number;
  varianceUnits: number;
  varianceValueMinor: number;
  createdAt: string;
  postedAt: string | null;
}

export interface CountLine {
  productId: string;
  sku: string;
  name: string;
  unit: Unit;
  onHand: number;
  counted: number | null;
  variance: number | null;
  booked: number | null;
  costMinor: number;
}

function decodeCount(value: unknown): StockCount {
  const o = object(value, 'stock count');
  return {
    id: string(o, 'id', 'stock count'),
    number: integer(o, 'number', 'stock count'),
    scope: oneOf(o, 'scope', ['full', 'cycle'], 'stock count'),
    categoryName: optionalString(o, 'categoryName', 'stock count'),
    status: oneOf(o, 'status', ['open', 'posted', 'cancelled'], 'stock count'),
    lineCount: integer(o, 'lineCount', 'stock count'),
    countedCount: integer(o, 'countedCount', 'stock count'),
    varianceUnits: integer(o, 'varianceUnits', 'stock count'),
    varianceValueMinor: integer(o, 'varianceValueMinor', 'stock count'),
    createdAt: string(o, 'createdAt', 'stock count'),
    postedAt: optionalString(o, 'postedAt', 'stock count'),
  };
}

function decodeLine(value: unknown): CountLine {
  const o = object(value, 'count line');
  return {
    productId: string(o, 'productId', 'count line'),
    sku: string(o, 'sku', 'count line'),
    name: string(o, 'name', 'count line'),
    unit: oneOf(o, 'unit', ['piece', 'kg', 'l'], 'count line'),
    onHand: integer(o, 'onHand', 'count line'),
    counted: nullableInteger(o, 'counted', 'count line'),
    variance: nullableInteger(o, 'variance', 'count line'),
    booked: nullableInteger(o, 'booked', 'count line'),
    costMinor: integer(o, 'costMinor', 'count line'),
  };
}

export async function listCounts(
  api: HubApiClient,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<StockCount>> {
  return decodePage(
    await get(api, `/stock-counts?${query({ limit, offset })}`, signal),
    decodeCount,
    'counts',
  );
}

export async function getCount(api: HubApiClient, id: string): Promise<StockCount> {
  return decodeCount(await get(api, `/stock-counts/${encodeURIComponent(id)}`));
}

export async function createCount(api: HubApiClient, categoryId: string | null): Promise<StockCount> {
  const body = categoryId === null ? { scope: 'full' } : { scope: 'cycle', categoryId };
  return decodeCount(await api.request('/stock-counts', { method: 'POST', body }));
}

export type LineFilter = 'all' | 'uncounted' | 'variance';

export async function listCountLines(
  api: HubApiClient,
  id: string,
  filter: { q: string; only: LineFilter },
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<CountLine>> {
  const q = query({ q: filter.q, only: filter.only, limit, offset });
  return decodePage(
    await get(api, `/stock-counts/${encodeURIComponent(id)}/lines?${q}`, signal),
    decodeLine,
    'lines',
  );
}

export async function setCounted(api: HubApiClient, id: string, productId: string, counted: number | null) {
  return decodeCount(
    await api.request(`/stock-counts/${encodeURIComponent(id)}/lines`, {
      method: 'PUT',
      body: { lines: [{ productId, counted }] },
    }),
  );
}

export async function scanToCount(api: HubApiClient, id: string, code: string): Promise<CountLine> {
  return decodeLine(
    await api.request(`/stock-counts/${encodeURIComponent(id)}/scan`, { method: 'POST', body: { code } }),
  );
}

export async function countStep(api: HubApiClient, id: string, step: 'post' | 'cancel'): Promise<StockCount> {
  return decodeCount(
    await api.request(`/stock-counts/${encodeURIComponent(id)}/${step}`, { method: 'POST' }),
  );
}
