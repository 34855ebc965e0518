import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_EXPORT_COLUMNS } from '../../hub/services/customers/customer-export.js';
import { asAdmin, demoProduct, errorCode, sellWithCash, tenderOfKind } from '../support/customer-sales.js';
import { startDemoHub, type DemoHub } from '../support/demo-hub.js';

/** csv-parse types every record as unknown[] without options; these are rows of text. */
function csvRows(text: string): string[][] {
  const rows: unknown = parse(text);
  return rows as string[][];
}

describe('customer merge and export over HTTP on the demo hub', () => {
  let demo: DemoHub;
  let cash: string;
  let goods: { id: string; priceMinor: number };

  beforeAll(async () => {
    demo = await startDemoHub('customer-admin-');
    cash = await tenderOfKind(demo, 'cash', 'Cash');
    goods = await demoProduct(demo, 0);
  }, 60_000);
  afterAll(async () => {
    await demo.close();
  });

  async function customer(body: Record<string, unknown>): Promise<string> {
    const res = await demo.api('/customers', { method: 'POST', body });
    expect(res.status).toBe(201);
    return String(res.body.id);
  }

  async function exportCsv(query = ''): Promise<{ status: number; type: string; rows: string[][] }> {
    const port = demo.hub.httpPort;
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/customers/export${query}`, {
      headers: demo.admin,
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      rows: res.status === 200 ? csvRows(text) : [],
    };
  }

  it('merges a duplicate: sales and points move, details are filled in, the duplicate is gone, audited', async () => {
    const keep = await customer({ name: 'Mette Hansen', email: 'mette@example.dk' });
    const dup = await customer({ name: 'Mette Hansen', phone: '+45 20 30 40 50', marketingConsent: true });
    const first = await sellWithCash(demo, cash, [{ productId: goods.id }], keep);
    const second = await sellWithCash(demo, cash, [{ productId: goods.id, quantity: 2 }], dup);
    await asAdmin(demo, `/loyalty/customers/${keep}/adjust`, 'POST', { points: 10, note: 'welcome' });
    await asAdmin(demo, `/loyalty/customers/${dup}/adjust`, 'POST', { points: 25, note: 'welcome' });

    const merged = await asAdmin(demo, `/customers/${keep}/merge`, 'POST', { duplicateId: dup });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      mergedId: dup,
      customer: { id: keep, email: 'mette@example.dk', phone: '+4520304050', marketingConsent: true },
      moved: { 'sales.customer_id': 1, 'loyalty_entries.customer_id': 1 },
    });
    expect((await demo.api(`/customers/${dup}`)).status).toBe(404);
    const history = await demo.api(`/customers/${keep}/purchases`);
    expect((history.body.items as { saleId: string }[]).map((p) => p.saleId).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    expect((await demo.api(`/loyalty/customers/${keep}`)).body.balancePoints).toBe(35);
    // The phone of the duplicate now finds the customer kept.
    const found = await demo.api('/customers?q=20304050');
    expect((found.body.items as { id: string }[]).map((c) => c.id)).toEqual([keep]);

    const merges = await asAdmin(demo, `/customers/${keep}/merges`);
    expect(merges.body).toEqual([expect.objectContaining({ mergedId: dup, mergedName: 'Mette Hansen' })]);
    const audit = await asAdmin(demo, '/audit?limit=200');
    expect(audit.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'customer.merge', target: keep })]),
    );
  });

  it('refuses merging into itself, an unknown customer, and a cashier merging', async () => {
    const a = await customer({ name: 'Solo' });
    const b = await customer({ name: 'Solo Two' });
    expect(errorCode(await asAdmin(demo, `/customers/${a}/merge`, 'POST', { duplicateId: a }))).toBe(
      'MERGE_SAME_CUSTOMER',
    );
    const unknown = await asAdmin(demo, `/customers/${a}/merge`, 'POST', {
      duplicateId: '0190a0b0-0000-7000-8000-000000000000',
    });
    expect(unknown.status).toBe(404);
    const cashier = await demo.api(`/customers/${a}/merge`, { method: 'POST', body: { duplicateId: b } });
    expect(cashier.status).toBe(403);
    expect((await demo.api(`/customers/${b}`)).status).toBe(200);
  });

  it('exports customers as CSV with points and lifetime value, optionally only those who consented', async () => {
    const buyer = await customer({ name: 'Åse Export', email: 'ase@example.dk', marketingConsent: true });
    await customer({ name: '=HYPERLINK("x")', phone: '12345678' });
    const sale = await sellWithCash(demo, cash, [{ productId: goods.id, quantity: 3 }], buyer);
    await asAdmin(demo, `/loyalty/customers/${buyer}/adjust`, 'POST', { points: 7, note: 'x' });

    const all = await exportCsv();
    expect(all.status).toBe(200);
    expect(all.type).toContain('text/csv');
    const [header, ...rows] = all.rows;
    expect(header).toEqual(CUSTOMER_EXPORT_COLUMNS);
    const row = rows.find((r) => r[0] === buyer)!;
    const total = sale.totals.totalMinor;
    expect(row.slice(1, 6)).toEqual(['Åse Export', '', 'ase@example.dk', '', 'yes']);
    expect(row.slice(8, 12)).toEqual([
      '7',
      '0',
      '1',
      `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`,
    ]);
    expect(rows.find((r) => r[2] === '12345678')![1]).toBe(`'=HYPERLINK("x")`);

    const consented = await exportCsv('?consent=given');
    expect(consented.rows.slice(1).every((r) => r[5] === 'yes')).toBe(true);
    expect(consented.rows.slice(1).map((r) => r[0])).toContain(buyer);

    const cashier = await demo.api('/customers/export');
    expect(cashier.status).toBe(403);
  });
});
