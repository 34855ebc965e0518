import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export const GIFT_CARD_KINDS = ['load', 'redeem', 'reversal', 'adjust'] as const;
export type GiftCardEntryKind = (typeof GIFT_CARD_KINDS)[number];

export interface GiftCardSummary {
  code: string;
  currency: string;
  balanceMinor: number;
  lastActivityAt: string;
}

export interface GiftCard {
  code: string;
  currency: string;
  balanceMinor: number;
  createdAt: string;
  entries: {
    kind: GiftCardEntryKind;
    amountMinor: number;
    saleId: string | null;
    note: string;
    at: string;
  }[];
}

function decodeCard(value: unknown): GiftCard {
  const o = object(value, 'gift card');
  return {
    code: string(o, 'code', 'gift card'),
    currency: string(o, 'currency', 'gift card'),
    balanceMinor: integer(o, 'balanceMinor', 'gift card'),
    createdAt: string(o, 'createdAt', 'gift card'),
    entries: array(o, 'entries', 'gift card').map((v) => {
      const e = object(v, 'entry');
      return {
        kind: oneOf(e, 'kind', GIFT_CARD_KINDS, 'entry'),
        amountMinor: integer(e, 'amountMinor', 'entry'),
        saleId: optionalString(e, 'saleId', 'entry'),
        note: string(e, 'note', 'entry'),
        at: string(e, 'at', 'entry'),
      };
    }),
  };
}

export async function listGiftCards(
  api: HubApiClient,
  prefix: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<GiftCardSummary>> {
  const answer = await api.request(
    `/gift-cards?q=${encodeURIComponent(prefix)}&limit=${limit}&offset=${offset}`,
    signal ? { signal } : {},
  );
  return decodePage(
    answer,
    (v) => {
      const o = object(v, 'gift card');
      return {
        code: string(o, 'code', 'gift card'),
        currency: string(o, 'currency', 'gift card'),
        balanceMinor: integer(o, 'balanceMinor', 'gift card'),
        lastActivityAt: string(o, 'lastActivityAt', 'gift card'),
      };
    },
    'gift cards',
  );
}

export async function getGiftCard(api: HubApiClient, code: string): Promise<GiftCard> {
  return decodeCard(await api.request(`/gift-cards/${encodeURIComponent(code)}`));
}

export async function reloadGiftCard(
  api: HubApiClient,
  code: string,
  amountMinor: number,
  note: string,
): Promise<GiftCard> {
  return decodeCard(
    await api.request(`/gift-cards/${encodeURIComponent(code)}/reload`, {
      method: 'POST',
      body: { amountMinor, note },
    }),
  );
}

export interface GiftCardProduct {
  productId: string;
  sku: string;
  name: string;
  priceMinor: number;
}

function decodeProducts(value: unknown): GiftCardProduct[] {
  if (!Array.isArray(value)) return [];
  return value.map((v: unknown) => {
    const o = object(v, 'gift card product');
    return {
      productId: string(o, 'productId', 'gift card product'),
      sku: string(o, 'sku', 'gift card product'),
      name: string(o, 'name', 'gift card product'),
      priceMinor: integer(o, 'priceMinor', 'gift card product'),
    };
  });
}

export async function giftCardProducts(api: HubApiClient): Promise<GiftCardProduct[]> {
  return decodeProducts(await api.request('/gift-cards/products'));
}

/** The product a scanned or typed barcode names, marked or unmarked as a gift card. */
export async function markGiftCardProduct(
  api: HubApiClient,
  barcode: string,
  giftCard: boolean,
): Promise<GiftCardProduct[]> {
  const found = object(await api.request(`/products/lookup?code=${encodeURIComponent(barcode)}`), 'lookup');
  const product = object(found.product, 'product');
  return setGiftCardProduct(api, string(product, 'id', 'product'), giftCard);
}

export async function setGiftCardProduct(
  api: HubApiClient,
  productId: string,
  giftCard: boolean,
): Promise<GiftCardProduct[]> {
  return decodeProducts(
    await api.request(`/gift-cards/products/${encodeURIComponent(productId)}`, {
      method: 'PUT',
      body: { giftCard },
    }),
  );
}
