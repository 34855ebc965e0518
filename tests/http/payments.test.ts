import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import type { TestApp } from '../support/test-app.js';
import type { SalesFixture } from '../services/sales/sales-fixture.js';
import { sellingApp } from '../support/selling-app.js';

describe('payments over HTTP', () => {
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

  it('resolves an unknown card payment over HTTP', async () => {
    const id = newId();
    await t.call('POST', '/sales', { body: { id, lines: [{ id: newId(), productId: milk }] }, headers });
    f.terminal.scriptNext('timeout_then_approved');
    const res = await t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: f.tender.card, amountMinor: 1295 },
      headers,
    });
    const { payment } = (await res.json()) as { payment: { id: string; status: string } };
    expect(payment.status).toBe('unknown');
    const resolved = await t.call('POST', `/payments/${payment.id}/resolve`, { headers });
    expect(await resolved.json()).toMatchObject({
      payment: { status: 'approved' },
      sale: { totals: { dueMinor: 0 } },
    });
  });

  it('quotes the rest as cash: rounded to the store’s smallest coin, with note amounts above it', async () => {
    const id = newId();
    await t.call('POST', '/sales', { body: { id, lines: [{ id: newId(), productId: milk }] }, headers });
    const quote = await t.call('GET', `/sales/${id}/cash-quote`, { headers });
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
    await t.call('POST', `/sales/${id}/payments`, {
      body: { id: newId(), tenderId: f.tender.card, amountMinor: 545 },
      headers,
    });
    const rest = (await (await t.call('GET', `/sales/${id}/cash-quote`, { headers })).json()) as Record<
      string,
      unknown
    >;
    expect(rest).toMatchObject({ dueMinor: 750, cashDueMinor: 750, roundingMinor: 0 });

    const missing = await t.call('GET', `/sales/${newId()}/cash-quote`, { headers });
    expect(missing.status).toBe(404);
  });
});
