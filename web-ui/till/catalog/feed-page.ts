import { array, integer, object } from '../../shared/api/decode.js';
import { cachedProduct, type CachedProduct } from './cached-product.js';

/** One page of the hub's catalog change feed (GET /catalog/changes?after=<seq>). */
export interface FeedPage {
  products: CachedProduct[];
  /** The feed position after this page: pass it as `after` for the next one. */
  nextSeq: number;
  hasMore: boolean;
}

export function decodeFeedPage(value: unknown): FeedPage {
  const o = object(value, 'catalog.changes');
  return {
    products: array(o, 'products', 'catalog.changes').map(cachedProduct),
    nextSeq: integer(o, 'nextSeq', 'catalog.changes'),
    hasMore: o.hasMore === true,
  };
}

/** What a page changes in a cache whose stored position is `storedSeq`. */
export interface PageMerge {
  /** Rows to write: only changes the cache has not seen. */
  put: CachedProduct[];
  /** The new stored position; it never moves back. */
  seq: number;
}

/**
 * Merges a page into the cache's position. Another tab of the same till may have stored a later
 * position meanwhile (both follow the same feed): rows at or below the stored position are already in
 * the cache or were replaced by a newer change, so writing them would bring an old price back.
 */
export function mergePage(storedSeq: number, page: FeedPage): PageMerge {
  return {
    put: page.products.filter((p) => p.changeSeq > storedSeq),
    seq: Math.max(storedSeq, page.nextSeq),
  };
}
