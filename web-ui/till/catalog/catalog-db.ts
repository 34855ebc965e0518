import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CachedProduct } from './cached-product.js';
import { mergePage, type FeedPage } from './feed-page.js';

/** Where the cache stands: the store it belongs to and the last feed position it holds. */
export interface CachePosition {
  storeId: string | null;
  seq: number;
  /** The feed has been read to its end at least once: a product missing here is missing at the hub. */
  complete: boolean;
}

interface CatalogSchema extends DBSchema {
  products: { key: string; value: CachedProduct; indexes: { codes: string } };
  meta: { key: 'position'; value: CachePosition };
}

const DB_NAME = 'store-hub-till-catalog';
const DB_VERSION = 1;
const EMPTY: CachePosition = { storeId: null, seq: 0, complete: false };

/**
 * The till's catalog in IndexedDB: products by id with a multi-entry index of scan keys, and the feed
 * position. A page of the feed and the position after it are written in one transaction, so a till
 * closed halfway resumes exactly where it stopped.
 */
export class CatalogDb {
  private constructor(private readonly db: IDBPDatabase<CatalogSchema>) {}

  static async open(): Promise<CatalogDb> {
    const db = await openDB<CatalogSchema>(DB_NAME, DB_VERSION, {
      upgrade(database) {
        const products = database.createObjectStore('products', { keyPath: 'id' });
        products.createIndex('codes', 'codes', { multiEntry: true });
        database.createObjectStore('meta');
      },
    });
    return new CatalogDb(db);
  }

  async position(): Promise<CachePosition> {
    return (await this.db.get('meta', 'position')) ?? EMPTY;
  }

  /** Empties the cache for `storeId` (a till moved to another hub starts its feed from zero). */
  async reset(storeId: string): Promise<void> {
    const tx = this.db.transaction(['products', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('products').clear(),
      tx.objectStore('meta').put({ storeId, seq: 0, complete: false }, 'position'),
      tx.done,
    ]);
  }

  /** Writes a page and the position after it together; returns the rows written (see mergePage). */
  async applyPage(page: FeedPage): Promise<CachedProduct[]> {
    const tx = this.db.transaction(['products', 'meta'], 'readwrite');
    const meta = tx.objectStore('meta');
    const stored = (await meta.get('position')) ?? EMPTY;
    const merge = mergePage(stored.seq, page);
    const products = tx.objectStore('products');
    await Promise.all([
      ...merge.put.map((p) => products.put(p)),
      meta.put(
        { storeId: stored.storeId, seq: merge.seq, complete: stored.complete || !page.hasMore },
        'position',
      ),
      tx.done,
    ]);
    return merge.put;
  }

  /** The first product found under the keys, tried in order. */
  async byCodes(keys: readonly string[]): Promise<CachedProduct | undefined> {
    const index = this.db.transaction('products').store.index('codes');
    for (const key of keys) {
      const found = await index.get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** Reads every product back in id order, `chunk` at a time, without one huge transaction. */
  async readAll(chunk: number, each: (products: CachedProduct[]) => void): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const range: IDBKeyRange | undefined = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
      const rows: CachedProduct[] = await this.db.getAll('products', range, chunk);
      if (rows.length === 0) return;
      each(rows);
      after = rows[rows.length - 1]?.id ?? null;
      if (rows.length < chunk) return;
    }
  }

  close(): void {
    this.db.close();
  }
}
