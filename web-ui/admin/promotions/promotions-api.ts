import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string, type Json } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

/**
 * The promotions calls of the admin pages: campaigns (list by status, read, create, change, end,
 * archive, delete), the preview of a sample cart, and the products and categories a campaign targets.
 * Rules travel as the hub writes them (hub/services/promotions/promotion-schema.ts).
 */

export type PromotionStatus = 'scheduled' | 'active' | 'ended' | 'archived';

export interface Target {
  productIds: string[];
  categoryIds: string[];
}

export type Rule =
  | { kind: 'percent_off'; bp: number }
  | { kind: 'amount_off'; amountMinor: number }
  | { kind: 'fixed_price'; priceMinor: number }
  | { kind: 'multibuy'; buy: number; pay: number }
  | { kind: 'bundle_price'; quantity: number; priceMinor: number }
  | { kind: 'buy_get'; buy: number; get: number; getTarget: Target; getPercentBp: number };

export type RuleKind = Rule['kind'];
export const RULE_KINDS: readonly RuleKind[] = [
  'percent_off',
  'amount_off',
  'fixed_price',
  'multibuy',
  'bundle_price',
  'buy_get',
];

/** What a manager edits: everything but the bookkeeping. */
export interface PromotionDraft {
  id?: string;
  name: string;
  target: Target;
  rule: Rule;
  startsAt: string;
  endsAt: string | null;
  couponCode: string | null;
  customersOnly: boolean;
  priority: number;
}

export interface Promotion extends PromotionDraft {
  id: string;
  status: PromotionStatus;
  updatedAt: string;
}

function ids(o: Json, key: string): string[] {
  return array(o, key, 'target').filter((v): v is string => typeof v === 'string');
}

function decodeTarget(value: unknown): Target {
  const o = object(value, 'target');
  return { productIds: ids(o, 'productIds'), categoryIds: ids(o, 'categoryIds') };
}

function decodeRule(value: unknown): Rule {
  const o = object(value, 'rule');
  const n = (key: string) => integer(o, key, 'rule');
  const kind = oneOf(o, 'kind', RULE_KINDS, 'rule');
  switch (kind) {
    case 'percent_off':
      return { kind, bp: n('bp') };
    case 'amount_off':
      return { kind, amountMinor: n('amountMinor') };
    case 'fixed_price':
      return { kind, priceMinor: n('priceMinor') };
    case 'multibuy':
      return { kind, buy: n('buy'), pay: n('pay') };
    case 'bundle_price':
      return { kind, quantity: n('quantity'), priceMinor: n('priceMinor') };
    case 'buy_get':
      return {
        kind,
        buy: n('buy'),
        get: n('get'),
        getTarget: decodeTarget(o.getTarget),
        getPercentBp: n('getPercentBp'),
      };
  }
}

export function decodePromotion(value: unknown): Promotion {
  const o = object(value, 'promotion');
  return {
    id: string(o, 'id', 'promotion'),
    name: string(o, 'name', 'promotion'),
    target: decodeTarget(o.target),
    rule: decodeRule(o.rule),
    startsAt: string(o, 'startsAt', 'promotion'),
    endsAt: optionalString(o, 'endsAt', 'promotion'),
    couponCode: optionalString(o, 'couponCode', 'promotion'),
    customersOnly: o.customersOnly === true,
    priority: integer(o, 'priority', 'promotion'),
    status: oneOf(o, 'status', ['scheduled', 'active', 'ended', 'archived'], 'promotion'),
    updatedAt: string(o, 'updatedAt', 'promotion'),
  };
}

const path = (id: string, action = '') => `/promotions/${encodeURIComponent(id)}${action}`;

export async function listPromotions(
  api: HubApiClient,
  status: PromotionStatus,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<Promotion>> {
  const answer = await api.request(
    `/promotions?status=${status}&limit=${limit}&offset=${offset}`,
    signal ? { signal } : {},
  );
  return decodePage(answer, decodePromotion, 'promotions');
}

export async function getPromotion(api: HubApiClient, id: string): Promise<Promotion> {
  return decodePromotion(await api.request(path(id)));
}

export async function createPromotion(api: HubApiClient, draft: PromotionDraft): Promise<Promotion> {
  return decodePromotion(await api.request('/promotions', { method: 'POST', body: draft }));
}

export async function updatePromotion(
  api: HubApiClient,
  id: string,
  draft: PromotionDraft,
): Promise<Promotion> {
  const { id: _id, ...changes } = draft;
  return decodePromotion(await api.request(path(id), { method: 'PATCH', body: changes }));
}

export async function endPromotion(api: HubApiClient, id: string): Promise<Promotion> {
  return decodePromotion(await api.request(path(id, '/end'), { method: 'POST' }));
}

export async function archivePromotion(api: HubApiClient, id: string): Promise<Promotion> {
  return decodePromotion(await api.request(path(id, '/archive'), { method: 'POST' }));
}

export async function deletePromotion(api: HubApiClient, id: string): Promise<void> {
  await api.request(path(id), { method: 'DELETE' });
}

export interface PreviewLine {
  productId: string;
  name: string;
  quantity: number;
  measured: boolean;
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
  promotions: { promotionId: string; name: string; discountMinor: number }[];
}

export interface Preview {
  lines: PreviewLine[];
  unknownCoupons: string[];
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export interface PreviewRequest {
  lines: { productId: string; quantity: number }[];
  couponCodes: string[];
  withCustomer: boolean;
  at?: string;
  draft?: PromotionDraft;
}

export async function previewCart(api: HubApiClient, request: PreviewRequest): Promise<Preview> {
  const o = object(await api.request('/promotions/preview', { method: 'POST', body: request }), 'preview');
  const n = (j: Json, key: string) => integer(j, key, 'preview');
  return {
    lines: array(o, 'lines', 'preview').map((value) => {
      const l = object(value, 'preview.line');
      return {
        productId: string(l, 'productId', 'preview.line'),
        name: string(l, 'name', 'preview.line'),
        quantity: n(l, 'quantity'),
        measured: l.measured === true,
        grossMinor: n(l, 'grossMinor'),
        discountMinor: n(l, 'discountMinor'),
        totalMinor: n(l, 'totalMinor'),
        promotions: array(l, 'promotions', 'preview.line').map((p) => {
          const a = object(p, 'preview.promotion');
          return {
            promotionId: string(a, 'promotionId', 'preview.promotion'),
            name: string(a, 'name', 'preview.promotion'),
            discountMinor: n(a, 'discountMinor'),
          };
        }),
      };
    }),
    unknownCoupons: array(o, 'unknownCoupons', 'preview').filter((c): c is string => typeof c === 'string'),
    grossMinor: n(o, 'grossMinor'),
    discountMinor: n(o, 'discountMinor'),
    totalMinor: n(o, 'totalMinor'),
  };
}

export interface ProductHit {
  id: string;
  name: string;
  sku: string;
  priceMinor: number;
  weighed: boolean;
}

export interface CategoryOption {
  id: string;
  name: string;
}

function decodeProduct(value: unknown): ProductHit {
  const o = object(value, 'product');
  return {
    id: string(o, 'id', 'product'),
    name: string(o, 'name', 'product'),
    sku: string(o, 'sku', 'product'),
    priceMinor: integer(o, 'priceMinor', 'product'),
    weighed: o.weighed === true,
  };
}

export async function searchProducts(
  api: HubApiClient,
  q: string,
  signal?: AbortSignal,
): Promise<ProductHit[]> {
  const answer = await api.request(`/products?q=${encodeURIComponent(q)}&limit=20`, signal ? { signal } : {});
  return decodePage(answer, decodeProduct, 'products').items;
}

export async function getProduct(api: HubApiClient, id: string): Promise<ProductHit> {
  return decodeProduct(await api.request(`/products/${encodeURIComponent(id)}`));
}

export async function listCategories(api: HubApiClient): Promise<CategoryOption[]> {
  const page: Page<CategoryOption> = decodePage(
    await api.request('/categories?limit=500'),
    (value) => {
      const o = object(value, 'category');
      return { id: string(o, 'id', 'category'), name: string(o, 'name', 'category') };
    },
    'categories',
  );
  return page.items;
}
