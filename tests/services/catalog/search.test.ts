import { beforeEach, describe, expect, it } from 'vitest';
import { buildMatchQuery, buildSearchText } from '../../../hub/domain/search-text.js';
import { catalogFixturePerTest, ean13, OWNER } from '../../support/catalog-fixtures.js';

describe('search text', () => {
  it('spaces CJK characters, folds case, Nordic letters and traditional characters', () => {
    expect(buildSearchText(['鮮乳 牛奶 1L', 'TW-001'])).toBe('鲜 乳 牛 奶 1l tw-001');
    expect(buildSearchText(['Rødbeder', 'Æblemost'])).toBe('rodbeder aeblemost');
    expect(buildSearchText(['おにぎり', '김치'])).toBe('お に ぎ り 김 치');
  });

  it('turns user text into quoted prefix terms and CJK phrases, never raw syntax', () => {
    expect(buildMatchQuery('mil')).toBe('"mil"*');
    expect(buildMatchQuery('牛奶')).toBe('"牛 奶"');
    expect(buildMatchQuery('1L牛奶')).toBe('"1l"* "牛 奶"');
    expect(buildMatchQuery('"a" OR NEAR(b c) *')).toBe('"a"* "or"* "near"* "b"* "c"*');
    expect(buildMatchQuery('*** ( ) "')).toBeUndefined();
    expect(buildMatchQuery('x '.repeat(1000))?.split(' ')).toHaveLength(12);
  });
});

describe('product search', () => {
  const f = catalogFixturePerTest('DK');
  const names = (q: string, status?: 'active' | 'archived' | 'all') =>
    f.catalog.service
      .list({ q, limit: 20, offset: 0, ...(status ? { status } : {}) })
      .items.map((p) => p.name);

  beforeEach(() => {
    f.product({ name: '鮮乳 牛奶 1L', sku: 'TW-MILK' });
    f.product({ name: '光明 纯牛奶 250ml', sku: 'CN-MILK' });
    f.product({ name: '奶牛 玩具', sku: 'TOY-COW' });
    f.product({ name: 'Økologiske rødbeder', sku: 'DK-ROED' });
    f.product({ name: 'Täysmaito 1 l', sku: 'FI-MAITO' });
    f.product({ name: 'Молоко пастеризоване 2,5%', sku: 'UA-MOLOKO' });
    f.product({ name: 'Letmælk', sku: 'DK-MILK-1', barcodes: [ean13('570123400010')] });
    f.product({ name: 'Letmælk laktosefri', sku: 'DK-MILK-2' });
  });

  it('finds 牛奶 in traditional and simplified names, but not 奶牛', () => {
    expect(names('牛奶').sort()).toEqual(['光明 纯牛奶 250ml', '鮮乳 牛奶 1L']);
    // Simplified query, traditional label.
    expect(names('鲜乳')).toEqual(['鮮乳 牛奶 1L']);
  });

  it('finds Danish, Finnish and Ukrainian names by prefix, with or without special letters', () => {
    expect(names('rødb')).toEqual(['Økologiske rødbeder']);
    expect(names('rodb')).toEqual(['Økologiske rødbeder']);
    expect(names('økolog')).toEqual(['Økologiske rødbeder']);
    expect(names('täysm')).toEqual(['Täysmaito 1 l']);
    expect(names('taysm')).toEqual(['Täysmaito 1 l']);
    expect(names('молок')).toEqual(['Молоко пастеризоване 2,5%']);
    expect(names('МОЛОКО паст')).toEqual(['Молоко пастеризоване 2,5%']);
  });

  it('matches every term, SKU and barcode digits, and ranks the closer match first', () => {
    expect(names('letmælk laktose')).toEqual(['Letmælk laktosefri']);
    expect(names('letmælk')[0]).toBe('Letmælk');
    expect(names('UA-MOLOKO')).toEqual(['Молоко пастеризоване 2,5%']);
    expect(names('5701234')).toEqual(['Letmælk']);
  });

  it('treats hostile input as words', () => {
    for (const q of [
      '"',
      '""*',
      'NEAR(milk, 5)',
      'a OR b',
      '*',
      '(',
      ')',
      'name:milk',
      '^milk',
      '-',
      "'; DROP TABLE products; --",
      'x'.repeat(5000),
    ]) {
      expect(() => names(q)).not.toThrow();
    }
    expect(names('"letmælk" AND')).toEqual([]);
    expect(names('(letmælk)')).toHaveLength(2);
  });

  it('hides archived products unless asked, and pages results', () => {
    const [milk] = f.catalog.service.list({ q: 'letmælk laktose', limit: 1, offset: 0 }).items;
    f.catalog.service.setActive(milk!.id, false, OWNER);
    expect(names('letmælk')).toEqual(['Letmælk']);
    expect(names('letmælk', 'archived')).toEqual(['Letmælk laktosefri']);
    const page = f.catalog.service.list({ q: 'letmælk', status: 'all', limit: 1, offset: 0 });
    expect(page.items).toHaveLength(1);
    expect(page.nextOffset).toBe(1);
    expect(
      f.catalog.service.list({ q: 'letmælk', status: 'all', limit: 1, offset: 1 }).nextOffset,
    ).toBeNull();
  });

  it('follows renames: the old name no longer matches', () => {
    const [beets] = f.catalog.service.list({ q: 'rødbeder', limit: 1, offset: 0 }).items;
    f.catalog.service.update(beets!.id, { name: 'Syltede agurker' }, OWNER);
    expect(names('rødb')).toEqual([]);
    expect(names('agurk')).toEqual(['Syltede agurker']);
  });
});
