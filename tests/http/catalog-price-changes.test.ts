import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { PriceScheduler } from '../../hub/services/catalog/price-scheduler.js';
import { catalogAppPerTest } from '../support/catalog-app.js';
import { ManualClock } from '../support/hub-context.js';
import { json } from '../support/test-app.js';

const app = catalogAppPerTest((_ctx, fixture) => fixture.catalog.api);

const priceOf = (id: string) => app.f.catalog.service.get(id).priceMinor;

async function post(path: string, body: unknown, headers = app.asManager()) {
  const res = await app.t.call('POST', path, { headers, body });
  return { status: res.status, body: await json(res) };
}

describe('bulk price changes over HTTP', () => {
  it('raises a category (and its subcategories) by a percentage, rounded, in one audited change', async () => {
    const food = app.f.category('Food');
    const dairy = app.f.category('Dairy', food);
    const milk = app.f.product({ sku: 'MILK', priceMinor: 1095, categoryId: dairy });
    const bread = app.f.product({ sku: 'BREAD', priceMinor: 2000, categoryId: food });
    const other = app.f.product({ sku: 'SOAP', priceMinor: 3000 });
    const archived = app.f.product({ sku: 'OLD', priceMinor: 1000, categoryId: food });
    app.f.catalog.service.setActive(archived.id, false, { kind: 'admin', id: null, tillId: null });
    const request = {
      selection: { categoryId: food },
      adjust: { kind: 'percent', percentBp: 1000 },
      roundTo: 50,
    };

    const preview = await post('/price-changes/preview', request);
    expect(preview.status).toBe(200);
    // 10.95 + 10 % = 12.045 -> 12.00 at 0.50 steps; 20.00 -> 22.00.
    expect(preview.body).toMatchObject({
      count: 2,
      items: [
        { sku: 'BREAD', fromMinor: 2000, toMinor: 2200 },
        { sku: 'MILK', fromMinor: 1095, toMinor: 1200 },
      ],
    });
    expect(priceOf(milk.id)).toBe(1095);

    const seqBefore = app.f.catalog.service.changesSince(0, 1000).nextSeq;
    const id = newId();
    const created = await post('/price-changes', { id, ...request });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, status: 'applied', itemCount: 2 });
    expect([priceOf(milk.id), priceOf(bread.id), priceOf(other.id), priceOf(archived.id)]).toEqual([
      1200, 2200, 3000, 1000,
    ]);
    // Tills pick the new prices up from the change feed and hear about them on the bus.
    const feed = app.f.catalog.service.changesSince(seqBefore, 100);
    expect(feed.products.map((p) => p.sku).sort()).toEqual(['BREAD', 'MILK']);
    expect(app.ctx.events.filter((e) => e.name === 'catalog.changed').at(-1)).toMatchObject({
      payload: { productIds: expect.arrayContaining([milk.id, bread.id]) as unknown },
    });
    const audit = app.ctx.db
      .prepare<[], { action: string }>(
        "SELECT action FROM audit_log WHERE action LIKE 'price_change.%' OR action = 'product.price_change'",
      )
      .all()
      .map((r) => r.action);
    expect(audit.sort()).toEqual([
      'price_change.apply',
      'price_change.create',
      'product.price_change',
      'product.price_change',
    ]);

    // The same request again is the same change, not a second 10 %.
    expect((await post('/price-changes', { id, ...request })).status).toBe(200);
    expect(priceOf(milk.id)).toBe(1200);
    expect((await post('/price-changes', { id, ...request, roundTo: 1 })).status).toBe(409);
  });

  it('changes picked products by an amount and refuses a change that would go below zero', async () => {
    const a = app.f.product({ sku: 'A', priceMinor: 500 });
    const b = app.f.product({ sku: 'B', priceMinor: 300 });
    const tooMuch = await post('/price-changes', {
      selection: { productIds: [a.id, b.id] },
      adjust: { kind: 'amount', amountMinor: -400 },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ error: { code: 'PRICE_OUT_OF_RANGE', details: { skus: ['B'] } } });
    expect([priceOf(a.id), priceOf(b.id)]).toEqual([500, 300]);

    const ok = await post('/price-changes', {
      selection: { productIds: [a.id, b.id] },
      adjust: { kind: 'amount', amountMinor: -250 },
    });
    expect(ok.status).toBe(201);
    expect([priceOf(a.id), priceOf(b.id)]).toEqual([250, 50]);
  });

  it('refuses bad input, unknown products and cashiers, and changes nothing', async () => {
    const a = app.f.product({ sku: 'A', priceMinor: 500 });
    for (const body of [
      { selection: { productIds: [a.id] }, adjust: { kind: 'percent', percentBp: 1.5 } },
      { selection: { productIds: [] }, adjust: { kind: 'set', priceMinor: 100 } },
      { selection: { productIds: [a.id] }, adjust: { kind: 'set', priceMinor: -1 } },
      {
        selection: { productIds: [a.id] },
        adjust: { kind: 'set', priceMinor: 100 },
        effectiveAt: 'tomorrow',
      },
    ]) {
      expect((await post('/price-changes', body)).status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await post('/price-changes', {
      selection: { productIds: [newId()] },
      adjust: { kind: 'set', priceMinor: 100 },
    });
    expect(unknown.body).toMatchObject({ error: { code: 'UNKNOWN_PRODUCT' } });
    const cashier = await post(
      '/price-changes',
      { selection: { productIds: [a.id] }, adjust: { kind: 'set', priceMinor: 100 } },
      app.asCashier(),
    );
    expect(cashier.status).toBe(403);
    expect(priceOf(a.id)).toBe(500);
  });
});

describe('scheduled price changes', () => {
  it('waits for its date on the hub clock, applies once, and can be cancelled before', async () => {
    const clock = app.ctx.clock;
    if (!(clock instanceof ManualClock)) throw new Error('the test context runs on a ManualClock');
    const a = app.f.product({ sku: 'A', priceMinor: 1000 });
    const inOneDay = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const scheduled = await post('/price-changes', {
      selection: { productIds: [a.id] },
      adjust: { kind: 'set', priceMinor: 800 },
      effectiveAt: inOneDay,
      note: 'Summer sale',
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ status: 'pending', effectiveAt: inOneDay, note: 'Summer sale' });
    const cancelMe = await post('/price-changes', {
      selection: { productIds: [a.id] },
      adjust: { kind: 'set', priceMinor: 1 },
      effectiveAt: inOneDay,
    });
    const cancelled = await post(`/price-changes/${String(cancelMe.body.id)}/cancel`, {});
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });

    const pending = await app.t.call('GET', '/price-changes?status=pending', { headers: app.asManager() });
    expect(await json(pending)).toMatchObject({ total: 1, items: [{ id: scheduled.body.id }] });

    expect(app.f.catalog.prices.applyDue()).toEqual([]);
    expect(priceOf(a.id)).toBe(1000);
    clock.advance(86_400_000);
    expect(app.f.catalog.prices.applyDue()).toEqual([scheduled.body.id]);
    expect(app.f.catalog.prices.applyDue()).toEqual([]);
    expect(priceOf(a.id)).toBe(800);

    const detail = await app.t.call('GET', `/price-changes/${String(scheduled.body.id)}`, {
      headers: app.asManager(),
    });
    expect(await json(detail)).toMatchObject({
      status: 'applied',
      items: [{ sku: 'A', fromMinor: 1000, toMinor: 800 }],
    });
    const late = await post(`/price-changes/${String(scheduled.body.id)}/cancel`, {});
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ error: { code: 'PRICE_CHANGE_APPLIED' } });
  });

  it("is applied by the hub's scheduler when it starts after the date passed (the hub was off)", async () => {
    const clock = app.ctx.clock;
    if (!(clock instanceof ManualClock)) throw new Error('the test context runs on a ManualClock');
    const a = app.f.product({ sku: 'A', priceMinor: 1000 });
    const change = await post('/price-changes', {
      selection: { productIds: [a.id] },
      adjust: { kind: 'percent', percentBp: -2500 },
      effectiveAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    clock.advance(3_600_000);
    const scheduler = new PriceScheduler(app.ctx, app.f.catalog.prices, 60_000);
    scheduler.start();
    scheduler.stop();
    expect(priceOf(a.id)).toBe(750);
    expect(app.f.catalog.prices.get(String(change.body.id))).toMatchObject({ status: 'applied' });
  });
});
