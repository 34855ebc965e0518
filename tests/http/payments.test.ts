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
});
