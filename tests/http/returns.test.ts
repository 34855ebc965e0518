import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import type { TestApp } from '../support/test-app.js';
import type { SalesFixture } from '../services/sales/sales-fixture.js';
import { sellingApp } from '../support/selling-app.js';

interface SaleBody {
  id: string;
  status: string;
  version: number;
  totals: { totalMinor: number; dueMinor: number; toPayMinor: number };
  receipt: { code: string; barcode: string } | null;
  lines: { id: string; status: string }[];
}

describe('returns over HTTP', () => {
  let f: SalesFixture;
  let t: TestApp;
  let headers: Record<string, string>;
  let milk: string;

  beforeEach(() => {
    ({ f, t, headers, milk } = sellingApp());
  });
  afterEach(() => {
    f.close();
  });

  it('takes a return against the receipt code, idempotently', async () => {
    f.openSession();
    const id = newId();
    const lineId = newId();
    await t.call('POST', '/sales', {
      body: { id, lines: [{ id: lineId, productId: milk, quantity: 2 }] },
      headers,
    });
    await t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: f.tender.card, amountMinor: 2590 },
      headers,
    });
    const sale = (await (await t.call('POST', `/sales/${id}/complete`, { headers })).json()) as SaleBody;
    const body = {
      id: newId(),
      originalReceiptCode: sale.receipt!.code,
      lines: [{ originalLineId: lineId, quantity: 1, restock: true, reason: 'unwanted' }],
      override: f.override,
    };
    const ret = await t.call('POST', '/returns', { body, headers });
    expect(ret.status).toBe(201);
    expect(await ret.json()).toMatchObject({
      kind: 'return',
      status: 'completed',
      totals: { totalMinor: 1295 },
    });
    expect((await t.call('POST', '/returns', { body, headers })).status).toBe(200);
    const over = await t.call('POST', '/returns', {
      body: { ...body, id: newId(), lines: [{ ...body.lines[0], quantity: 2 }] },
      headers,
    });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: { code: 'RETURN_EXCEEDS_SOLD' } });
  });
});
