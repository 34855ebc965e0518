import type { HubApiClient } from '../../shared/api/client.js';
import type { LookupResult, ProductHit } from '../../shared/api/sales-endpoints.js';
import { backoffMs } from '../../shared/connection/backoff.js';
import { sellable } from './cached-product.js';
import { CatalogDb } from './catalog-db.js';
import { decodeFeedPage } from './feed-page.js';
import { scanKeys } from './scan-keys.js';
import { SearchIndex } from './search-index.js';

/** Rows per feed request: small enough that parsing one page never holds up a scan for long. */
const PAGE_SIZE = 500;
/** Rows per read when the cache is loaded back from IndexedDB at start. */
const READ_CHUNK = 5_000;

/**
 * The till's local catalog: it never has to be complete before the till sells. At start it reads what
 * IndexedDB holds into the search index and follows the hub's change feed from the stored position, a
 * page at a time, in the background; 'catalog.changed' over MQTT (or the hub coming back) pulls again.
 * `lookup` and `search` answer from the cache when it can and return null when only the hub can
 * answer (a code it does not hold, a label, a search before the first full load): the caller asks the
 * hub then.
 */
export class CatalogCache {
  readonly #api: HubApiClient;
  readonly #index = new SearchIndex();
  #db: CatalogDb | null = null;
  #opened: Promise<void> | null = null;
  #storeId: string | null = null;
  #complete = false;
  #indexed = false;
  #pulling = false;
  #pullAgain = false;
  #attempt = 0;
  #retry: number | undefined;
  #stopped = false;

  constructor(api: HubApiClient) {
    this.#api = api;
  }

  /** Opens IndexedDB and loads what it holds into the search index; safe to call more than once. */
  open(): Promise<void> {
    this.#opened ??= this.#open();
    return this.#opened;
  }

  /** Follows the feed of this store (the hub's storeId); a cache of another store is emptied first. */
  follow(storeId: string): void {
    this.#storeId = storeId;
    this.changed();
  }

  /** The catalog changed at the hub (or the link is back): fetch what is new. */
  changed(): void {
    if (this.#storeId === null || this.#stopped) return;
    if (this.#pulling) {
      this.#pullAgain = true;
      return;
    }
    window.clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#pulling = true;
    void this.#pull().finally(() => {
      this.#pulling = false;
      if (this.#pullAgain) {
        this.#pullAgain = false;
        this.changed();
      }
    });
  }

  stop(): void {
    this.#stopped = true;
    window.clearTimeout(this.#retry);
    this.#db?.close();
  }

  /** The scanned product from the cache, or null when the hub must be asked. */
  async lookup(code: string): Promise<LookupResult | null> {
    const keys = scanKeys(code);
    if (keys === null || this.#db === null) return null;
    let product;
    try {
      product = await this.#db.byCodes(keys);
    } catch {
      return null;
    }
    if (!product || !sellable(product)) return null;
    const gtin = /^\d{14}$/.test(keys[0] ?? '');
    return {
      status: 'found',
      scan: gtin ? 'gtin' : 'code',
      code: keys[0] ?? code,
      product: {
        id: product.id,
        sku: product.sku,
        name: product.name,
        priceMinor: product.priceMinor,
        weighed: product.weighed,
        barcode: product.barcode,
      },
      label: false,
      needsWeight: product.weighed,
    };
  }

  /** The cache has read the whole catalog once and can answer searches itself. */
  get searchable(): boolean {
    return this.#complete && this.#indexed;
  }

  /** Search results from the cache, or null until it is searchable. */
  search(query: string, limit: number): ProductHit[] | null {
    return this.searchable ? this.#index.search(query, limit) : null;
  }

  async #open(): Promise<void> {
    try {
      const db = await CatalogDb.open();
      this.#db = db;
      this.#complete = (await db.position()).complete;
      await db.readAll(READ_CHUNK, (rows) => {
        this.#index.merge(rows);
      });
      this.#indexed = true;
    } catch {
      // No IndexedDB (private mode, quota): the till works from the hub alone.
      this.#db = null;
    }
  }

  async #pull(): Promise<void> {
    await this.open();
    const db = this.#db;
    const storeId = this.#storeId;
    if (db === null || storeId === null) return;
    try {
      if ((await db.position()).storeId !== storeId) {
        await db.reset(storeId);
        this.#index.clear();
        this.#complete = false;
      }
      for (;;) {
        const { seq } = await db.position();
        const params = new URLSearchParams({ after: String(seq), limit: String(PAGE_SIZE) });
        const page = decodeFeedPage(await this.#api.request(`/catalog/changes?${params.toString()}`));
        this.#index.merge(await db.applyPage(page));
        this.#attempt = 0;
        if (!page.hasMore) {
          this.#complete = true;
          return;
        }
        if (this.#stopped) return;
      }
    } catch {
      // The hub is away or refused: try again later; the cache keeps serving what it has.
      if (this.#stopped) return;
      this.#retry = window.setTimeout(() => {
        this.changed();
      }, backoffMs(this.#attempt++));
    }
  }
}
