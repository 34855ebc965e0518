import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { sellingAppPerTest } from '../support/selling-app.js';

interface SaleBody {
  id: string;
  status: string;
  version: number;
  totals: { totalMinor: number; dueMinor: number; toPayMinor: number };
  receipt: { code: string; barcode: string } | null;
  lines: { id: string; status: string }[];
}

describe('returns over HTTP', () => {
  const app = sellingAppPerTest();

  it('takes a return against the receipt code, idempotently', async () => {
    app.f.openSession();
    const id = newId();
    const lineId = newId();
    await app.t.call('POST', '/sales', {
      body: { id, lines: [{ id: lineId, productId: app.milk, quantity: 2 }] },
      headers: app.headers,
    });
    await app.t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: app.f.tender.card, amountMinor: 2590 },
      headers: app.headers,
    });
    const sale = (await (
      await app.t.call('POST', `/sales/${id}/complete`, { headers: app.headers })
    ).json()) as SaleBody;
    const body = {
      id: newId(),
      originalReceiptCode: sale.receipt!.code,
      lines: [{ originalLineId: lineId, quantity: 1, restock: true, reason: 'unwanted' }],
      override: app.f.override,
    };
    const ret = await app.t.call('POST', '/returns', { body, headers: app.headers });
    expect(ret.status).toBe(201);
    expect(await ret.json()).toMatchObject({
      kind: 'return',
      status: 'completed',
      totals: { totalMinor: 1295 },
    });
    expect((await app.t.call('POST', '/returns', { body, headers: app.headers })).status).toBe(200);
    const over = await app.t.call('POST', '/returns', {
      body: { ...body, id: newId(), lines: [{ ...body.lines[0], quantity: 2 }] },
      headers: app.headers,
    });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ error: { code: 'RETURN_EXCEEDS_SOLD' } });
  });
});
