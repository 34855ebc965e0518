import { describe, expect, it } from 'vitest';
import { encodeLabel, isValidGtin } from '../../../hub/domain/barcodes/index.js';
import { bulkInsertProducts } from '../../../scripts/demo/catalog-bulk.js';
import { demoPrice, seedDemoCatalog } from '../../../scripts/demo/catalog-seed.js';
import { catalogFixturePerTest, createCatalogFixture } from '../../support/catalog-fixtures.js';
import { createTestContext } from '../../support/hub-context.js';

describe('demo catalog seed', () => {
  const f = catalogFixturePerTest('DK');

  it('seeds a Danish store a cashier can sell from', () => {
    const result = seedDemoCatalog(f.ctx, f, { seed: 1 });
    expect(result.products).toBeGreaterThanOrEqual(240);
    expect(result.categories).toBeGreaterThanOrEqual(8);
    const all = f.catalog.service.changesSince(0, 1000).products;
    expect(all).toHaveLength(result.products);
    const gtins = all.flatMap((p) => p.barcodes.filter((b) => b.kind === 'gtin').map((b) => b.display));
    expect(gtins.every((g) => isValidGtin(g) && g.startsWith('57'))).toBe(true);
    expect(new Set(all.map((p) => p.sku)).size).toBe(all.length);
    // Danish names, Chinese teas, and the fruit & veg sold by weight per kg.
    expect(f.catalog.service.list({ q: 'rødbeder', limit: 5, offset: 0 }).items.length).toBeGreaterThan(0);
    expect(f.catalog.service.list({ q: '烏龍', limit: 5, offset: 0 }).items.length).toBe(4);
    const apples = f.catalog.service.list({ q: 'æbler', limit: 1, offset: 0 }).items[0]!;
    expect(apples).toMatchObject({ unit: 'kg', weighed: true });
    // Prices end like a Danish shop's and costs sit under prices.
    expect(
      all.filter((p) => !p.hasVariants).every((p) => p.priceMinor % 100 === 95 && p.costMinor < p.priceMinor),
    ).toBe(true);
    // A T-shirt style with 8 variants, each with its own stock.
    const style = all.find((p) => p.hasVariants)!;
    const variants = all.filter((p) => p.parentId === style.id);
    expect(variants).toHaveLength(8);
    expect(Object.values(f.stock.onHand(variants.map((v) => v.id))).every((q) => q > 0)).toBe(true);
  });

  it('makes scale labels that scan to the right product with price or weight', () => {
    const result = seedDemoCatalog(f.ctx, f);
    const priceItem = result.pluItems.find((i) => i.label === 'price')!;
    const tpl = f.catalog.labelTemplates.active().find((t) => t.id === 'scale-price')!;
    const label = encodeLabel(tpl, priceItem.itemCode.padStart(4, '0'), 4_275, 2);
    if (!label.ok) throw new Error(label.reason);
    expect(f.catalog.service.lookupBarcode(label.value)).toMatchObject({
      status: 'found',
      product: { id: priceItem.productId },
      embeddedPriceMinor: 4_275,
    });
    const weightItem = result.pluItems.find((i) => i.label === 'weight')!;
    const wtpl = f.catalog.labelTemplates.active().find((t) => t.id === 'scale-weight')!;
    const wlabel = encodeLabel(wtpl, weightItem.itemCode.padStart(5, '0'), 432, 2);
    if (!wlabel.ok) throw new Error(wlabel.reason);
    expect(f.catalog.service.lookupBarcode(wlabel.value)).toMatchObject({
      status: 'found',
      product: { id: weightItem.productId },
      weightGrams: 432,
    });
    expect(f.catalog.service.lookupBarcode(result.sampleBarcodes[0]!)).toMatchObject({ status: 'found' });
  });

  it('is deterministic and idempotent: a second run changes nothing', () => {
    const first = seedDemoCatalog(f.ctx, f, { seed: 9 });
    const count = (sql: string) => (f.ctx.db.prepare(sql).get() as { n: number }).n;
    const before = [
      count('SELECT count(*) AS n FROM products'),
      count('SELECT count(*) AS n FROM stock_movements'),
    ];
    const second = seedDemoCatalog(f.ctx, f, { seed: 9 });
    expect(second.sampleBarcodes).toEqual(first.sampleBarcodes);
    expect([
      count('SELECT count(*) AS n FROM products'),
      count('SELECT count(*) AS n FROM stock_movements'),
    ]).toEqual(before);
  });

  it.each(['FI', 'TW', 'UA', 'CN', 'US'] as const)(
    'seeds a %s store in its language, currency and rates',
    (country) => {
      f.settings.service.applyPreset(country, { kind: 'system', id: null, tillId: null });
      const result = seedDemoCatalog(f.ctx, f);
      expect(result.products).toBeGreaterThanOrEqual(240);
      const [bread] = f.catalog.service.list({ q: 'BAK-011', limit: 1, offset: 0 }).items;
      // Imported goods keep their own name in every store.
      expect(bread?.name).toBe('Rugbrød');
      const milk = f.catalog.service.list({ q: 'DAI-013', limit: 1, offset: 0 }).items[0]!;
      const names = {
        FI: 'Kevytmaito 1 l',
        TW: '低脂牛奶 1 l',
        UA: 'Молоко 1,5% 1 l',
        CN: '低脂牛奶 1 l',
        US: 'Low-fat milk 1 l',
      };
      expect(milk.name).toBe(names[country]);
      // Food at the reduced rate where there is one.
      const food = f.settings.taxClasses.list().find((t) => t.code === 'food');
      expect(milk.taxClassId).toBe(food?.id ?? f.taxClassId('standard'));
    },
  );

  it('converts prices with integer arithmetic and shop endings', () => {
    expect(demoPrice(250, 'DKK')).toBe(1895);
    expect(demoPrice(250, 'EUR')).toBe(249);
    expect(demoPrice(250, 'TWD') % 100).toBe(0);
  });
});

describe('bulk generator', () => {
  it('inserts thousands of searchable products with unique change_seq in batches', () => {
    const ctx = createTestContext();
    try {
      const f = createCatalogFixture(ctx, 'DK');
      const batches: number[] = [];
      const n = bulkInsertProducts(ctx.db, {
        count: 25_000,
        taxClassId: f.taxClassId('standard'),
        batchSize: 10_000,
        onBatch: (k) => batches.push(k),
      });
      expect(n).toBe(25_000);
      expect(batches).toEqual([10_000, 20_000, 25_000]);
      let after = 0;
      let total = 0;
      for (;;) {
        const page = f.catalog.service.changesSince(after, 1000);
        total += page.products.length;
        after = page.nextSeq;
        if (!page.hasMore) break;
      }
      expect(total).toBe(25_000);
      expect(f.catalog.service.list({ q: 'BULK-00012345', limit: 5, offset: 0 }).items).toHaveLength(1);
      const codes = ctx.db.prepare("SELECT code FROM barcodes WHERE kind = 'gtin'").pluck().all() as string[];
      expect(codes).toHaveLength(25_000);
      expect(codes.filter((code) => !/^\d{14}$/.test(code) || !isValidGtin(code))).toEqual([]);
      // Ordinary writes carry on after the bulk load without reusing a change_seq.
      expect(f.product({ name: 'Efter bulk' }).changeSeq).toBe(after + 1);
    } finally {
      ctx.close();
    }
  });

  it('refuses a GTIN prefix that leaves no room for the item numbers', () => {
    const ctx = createTestContext();
    try {
      const f = createCatalogFixture(ctx, 'DK');
      expect(() =>
        bulkInsertProducts(ctx.db, {
          count: 200_000,
          taxClassId: f.taxClassId('standard'),
          gtinPrefix: '5790000',
        }),
      ).toThrow(/no room for 200000/);
    } finally {
      ctx.close();
    }
  });
});
