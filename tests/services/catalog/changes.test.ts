import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_FEED_SQL } from '../../../hub/db/catalog-search-queries.js';
import { createCatalogFixture, OWNER, type CatalogFixture } from '../../support/catalog-fixtures.js';
import { createTestContext, ManualClock, type TestContext } from '../../support/hub-context.js';

describe('catalog change feed', () => {
  let ctx: TestContext;
  let f: CatalogFixture;
  const clock = new ManualClock();
  beforeEach(() => {
    ctx = createTestContext(clock);
    f = createCatalogFixture(ctx, 'DK');
  });
  afterEach(() => {
    ctx.close();
  });

  it('pages 1,000 products and categories with no duplicates or gaps, then reports no more', () => {
    const insert = ctx.db.transaction(() => {
      for (let i = 0; i < 1000; i++) {
        if (i % 100 === 0) f.category(`Kategori ${i}`);
        f.product({ sku: `P${String(i).padStart(4, '0')}` });
      }
    });
    insert();
    // Touch some early products again: they must move to the end of the feed, once.
    const early = f.catalog.service.list({ q: 'P0001', limit: 1, offset: 0 }).items[0]!;
    f.catalog.service.update(early.id, { priceMinor: 1 }, OWNER);

    const seen = new Map<string, number>();
    const seqs: number[] = [];
    let after = 0;
    let pages = 0;
    for (;;) {
      const page = f.catalog.service.changesSince(after, 97);
      pages += 1;
      for (const p of page.products) seen.set(p.id, (seen.get(p.id) ?? 0) + 1);
      seqs.push(...page.products.map((p) => p.changeSeq), ...page.categories.map((c) => c.changeSeq));
      expect(page.nextSeq).toBeGreaterThanOrEqual(after);
      after = page.nextSeq;
      if (!page.hasMore) break;
    }
    expect(pages).toBe(Math.ceil(1011 / 97));
    expect(seen.size).toBe(1000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const sorted = [...seqs].sort((a, b) => a - b);
    expect(sorted).toEqual(
      Array.from({ length: 1011 }, (_, i) => sorted[0]! + i).filter((s) => s !== early.changeSeq),
    );
    const last = f.catalog.service.changesSince(after, 100);
    expect(last).toEqual({ products: [], categories: [], nextSeq: after, hasMore: false });
  });

  it('carries archived products (search hides them) with their barcodes', () => {
    const p = f.product({ name: 'Udgået vare', barcodes: ['OLD-1'] });
    const start = p.changeSeq;
    f.catalog.service.setActive(p.id, false, OWNER);
    expect(f.catalog.service.list({ q: 'udgået', limit: 5, offset: 0 }).items).toEqual([]);
    const page = f.catalog.service.changesSince(start, 10);
    expect(page.products).toHaveLength(1);
    expect(page.products[0]).toMatchObject({
      id: p.id,
      active: false,
      barcodes: [{ code: 'OLD-1', kind: 'code' }],
    });
  });

  it('maps updatedSince to the first change after that time', () => {
    f.product({ name: 'Gammel' });
    const cut = clock.now().toISOString();
    clock.advance(60_000);
    const fresh = f.product({ name: 'Ny' });
    const page = f.catalog.service.changesSinceTime(cut, 10);
    expect(page.products.map((p) => p.id)).toEqual([fresh.id]);
    clock.advance(60_000);
    expect(f.catalog.service.changesSinceTime(clock.now().toISOString(), 10)).toMatchObject({
      products: [],
      hasMore: false,
    });
  });

  it('reads the feed through indexes in both modes, never a scan of the catalog', () => {
    // Planner statistics as a store that has run for a while has them (migrate runs PRAGMA optimize).
    const insert = ctx.db.transaction(() => {
      for (let i = 0; i < 300; i++) f.product({ sku: `IX${i}`, barcodes: [`IX-${i}`] });
    });
    insert();
    ctx.db.exec('ANALYZE');
    const plan = (sql: string, ...params: unknown[]): string[] =>
      (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
    const tableScans = (details: string[]) =>
      details.filter((d) => /^SCAN (products|categories|barcodes)\b/.test(d));

    // since=<change_seq>: both reads walk the change_seq indexes, the barcodes are looked up by product.
    const bySeq = plan(CATALOG_FEED_SQL.productsChangedAfter, 0, 10);
    expect(bySeq.join('\n')).toContain('SEARCH products USING INDEX products_change_seq (change_seq>?)');
    const cats = plan(CATALOG_FEED_SQL.categoriesChangedAfter, 0, 10);
    expect(cats.join('\n')).toContain('SEARCH categories USING INDEX categories_change_seq (change_seq>?)');
    const codes = plan(CATALOG_FEED_SQL.barcodesOfMany, '["a","b"]');
    expect(codes.join('\n')).toMatch(/SEARCH barcodes USING (COVERING )?INDEX/);

    // updatedSince=<time>: the starting point comes from the updated_at indexes, then the same reads.
    const byTime = plan(CATALOG_FEED_SQL.seqAfterTime, clock.now().toISOString(), clock.now().toISOString());
    expect(byTime.join('\n')).toContain('SEARCH products USING INDEX products_updated_at (updated_at>?)');
    expect(byTime.join('\n')).toContain('SEARCH categories USING INDEX categories_updated_at (updated_at>?)');

    for (const details of [bySeq, cats, codes, byTime]) expect(tableScans(details)).toEqual([]);
  });

  it('finds the right starting point by time even when the clock stepped back', () => {
    const a = f.product({ name: 'A' });
    const cut = clock.now().toISOString();
    clock.advance(120_000);
    const b = f.product({ name: 'B' });
    clock.advance(-60_000);
    const c = f.product({ name: 'C' });
    const page = f.catalog.service.changesSinceTime(cut, 10);
    expect(page.products.map((p) => p.id)).toEqual([b.id, c.id]);
    expect(page.products.map((p) => p.id)).not.toContain(a.id);
  });
});
