import { describe, expect, it } from 'vitest';
import { encodeLabel } from '../../hub/domain/barcodes/index.js';
import { newId } from '../../hub/ids.js';
import { SYSTEM_ACTOR } from '../../hub/services/settings/actor.js';
import { badCheckDigit, SCALE_PRICE_LABEL } from '../support/catalog-fixtures.js';
import { tillHeaders } from '../support/test-app.js';
import { sellingAppPerTest } from '../support/selling-app.js';

interface SaleBody {
  id: string;
  status: string;
  version: number;
  totals: { totalMinor: number; dueMinor: number; toPayMinor: number };
  receipt: { code: string; barcode: string } | null;
  lines: { id: string; status: string; quantity: number; embeddedPriceMinor: number | null }[];
}

describe('sales over HTTP', () => {
  const app = sellingAppPerTest();

  const count = (table: string): number =>
    (app.f.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('creates idempotently: 201, then 200 with the same body, then 409 for other content', async () => {
    const body = { id: newId(), lines: [{ id: newId(), productId: app.milk, quantity: 2 }] };
    const first = await app.t.call('POST', '/sales', { body, headers: app.headers });
    expect(first.status).toBe(201);
    const created = (await first.json()) as SaleBody;
    expect(created.totals.totalMinor).toBe(2590);
    const again = await app.t.call('POST', '/sales', { body, headers: app.headers });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);
    const other = await app.t.call('POST', '/sales', {
      body: { ...body, note: 'different' },
      headers: app.headers,
    });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_CONFLICT' } });
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const line = { id: newId(), productId: app.milk, quantity: 1 };
    const bad: unknown[] = [
      { id: newId(), lines: [{ ...line, quantity: 1.5 }] },
      { id: newId(), lines: [{ ...line, quantity: 0 }] },
      { id: newId(), lines: [{ ...line, quantity: 1_000_001 }] },
      { id: newId(), lines: [{ ...line, unitPriceMinor: 100_000_001 }] },
      { id: newId(), lines: [line], totalMinor: 100 },
      { id: newId(), lines: [{ ...line, priceMinor: 1 }] },
      { id: '0190b7c2-1d2e-4f00-8000-000000000000', lines: [line] },
      { id: newId(), lines: Array.from({ length: 501 }, () => ({ ...line, id: newId() })) },
      { id: newId(), lines: [line], note: 'bell\u0007' },
      { id: newId(), lines: [line], saleDiscount: { kind: 'percent', bp: 10_001 } },
      // The till never states a label's price; it sends the scanned code for the hub to read.
      { id: newId(), lines: [{ ...line, embeddedPriceMinor: 1 }] },
      { id: newId(), lines: [{ ...line, scannedCode: '   ' }] },
      { id: newId(), lines: [{ ...line, scannedCode: '2'.repeat(65) }] },
      { id: newId(), lines: [{ ...line, scannedCode: '2000420044982\u0007' }] },
    ];
    for (const body of bad) {
      const res = await app.t.call('POST', '/sales', { body, headers: app.headers });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const malformed = await app.t.app.request('/api/v1/sales', {
      method: 'POST',
      headers: { ...app.headers, 'content-type': 'application/json' },
      body: '{"id":',
    });
    expect(malformed.status).toBe(400);
    expect(count('sales')).toBe(0);
    expect(count("outbox WHERE entity = 'sale'")).toBe(0);
  });

  it('prices a scale label from the scanned code, replays it, and refuses a tampered one', async () => {
    const { id: templateId, ...template } = SCALE_PRICE_LABEL;
    app.f.labelTemplates.put(templateId, template, SYSTEM_ACTOR);
    const cheese = app.f.product({
      sku: 'CHEESE',
      priceMinor: 8995,
      unit: 'kg',
      weighed: true,
      barcodes: [{ code: '42', kind: 'plu' }],
    });
    const code = encodeLabel(SCALE_PRICE_LABEL, '0042', 4498, 2);
    if (!code.ok) throw new Error(code.reason);
    // Scanners may send an AIM prefix and a line end; the hub trims and reads it as the lookup does.
    const body = {
      id: newId(),
      lines: [{ id: newId(), productId: cheese, scannedCode: ` ]E0${code.value}\n` }],
    };
    const first = await app.t.call('POST', '/sales', { body, headers: app.headers });
    expect(first.status).toBe(201);
    const created = (await first.json()) as SaleBody;
    expect(created.totals.totalMinor).toBe(4498);
    expect(created.lines[0]).toMatchObject({
      embeddedPriceMinor: 4498,
      quantity: 500,
      weightSource: 'label',
    });
    const again = await app.t.call('POST', '/sales', { body, headers: app.headers });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(created);

    const tampered = {
      id: newId(),
      lines: [{ id: newId(), productId: cheese, scannedCode: badCheckDigit(code.value) }],
    };
    const refused = await app.t.call('POST', '/sales', { body: tampered, headers: app.headers });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      error: { code: 'INVALID_SCAN', details: { reason: expect.stringMatching(/check digit/) as unknown } },
    });
    const mismatch = await app.t.call('POST', '/sales', {
      body: { id: newId(), lines: [{ id: newId(), productId: app.milk, scannedCode: code.value }] },
      headers: app.headers,
    });
    expect(await mismatch.json()).toMatchObject({ error: { code: 'SCAN_PRODUCT_MISMATCH' } });
    expect(count('sales')).toBe(1);
  });

  it('needs a cashier logged in at a till to sell, and a login to read', async () => {
    const body = { id: newId(), lines: [] };
    expect(
      (await app.t.call('POST', '/sales', { body, headers: tillHeaders(app.f.people.till) })).status,
    ).toBe(401);
    expect((await app.t.call('POST', '/sales', { body })).status).toBe(401);
    expect((await app.t.call('GET', `/sales?status=parked`)).status).toBe(401);
  });

  it('runs a sale end to end: cart update, park, recall, split payment, completion, receipt lookup', async () => {
    const id = newId();
    const milkLine = { id: newId(), productId: app.milk, quantity: 1 };
    expect(
      (await app.t.call('POST', '/sales', { body: { id, lines: [milkLine] }, headers: app.headers })).status,
    ).toBe(201);
    const put = await app.t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [{ ...milkLine, quantity: 4 }] },
      headers: app.headers,
    });
    expect(put.status).toBe(200);
    const stale = await app.t.call('PUT', `/sales/${id}`, {
      body: { expectedVersion: 1, lines: [{ ...milkLine, quantity: 5 }] },
      headers: app.headers,
    });
    expect(stale.status).toBe(409);
    expect((await app.t.call('POST', `/sales/${id}/park`, { headers: app.headers })).status).toBe(200);
    const parked = (await (
      await app.t.call('GET', '/sales?status=parked', { headers: app.headers })
    ).json()) as {
      items: SaleBody[];
      total: number;
    };
    expect(parked.items.map((s) => s.id)).toEqual([id]);
    expect((await app.t.call('POST', `/sales/${id}/recall`, { headers: app.headers })).status).toBe(200);

    const notYet = await app.t.call('POST', `/sales/${id}/complete`, { headers: app.headers });
    expect(notYet.status).toBe(422);
    expect(await notYet.json()).toMatchObject({ error: { code: 'SALE_NOT_PAID' } });

    const card = await app.t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: app.f.tender.card, amountMinor: 2000 },
      headers: app.headers,
    });
    expect(card.status).toBe(201);
    const cashBody = { id: newId(), tenderId: app.f.tender.cash, amountMinor: 3180, tenderedMinor: 5000 };
    const cash = await app.t.call('POST', `/sales/${id}/payments`, { body: cashBody, headers: app.headers });
    expect(await cash.json()).toMatchObject({
      payment: { amountMinor: 3200, roundingMinor: 20, changeMinor: 1800 },
      sale: { totals: { dueMinor: 0 } },
    });
    expect(
      (await app.t.call('POST', `/sales/${id}/payments`, { body: cashBody, headers: app.headers })).status,
    ).toBe(200);

    const noSession = await app.t.call('POST', `/sales/${id}/complete`, { headers: app.headers });
    expect(await noSession.json()).toMatchObject({ error: { code: 'CASH_SESSION_REQUIRED' } });
    app.f.openSession();
    const done = await app.t.call('POST', `/sales/${id}/complete`, { headers: app.headers });
    expect(done.status).toBe(200);
    const sale = (await done.json()) as SaleBody;
    expect(sale).toMatchObject({ status: 'completed', totals: { toPayMinor: 5200 } });
    const found = await app.t.call('GET', `/sales/by-receipt/${sale.receipt!.barcode}`, {
      headers: app.headers,
    });
    expect(((await found.json()) as SaleBody).id).toBe(id);
    expect((await app.t.call('GET', '/sales/by-receipt/9-999', { headers: app.headers })).status).toBe(404);
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = (await (await app.t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.components.schemas.CartLine!.properties)).toContain('scannedCode');
    expect(Object.keys(doc.components.schemas.CartLine!.properties)).not.toContain('embeddedPriceMinor');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/sales',
        '/sales/{id}',
        '/sales/{id}/payments',
        '/sales/{id}/complete',
        '/payments/{id}/resolve',
        '/returns',
      ]),
    );
  });
});
