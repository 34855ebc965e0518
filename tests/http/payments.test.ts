import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { sellingAppPerTest } from '../support/selling-app.js';

describe('payments over HTTP', () => {
  const app = sellingAppPerTest();

  it('resolves an unknown card payment over HTTP', async () => {
    const id = newId();
    await app.t.call('POST', '/sales', {
      body: { id, lines: [{ id: newId(), productId: app.milk }] },
      headers: app.headers,
    });
    app.f.terminal.scriptNext('timeout_then_approved');
    const res = await app.t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: app.f.tender.card, amountMinor: 1295 },
      headers: app.headers,
    });
    const { payment } = (await res.json()) as { payment: { id: string; status: string } };
    expect(payment.status).toBe('unknown');
    const resolved = await app.t.call('POST', `/payments/${payment.id}/resolve`, { headers: app.headers });
    expect(await resolved.json()).toMatchObject({
      payment: { status: 'approved' },
      sale: { totals: { dueMinor: 0 } },
    });
  });

  it('quotes the rest as cash: rounded to the store’s smallest coin, with note amounts above it', async () => {
    const id = newId();
    await app.t.call('POST', '/sales', {
      body: { id, lines: [{ id: newId(), productId: app.milk }] },
      headers: app.headers,
    });
    const quote = await app.t.call('GET', `/sales/${id}/cash-quote`, { headers: app.headers });
    expect(quote.status).toBe(200);
    // 12.95 kr. in cash is 13.00: Denmark's smallest coin is 50 øre.
    expect(await quote.json()).toEqual({
      saleId: id,
      currency: 'DKK',
      dueMinor: 1295,
      cashDueMinor: 1300,
      roundingMinor: 5,
      incrementMinor: 50,
      quickTendersMinor: [5000, 10000, 20000, 50000],
    });

    // Part paid by card: the quote is for what is left.
    await app.t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: app.f.tender.card, amountMinor: 545 },
      headers: app.headers,
    });
    const rest = (await (
      await app.t.call('GET', `/sales/${id}/cash-quote`, { headers: app.headers })
    ).json()) as Record<string, unknown>;
    expect(rest).toMatchObject({ dueMinor: 750, cashDueMinor: 750, roundingMinor: 0 });

    const missing = await app.t.call('GET', `/sales/${newId()}/cash-quote`, { headers: app.headers });
    expect(missing.status).toBe(404);
  });
});
