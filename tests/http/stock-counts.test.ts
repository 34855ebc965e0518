import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../hub/domain/barcodes/index.js';
import { newId } from '../../hub/ids.js';
import { createStockModule } from '../../hub/services/stock/stock-module.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((context) => createStockModule(context).api);

interface Count {
  id: string;
  status: string;
  lineCount: number;
  countedCount: number;
  varianceUnits: number;
  varianceValueMinor: number;
}
interface Line {
  productId: string;
  onHand: number;
  counted: number | null;
  variance: number | null;
  booked: number | null;
}

const call = async <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers = app.asManager(),
) => {
  const res = await app.t.call(method, path, { headers, ...(body === undefined ? {} : { body }) });
  return { status: res.status, body: await json<T>(res) };
};
const onHand = async (productId: string) =>
  (await call<{ onHand: Record<string, number> }>('GET', `/stock?productIds=${productId}`)).body.onHand[
    productId
  ];
const movementCount = () =>
  app.ctx.db
    .prepare<[], { n: number }>("SELECT count(*) AS n FROM stock_movements WHERE reason = 'count'")
    .get()?.n;

describe('stock counts over HTTP', () => {
  it('counts by typing and scanning, shows the variance, and posts it once in one go', async () => {
    const gtin = withCheckDigit('570000000001');
    const beer = app.f.product({ name: 'Pilsner', costMinor: 500, barcodes: [gtin] }).id;
    const cola = app.f.product({ name: 'Cola', costMinor: 300 }).id;
    const chips = app.f.product({ name: 'Chips', sku: 'CHIPS-1' }).id;
    await call('POST', '/stock/receive', {
      lines: [
        { productId: beer, quantity: 10 },
        { productId: cola, quantity: 8 },
        { productId: chips, quantity: 5 },
      ],
    });
    const created = await call<Count>('POST', '/stock-counts', { scope: 'full' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'open', lineCount: 3, countedCount: 0 });
    const id = created.body.id;

    // A wedge scanner types the EAN-13; the hub matches it to the GTIN-14 it stores.
    for (let i = 0; i < 9; i += 1) {
      expect((await call('POST', `/stock-counts/${id}/scan`, { code: gtin })).status).toBe(200);
    }
    const scanned = await call<Line>('POST', `/stock-counts/${id}/scan`, { code: 'chips-1', quantity: 4 });
    expect(scanned.body).toMatchObject({ productId: chips, counted: 4, onHand: 5, variance: -1 });
    const typed = await call<Count>('PUT', `/stock-counts/${id}/lines`, {
      lines: [{ productId: cola, counted: 8 }],
    });
    expect(typed.body).toMatchObject({ countedCount: 3, varianceUnits: -2 });
    // -1 beer at 5.00 and -1 chips at cost 0
    expect(typed.body.varianceValueMinor).toBe(-500);

    const variance = await call<{ items: Line[] }>('GET', `/stock-counts/${id}/lines?only=variance`);
    expect(variance.body.items.map((l) => [l.productId, l.variance])).toEqual([
      [chips, -1],
      [beer, -1],
    ]);

    const posted = await call<Count>('POST', `/stock-counts/${id}/post`);
    expect(posted.body).toMatchObject({ status: 'posted', varianceUnits: -2 });
    expect(await onHand(beer)).toBe(9);
    expect(await onHand(chips)).toBe(4);
    expect(await onHand(cola)).toBe(8);
    expect(movementCount()).toBe(2);
    const lines = await call<{ items: Line[] }>('GET', `/stock-counts/${id}/lines`);
    expect(lines.body.items.map((l) => l.booked)).toEqual([-1, 0, -1]);

    // Posting again, or counting a posted count, changes nothing.
    const again = await call<{ error: { code: string } }>('POST', `/stock-counts/${id}/post`);
    expect([again.status, again.body.error.code]).toEqual([409, 'STOCK_COUNT_STATE']);
    expect((await call('POST', `/stock-counts/${id}/scan`, { code: gtin })).status).toBe(409);
    expect(movementCount()).toBe(2);
    expect(await onHand(beer)).toBe(9);
  });

  it('posts the same count once when two posts race', async () => {
    const beer = app.f.product({ name: 'Pilsner' }).id;
    await call('POST', '/stock/receive', { lines: [{ productId: beer, quantity: 10 }] });
    const { body } = await call<Count>('POST', '/stock-counts', { scope: 'full' });
    await call('PUT', `/stock-counts/${body.id}/lines`, { lines: [{ productId: beer, counted: 7 }] });
    const results = await Promise.all([
      call('POST', `/stock-counts/${body.id}/post`),
      call('POST', `/stock-counts/${body.id}/post`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await onHand(beer)).toBe(7);
  });

  it('takes one category on a cycle count and refuses what is not on its sheet', async () => {
    const drinks = app.f.category('Drinks');
    const beerShelf = app.f.category('Beer', drinks);
    const beer = app.f.product({ name: 'Pilsner', categoryId: beerShelf }).id;
    const cola = app.f.product({ name: 'Cola', categoryId: drinks }).id;
    const bread = app.f.product({ name: 'Bread', sku: 'BREAD' }).id;
    const count = await call<Count>('POST', '/stock-counts', { scope: 'cycle', categoryId: drinks });
    expect(count.body.lineCount).toBe(2);
    const lines = await call<{ items: Line[] }>('GET', `/stock-counts/${count.body.id}/lines`);
    expect(lines.body.items.map((l) => l.productId).sort()).toEqual([beer, cola].sort());
    const off = await call<{ error: { code: string } }>('POST', `/stock-counts/${count.body.id}/scan`, {
      code: 'BREAD',
    });
    expect([off.status, off.body.error.code]).toEqual([422, 'NOT_ON_COUNT_SHEET']);
    const unknown = await call<{ error: { code: string } }>('POST', `/stock-counts/${count.body.id}/scan`, {
      code: '4006381333931',
    });
    expect(unknown.body.error.code).toBe('UNKNOWN_CODE');
    // One bad line refuses the whole request.
    const mixed = await call('PUT', `/stock-counts/${count.body.id}/lines`, {
      lines: [
        { productId: beer, counted: 3 },
        { productId: bread, counted: 1 },
      ],
    });
    expect(mixed.status).toBe(422);
    expect((await call<Count>('GET', `/stock-counts/${count.body.id}`)).body.countedCount).toBe(0);
    const nothing = await call<{ error: { code: string } }>('POST', `/stock-counts/${count.body.id}/post`);
    expect(nothing.body.error.code).toBe('NOTHING_COUNTED');
    expect((await call<Count>('POST', `/stock-counts/${count.body.id}/cancel`)).body.status).toBe(
      'cancelled',
    );
    expect((await call('POST', `/stock-counts/${count.body.id}/post`)).status).toBe(409);
  });

  it('refuses bad input and strangers', async () => {
    const beer = app.f.product({ name: 'Pilsner' }).id;
    const { body } = await call<Count>('POST', '/stock-counts', { scope: 'full' });
    for (const bad of [{ scope: 'cycle' }, { scope: 'weekly' }, { scope: 'full', categoryId: newId() }]) {
      expect((await call('POST', '/stock-counts', bad)).status).toBe(400);
    }
    expect((await call('POST', '/stock-counts', { scope: 'cycle', categoryId: newId() })).status).toBe(422);
    for (const lines of [[{ productId: beer, counted: -1 }], [{ productId: beer, counted: 1.5 }], []]) {
      expect((await call('PUT', `/stock-counts/${body.id}/lines`, { lines })).status).toBe(400);
    }
    expect((await call('POST', `/stock-counts/${body.id}/scan`, { code: '' })).status).toBe(400);
    expect((await call('POST', `/stock-counts/${body.id}/post`, undefined, app.asSupervisor())).status).toBe(
      403,
    );
    expect((await app.t.call('GET', '/stock-counts')).status).toBe(401);
    expect((await call('GET', `/stock-counts/${newId()}`)).status).toBe(404);
    expect((await call<Count>('GET', `/stock-counts/${body.id}`)).body.countedCount).toBe(0);
  });
});
