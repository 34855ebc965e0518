import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoHub, sellForCash, type DemoHub } from '../support/demo-hub.js';

// The real demo hub over HTTP: the reports and the dashboard as the admin pages call them.

describe('reports and dashboard over HTTP', () => {
  let demo: DemoHub;
  let today: string;

  beforeAll(async () => {
    demo = await startDemoHub('hub-reports-');
    await sellForCash(demo, 2);
    await sellForCash(demo, 1);
    today = new Intl.DateTimeFormat('sv-SE', {
      timeZone: demo.hub.modules.settings.service.get().timeZone,
    }).format(new Date());
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  const asManager = (path: string) => demo.api(path, { headers: demo.admin });

  it("shows today's sales, the open drawer and low stock on the dashboard", async () => {
    const res = await asManager('/dashboard');
    expect(res.status).toBe(200);
    const sold = demo.hub.modules.sales.sales.lifecycle.list({ limit: 10, offset: 0 });
    const total = sold.items
      .filter((s) => s.status === 'completed')
      .reduce((n, s) => n + s.totals.totalMinor, 0);
    expect(res.body).toMatchObject({ date: today, today: { sales: 2, totalMinor: total } });
    const sessions = res.body.openSessions as { tillId: string; expectedMinor: number }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ tillId: demo.tillId });
    expect(sessions[0]!.expectedMinor).toBeGreaterThanOrEqual(50_000 + total);
    expect(Array.isArray(res.body.deviceAlerts)).toBe(true);
  });

  it('answers the sales report with buckets and the period before, and the same as CSV', async () => {
    const res = await asManager(`/reports/sales?from=${today}&to=${today}&granularity=hour`);
    expect(res.status).toBe(200);
    expect((res.body.buckets as unknown[]).length).toBe(24);
    const totals = res.body.totals as { sales: number; totalMinor: number };
    expect(totals.sales).toBe(2);

    const response = await fetch(
      `http://127.0.0.1:${demo.hub.httpPort}/api/v1/reports/export/sales?from=${today}&to=${today}&granularity=day`,
      { headers: demo.admin },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const [header, row] = (await response.text()).trim().split('\n');
    expect(header).toBe(
      'period,sales,returns,items,gross,discount,tax,total,cost,margin,previous_period,previous_total',
    );
    const cells = row!.split(',');
    expect(cells[0]).toBe(today);
    expect(cells[7]).toBe((totals.totalMinor / 100).toFixed(2));
  });

  it('serves every report family to a manager', async () => {
    const range = `from=${today}&to=${today}`;
    for (const path of [
      'products',
      'categories',
      'payments',
      'discounts',
      'refunds',
      'tax',
      'cash-sessions',
    ]) {
      const res = await asManager(`/reports/${path}?${range}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const products = await asManager(`/reports/products?${range}&order=best&limit=5`);
    expect(products.body).toMatchObject({ total: 1, items: [{ quantity: 3 }] });
    expect((await asManager('/reports/low-stock?limit=5')).status).toBe(200);
  });

  it('refuses a cashier, a reversed range and an unknown parameter, and changes nothing', async () => {
    const cashier = await demo.api(`/reports/sales?from=${today}&to=${today}`);
    expect(cashier.status).toBe(403);
    expect(cashier.body).toMatchObject({ error: { code: 'PERMISSION_REQUIRED' } });
    const reversed = await asManager('/reports/sales?from=2026-12-31&to=2026-01-01');
    expect(reversed.status).toBe(400);
    const unknown = await asManager(`/reports/tax?from=${today}&to=${today}&colour=red`);
    expect(unknown.status).toBe(400);
    const badDate = await asManager('/reports/tax?from=2026-13-01&to=2026-12-01');
    expect(badDate.status).toBe(400);
    const noDates = await asManager('/reports/export/tax');
    expect(noDates.status).toBe(400);
    const anonymous = await demo.api('/dashboard', { headers: {} });
    expect(anonymous.status).toBe(401);
  });
});
