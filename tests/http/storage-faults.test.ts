import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { sellingAppPerTest } from '../support/selling-app.js';

/** A full disk or a read-only database: the client gets a clear error, nothing is half-saved, the hub goes on. */
describe('storage faults over HTTP', () => {
  const app = sellingAppPerTest();

  const sales = () => (app.f.ctx.db.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
  const bigSale = () => ({
    id: newId(),
    note: 'x'.repeat(400),
    lines: Array.from({ length: 300 }, () => ({
      id: newId(),
      productId: app.milk,
      quantity: 1,
      note: 'y'.repeat(190),
    })),
  });

  it('answers 507 STORAGE_FULL when the disk is full, saves nothing, and sells again once there is room', async () => {
    // SQLite reports a full disk as SQLITE_FULL; capping the page count produces exactly that.
    const pages = app.f.ctx.db.pragma('page_count', { simple: true }) as number;
    app.f.ctx.db.pragma(`max_page_count = ${pages}`);
    const before = sales();
    const full = await app.t.call('POST', '/sales', { body: bigSale(), headers: app.headers });
    expect(full.status, await full.clone().text()).toBe(507);
    expect(await full.json()).toMatchObject({ error: { code: 'STORAGE_FULL' } });
    expect(sales()).toBe(before);

    app.f.ctx.db.pragma('max_page_count = 1073741823');
    const ok = await app.t.call('POST', '/sales', { body: bigSale(), headers: app.headers });
    expect(ok.status).toBe(201);
    expect(sales()).toBe(before + 1);
  });

  it('answers 503 STORAGE_READ_ONLY on a read-only database and still serves reads', async () => {
    app.f.ctx.db.pragma('query_only = ON');
    const refused = await app.t.call('POST', '/sales', {
      body: { id: newId(), lines: [{ id: newId(), productId: app.milk, quantity: 1 }] },
      headers: app.headers,
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: 'STORAGE_READ_ONLY' } });
    const health = await app.t.app.request('/api/v1/sales?limit=5', { headers: app.headers });
    expect(health.status).toBe(200);
    app.f.ctx.db.pragma('query_only = OFF');
  });
});
