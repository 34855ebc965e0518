import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../web-ui/shared/connection/backoff.js';
import { cachedProduct, type CachedProduct } from '../../web-ui/till/catalog/cached-product.js';
import { decodeFeedPage, mergePage } from '../../web-ui/till/catalog/feed-page.js';
import { scanKeys } from '../../web-ui/till/catalog/scan-keys.js';
import { SearchIndex } from '../../web-ui/till/catalog/search-index.js';

let nextId = 1;

/** A product as the hub's change feed sends it (GET /catalog/changes). */
function feedRow(fields: {
  name: string;
  sku?: string;
  changeSeq?: number;
  priceMinor?: number;
  barcodes?: { code: string; kind: 'gtin' | 'code' | 'plu'; display: string }[];
  active?: boolean;
  hasVariants?: boolean;
  id?: string;
  attributes?: Record<string, string>;
}): unknown {
  const n = nextId++;
  return {
    id: fields.id ?? `p-${n}`,
    parentId: null,
    sku: fields.sku ?? `SKU-${n}`,
    name: fields.name,
    description: '',
    attributes: fields.attributes ?? {},
    categoryId: null,
    taxClassId: 'standard',
    unit: 'piece',
    weighed: false,
    priceMinor: fields.priceMinor ?? 1000,
    costMinor: 0,
    active: fields.active ?? true,
    hasVariants: fields.hasVariants ?? false,
    reorderPoint: null,
    changeSeq: fields.changeSeq ?? n,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    barcodes: fields.barcodes ?? [],
  };
}

function product(fields: Parameters<typeof feedRow>[0]): CachedProduct {
  return cachedProduct(feedRow(fields));
}

function names(index: SearchIndex, query: string, limit = 20): string[] {
  return index.search(query, limit).map((h) => h.name);
}

describe('the till’s catalog cache: what a feed row becomes', () => {
  it('keeps the scan keys the hub looks codes up by (GTIN-14, internal code, SKU) but not scale PLUs', () => {
    const p = product({
      name: 'Letmælk 1 l',
      sku: 'MLK-1',
      barcodes: [
        { code: '05701234567899', kind: 'gtin', display: '5701234567899' },
        { code: 'SHELF-7', kind: 'code', display: 'SHELF-7' },
        { code: 'PLU:123', kind: 'plu', display: '123' },
      ],
    });
    expect(p.codes).toEqual(['05701234567899', 'SHELF-7', 'sku:MLK-1']);
    expect(p.barcode).toBe('5701234567899');
  });

  it('refuses a malformed row rather than caching half a product', () => {
    expect(() => cachedProduct({ id: 'x', name: 'No price', barcodes: [] })).toThrow();
  });
});

describe('searching the cache as the cashier types', () => {
  const index = new SearchIndex();
  index.merge([
    product({ name: 'Rødbeder i glas', sku: 'RB-1' }),
    product({ name: 'Crème fraîche 18%', sku: 'CF-18' }),
    product({
      name: 'Økologisk letmælk',
      sku: 'MLK-1',
      barcodes: [{ code: '05701234567899', kind: 'gtin', display: '5701234567899' }],
    }),
    product({ name: 'Sødmælk', sku: 'MLK-3' }),
    product({ name: '鮮奶 1公升', sku: 'TW-MILK' }),
    product({ name: '牛肉麵', sku: 'TW-NOODLE' }),
    product({ name: 'Молоко 2,5%', sku: 'UA-MOLOKO' }),
    product({ name: 'Mælkechokolade', sku: 'CHOC-1', attributes: { size: 'Large' } }),
    product({ name: 'Old cola', sku: 'COLA-OLD', active: false }),
    product({ name: 'T-shirt (style)', sku: 'TS', hasVariants: true }),
  ]);

  it('finds by the start of any word of the name, folding case, ø/æ and accents like the hub', () => {
    expect(names(index, 'rodbed')).toEqual(['Rødbeder i glas']);
    expect(names(index, 'CREME FRAI')).toEqual(['Crème fraîche 18%']);
    expect(names(index, 'maelk')).toEqual(['Mælkechokolade']);
    expect(names(index, 'letmaelk')).toEqual(['Økologisk letmælk']);
  });

  it('finds by SKU and by the printed barcode, the exact code first', () => {
    expect(names(index, 'MLK-1')[0]).toBe('Økologisk letmælk');
    expect(names(index, '5701234567899')).toEqual(['Økologisk letmælk']);
  });

  it('finds Chinese names by characters, traditional and simplified alike, as a phrase', () => {
    expect(names(index, '鮮奶')).toEqual(['鮮奶 1公升']);
    expect(names(index, '鲜奶')).toEqual(['鮮奶 1公升']);
    expect(names(index, '牛肉面')).toEqual(['牛肉麵']);
    // 奶 and 鮮 both occur, but not as the phrase 奶鮮.
    expect(names(index, '奶鮮')).toEqual([]);
  });

  it('finds Cyrillic names by word prefix', () => {
    expect(names(index, 'молок')).toEqual(['Молоко 2,5%']);
  });

  it('needs every word, matches variant attributes, and never offers what cannot be sold', () => {
    expect(names(index, 'mælk large')).toEqual(['Mælkechokolade']);
    expect(names(index, 'large')).toEqual(['Mælkechokolade']);
    expect(names(index, 'cola')).toEqual([]);
    expect(names(index, 't-shirt')).toEqual([]);
  });

  it('puts names that start with the word before names that only contain it, then by name', () => {
    expect(names(index, 'mælk')).toEqual(['Mælkechokolade']);
    const more = new SearchIndex();
    more.merge([
      product({ name: 'Yoghurt naturel' }),
      product({ name: 'Naturel chips' }),
      product({ name: 'Naturel ris' }),
    ]);
    expect(names(more, 'naturel')).toEqual(['Naturel chips', 'Naturel ris', 'Yoghurt naturel']);
    expect(names(more, 'naturel', 2)).toEqual(['Naturel chips', 'Naturel ris']);
  });

  it('answers nothing for a query with nothing searchable in it', () => {
    expect(index.search('  -- ', 20)).toEqual([]);
  });
});

describe('merging changes into the cache', () => {
  it('lets the newer change win whatever order pages arrive in', () => {
    const index = new SearchIndex();
    const newer = product({ id: 'a', name: 'Kaffe 500 g', priceMinor: 4500, changeSeq: 20 });
    const older = product({ id: 'a', name: 'Kaffe 500 g', priceMinor: 3995, changeSeq: 10 });
    index.merge([newer]);
    index.merge([older]);
    expect(index.search('kaffe', 5).map((h) => h.priceMinor)).toEqual([4500]);
  });

  it('drops an archived product and does not let an older copy bring it back', () => {
    const index = new SearchIndex();
    index.merge([product({ id: 'b', name: 'Te', changeSeq: 5 })]);
    index.merge([product({ id: 'b', name: 'Te', changeSeq: 9, active: false })]);
    expect(names(index, 'te')).toEqual([]);
    index.merge([product({ id: 'b', name: 'Te', changeSeq: 5 })]);
    expect(names(index, 'te')).toEqual([]);
    index.merge([product({ id: 'b', name: 'Te', changeSeq: 12 })]);
    expect(names(index, 'te')).toEqual(['Te']);
  });

  it('moves the feed position forward only, writing only rows it has not seen', () => {
    const page = decodeFeedPage({
      products: [feedRow({ name: 'A', changeSeq: 4 }), feedRow({ name: 'B', changeSeq: 7 })],
      categories: [],
      nextSeq: 8,
      hasMore: true,
    });
    expect(mergePage(0, page)).toMatchObject({ seq: 8 });
    expect(mergePage(0, page).put.map((p) => p.name)).toEqual(['A', 'B']);
    // Another tab already stored position 5: A (4) is old news, B (7) is not.
    expect(mergePage(5, page).put.map((p) => p.name)).toEqual(['B']);
    // A late page never moves the position back.
    expect(mergePage(20, page)).toEqual({ put: [], seq: 20 });
  });

  it('reads an empty page (a category-only change) as a position to keep', () => {
    const page = decodeFeedPage({ products: [], categories: [{ id: 'c' }], nextSeq: 31, hasMore: false });
    expect(mergePage(30, page)).toEqual({ put: [], seq: 31 });
    expect(page.hasMore).toBe(false);
  });
});

describe('which scans the cache may answer', () => {
  it('looks GTINs up in their stored GTIN-14 form when the check digit is right', () => {
    expect(scanKeys('5701234567899')).toEqual(['05701234567899']);
    expect(scanKeys('036000291452')).toEqual(['00036000291452']);
    expect(scanKeys('96385074')).toEqual(['00000096385074']);
    expect(scanKeys('15701234567896')).toEqual(['15701234567896']);
    expect(scanKeys('5701234567899\r\n')).toEqual(['05701234567899']);
  });

  it('leaves labels, GS1 data, AIM prefixes and bad check digits to the hub', () => {
    expect(scanKeys('2012345012349')).toBeNull();
    expect(scanKeys('0212345678909')).toBeNull();
    expect(scanKeys('5701234567892')).toBeNull();
    expect(scanKeys('0105701234567899')).toBeNull();
    expect(scanKeys('(01)05701234567899')).toBeNull();
    expect(scanKeys(']E05701234567899')).toBeNull();
    expect(scanKeys('01057012345678991\u001d10ABC')).toBeNull();
    expect(scanKeys('')).toBeNull();
  });

  it('tries an internal code (upper case, as stored) before a SKU as typed', () => {
    expect(scanKeys('shelf-7')).toEqual(['SHELF-7', 'sku:shelf-7']);
    expect(scanKeys('123456')).toEqual(['123456', 'sku:123456']);
  });
});

describe('backing off while the hub is away', () => {
  it('doubles from two seconds up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => backoffMs(n))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});
