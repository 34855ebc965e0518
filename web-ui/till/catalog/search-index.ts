import type { ProductHit } from '../../shared/api/sales-endpoints.js';
import { sellable, skuKey, type CachedProduct } from './cached-product.js';
import { matchesAll, needles } from './search-match.js';

interface Entry {
  hit: ProductHit;
  search: string;
  codes: readonly string[];
  /** For ordering: the name in lower case, compared by code unit (no collator per comparison). */
  order: string;
  changeSeq: number;
}

interface Ranked {
  rank: number;
  entry: Entry;
}

/**
 * The till's in-memory search over its cached catalog: products merged in as pages arrive (from the
 * hub's feed or read back from IndexedDB, in any order: the newer change wins), and a search that walks
 * every sellable product once per query. Ranking: an exact SKU or code first, then names that start with
 * the first word, then the rest, each by name.
 */
export class SearchIndex {
  readonly #entries = new Map<string, Entry>();

  /** Products held, those no longer sold included (they are kept so an older copy cannot return). */
  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Merges products; a row older than the one held is ignored, one that can no longer be sold removed. */
  merge(products: Iterable<CachedProduct>): void {
    for (const p of products) {
      const held = this.#entries.get(p.id);
      if (held && held.changeSeq >= p.changeSeq) continue;
      if (!sellable(p)) {
        // Kept as a tombstone so an older copy read back later cannot bring the product back.
        this.#entries.set(p.id, tombstone(p.changeSeq));
        continue;
      }
      this.#entries.set(p.id, {
        hit: {
          id: p.id,
          sku: p.sku,
          name: p.name,
          priceMinor: p.priceMinor,
          weighed: p.weighed,
          barcode: p.barcode,
        },
        search: p.search,
        codes: p.codes,
        order: p.name.toLowerCase(),
        changeSeq: p.changeSeq,
      });
    }
  }

  search(query: string, limit: number): ProductHit[] {
    const wanted = needles(query);
    if (wanted.length === 0 || limit <= 0) return [];
    const trimmed = query.trim();
    const exact = new Set([trimmed.toUpperCase(), skuKey(trimmed)]);
    const first = wanted[0] ?? '';
    const best: Ranked[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.search === '' || !matchesAll(entry.search, wanted)) continue;
      // The name is the first part of the search text, so a name starting with the first word starts it.
      const rank = entry.codes.some((c) => exact.has(c)) ? 0 : entry.search.startsWith(first) ? 1 : 2;
      insertRanked(best, { rank, entry }, limit);
    }
    return best.map((r) => r.entry.hit);
  }
}

function tombstone(changeSeq: number): Entry {
  return {
    hit: { id: '', sku: '', name: '', priceMinor: 0, weighed: false, barcode: null },
    search: '',
    codes: [],
    order: '',
    changeSeq,
  };
}

function before(a: Ranked, b: Ranked): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : a.entry.order < b.entry.order;
}

/** Keeps `best` sorted and at most `limit` long: a top-k without sorting every match. */
function insertRanked(best: Ranked[], item: Ranked, limit: number): void {
  const last = best.at(-1);
  if (best.length >= limit && last !== undefined && !before(item, last)) return;
  let i = best.length;
  while (i > 0) {
    const prev = best[i - 1];
    if (prev === undefined || !before(item, prev)) break;
    i--;
  }
  best.splice(i, 0, item);
  if (best.length > limit) best.pop();
}
