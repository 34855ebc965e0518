import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { sellingAppPerTest } from '../support/selling-app.js';

interface Sold {
  id: string;
  receipt: { code: string; barcode: string };
  lines: { id: string }[];
}

interface Quote {
  lines: { originalLineId: string; quantity: number; totalMinor: number }[];
  totalMinor: number;
  roundingMinor: number;
  refundMinor: number;
  refunds: { tenderKind: string; amountMinor: number; roundingMinor: number }[];
  permissions: string[];
}

/** The till's read-only views of a return: what is left to return on a receipt, and the return's figures. */
describe('return quotes and returnable sales over HTTP', () => {
  const app = sellingAppPerTest();

  beforeEach(() => {
    app.f.openSession();
  });

  async function call(method: string, path: string, body?: unknown) {
    const res = await app.t.call(method, path, { body, headers: app.headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Three milks at 12.95 paid in cash (38.85, rounded by the DKK 0.50 rule to 39.00 handed over). */
  async function soldInCash(): Promise<Sold> {
    const id = newId();
    await call('POST', '/sales', { id, lines: [{ id: newId(), productId: app.milk, quantity: 3 }] });
    await call('POST', `/sales/${id}/payments`, {
      id: newId(),
      tenderId: app.f.tender.cash,
      amountMinor: 3885,
      tenderedMinor: 5000,
    });
    return (await call('POST', `/sales/${id}/complete`)).body as unknown as Sold;
  }

  it('quotes what the return then does, writes nothing, and rounds the cash refund', async () => {
    const sale = await soldInCash();
    const request = {
      originalReceiptCode: sale.receipt.code,
      lines: [{ originalLineId: sale.lines[0]!.id, quantity: 1, restock: true, reason: 'unwanted' }],
    };
    const quote = await call('POST', '/returns/quote', request);
    expect(quote.status).toBe(200);
    const q = quote.body as unknown as Quote;
    expect(q.lines).toEqual([expect.objectContaining({ originalLineId: sale.lines[0]!.id, quantity: 1 })]);
    expect(q.totalMinor).toBe(1295);
    // 12.95 to cash in Denmark is paid out as 13.00.
    expect(q.refunds).toEqual([
      expect.objectContaining({ tenderKind: 'cash', amountMinor: 1300, roundingMinor: 5 }),
    ]);
    expect(q.refundMinor).toBe(1300);
    expect(q.permissions).toEqual(['return.refund']);

    const before = (await call('GET', `/returns/returnable/${sale.receipt.barcode}`)).body;
    expect(before).toMatchObject({ returned: [{ originalLineId: sale.lines[0]!.id, quantity: 0 }] });

    const ret = await call('POST', '/returns', { id: newId(), ...request, override: app.f.override });
    expect(ret.status).toBe(201);
    expect(ret.body).toMatchObject({ totals: { totalMinor: q.totalMinor, roundingMinor: q.roundingMinor } });
    expect((ret.body.payments as { amountMinor: number }[])[0]?.amountMinor).toBe(1300);

    const after = await call('GET', `/returns/returnable/${sale.receipt.code}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({
      sale: { id: sale.id, status: 'completed' },
      returned: [{ originalLineId: sale.lines[0]!.id, quantity: 1 }],
    });
  });

  it('names the extra permission for another tender and refuses more than is left', async () => {
    const sale = await soldInCash();
    const line = { originalLineId: sale.lines[0]!.id, quantity: 3, restock: false, reason: 'faulty' };
    const credit = await call('POST', '/returns/quote', {
      originalReceiptCode: sale.receipt.code,
      lines: [line],
      refunds: [{ tenderId: app.f.tender.store_credit, amountMinor: 3885 }],
    });
    expect(credit.status).toBe(200);
    expect(credit.body).toMatchObject({
      refundMinor: 3885,
      refunds: [{ tenderKind: 'store_credit', amountMinor: 3885, roundingMinor: 0 }],
      permissions: ['return.refund', 'return.refund_other_tender'],
    });

    const over = await call('POST', '/returns/quote', {
      originalReceiptCode: sale.receipt.code,
      lines: [{ ...line, quantity: 4 }],
    });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ error: { code: 'RETURN_EXCEEDS_SOLD' } });

    const unknown = await call('GET', '/returns/returnable/9-999');
    expect(unknown.status).toBe(404);
    // A quote is only a question: nothing was returned.
    const still = await call('GET', `/returns/returnable/${sale.receipt.code}`);
    expect(still.body).toMatchObject({ returned: [{ quantity: 0 }] });
  });

  it('quotes a blind return at the catalog price, to cash, with return.blind', async () => {
    const quote = await call('POST', '/returns/quote', {
      lines: [{ productId: app.milk, quantity: 2, restock: true, reason: 'no receipt' }],
    });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({
      originalSaleId: null,
      totalMinor: 2590,
      refunds: [{ tenderKind: 'cash', amountMinor: 2600 }],
      permissions: ['return.refund', 'return.blind'],
    });
  });
});
