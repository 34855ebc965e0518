import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { cashApp, cashStore, offlinePrinting } from '../support/cash-app.js';
import { perTest } from '../support/per-test.js';
import { json, tillHeaders } from '../support/test-app.js';

const app = perTest(
  () => {
    const store = cashStore();
    const rig = offlinePrinting(store);
    return { ...cashApp(store, [...store.cash.api, ...rig.printing.api]), ...rig };
  },
  (done) => {
    done.printing.stop();
    done.ctx.close();
  },
);
const audit = (action: string) =>
  app.ctx.db
    .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?')
    .get(action)?.n;

describe('printing over HTTP', () => {
  it('prints a sale never printed as the original, then as COPY jobs, audited; a till without staff gets 401', async () => {
    const saleId = newId();
    const headers = app.asCashier();
    const first = await app.t.call('POST', `/sales/${saleId}/print`, { headers });
    expect(first.status).toBe(202);
    expect(await json(first)).toMatchObject({
      kind: 'receipt',
      status: 'queued',
      saleId,
      deviceId: 'printer-1',
    });
    const res = await app.t.call('POST', `/sales/${saleId}/print`, { headers });
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ kind: 'copy', status: 'queued', saleId, deviceId: 'printer-1' });
    expect(app.rendered).toEqual([
      { saleId, copy: false },
      { saleId, copy: true },
    ]);
    expect(audit('receipt.print')).toBe(1);
    expect(audit('receipt.reprint')).toBe(1);
    const anonymous = await app.t.call('POST', `/sales/${saleId}/print`, {
      headers: tillHeaders(app.seed.till),
    });
    expect(anonymous.status).toBe(401);
  });

  it('opens the drawer as a no-sale in the open cash session, with an override, kicking once per request', async () => {
    const session = await app.t.call('POST', '/cash-sessions', {
      headers: app.asCashier(),
      body: { id: newId(), totalMinor: 10000 },
    });
    expect(session.status).toBe(201);
    const path = `/tills/${app.seed.till.tillId}/drawer/open`;
    const denied = await app.t.call('POST', path, {
      headers: app.asCashier(),
      body: { id: newId(), reason: 'change' },
    });
    expect(denied.status).toBe(403);
    expect(app.sent).toHaveLength(0);

    const id = newId();
    const request = { id, reason: 'change for a customer', override: app.supervisorOverride() };
    const res = await app.t.call('POST', path, { headers: app.asCashier(), body: request });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      tillId: app.seed.till.tillId,
      movementId: id,
      kick: { outcome: 'kicked', error: null },
    });
    expect(app.sent).toEqual([
      {
        deviceId: 'printer-1',
        command: expect.objectContaining({ action: 'kick', args: { pin: 2 } }) as unknown,
      },
    ]);
    const movement = app.ctx.db
      .prepare<[string], { kind: string; amount_minor: number }>(
        'SELECT kind, amount_minor FROM cash_movements WHERE id = ?',
      )
      .get(id);
    expect(movement).toEqual({ kind: 'no_sale', amount_minor: 0 });

    const retry = await app.t.call('POST', path, { headers: app.asCashier(), body: request });
    expect(await json(retry)).toMatchObject({ movementId: id, kick: { outcome: 'repeated' } });
    expect(app.sent).toHaveLength(1);
  });

  it('opens the drawer without a cash session: authorized and audited, no movement', async () => {
    const res = await app.t.call('POST', `/tills/${app.seed.till.tillId}/drawer/open`, {
      headers: app.asCashier(),
      body: { id: newId(), reason: 'jammed coin', override: app.supervisorOverride() },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ movementId: null, kick: { outcome: 'kicked' } });
    expect(audit('drawer.open')).toBe(1);
  });

  it('refuses another till’s drawer and a body with unknown fields', async () => {
    const other = await app.t.call('POST', `/tills/${newId()}/drawer/open`, {
      headers: app.asCashier(),
      body: { id: newId(), reason: 'x', override: app.supervisorOverride() },
    });
    expect(other.status).toBe(403);
    const typo = await app.t.call('POST', `/tills/${app.seed.till.tillId}/drawer/open`, {
      headers: app.asCashier(),
      body: { id: newId(), reason: 'x', overide: app.supervisorOverride() },
    });
    expect(typo.status).toBe(400);
    expect(app.sent).toHaveLength(0);
  });

  it('lists jobs newest first with pagination, and retries a failed job', async () => {
    const sales = [newId(), newId(), newId()];
    for (const saleId of sales) {
      app.ctx.bus.emit({
        name: 'sale.completed',
        payload: { saleId, tillId: app.seed.till.tillId, receiptCode: 'R', totalMinor: 1, kind: 'sale' },
      });
    }
    const page = await app.t.call('GET', '/print-jobs?limit=2', { headers: app.asCashier() });
    expect(page.status).toBe(200);
    const first = await json<{
      items: { saleId: string; id: string }[];
      total: number;
      nextOffset: number | null;
    }>(page);
    expect(first.total).toBe(3);
    expect(first.nextOffset).toBe(2);
    expect(first.items.map((j) => j.saleId)).toEqual([sales[2], sales[1]]);

    const job = first.items[0]?.id ?? '';
    app.printing.service.transition(job, 'send', null);
    app.printing.service.transition(job, 'fail', 'BAD_ARGS: broken');
    const failed = await app.t.call('GET', '/print-jobs?status=failed', { headers: app.asCashier() });
    expect((await json<{ total: number }>(failed)).total).toBe(1);
    const retried = await app.t.call('POST', `/print-jobs/${job}/retry`, { headers: app.asCashier() });
    expect(retried.status).toBe(200);
    expect(await json(retried)).toMatchObject({ status: 'queued', attempts: 1 });
    expect(audit('print.retry')).toBe(1);

    app.printing.service.transition(job, 'send', null);
    app.printing.service.transition(job, 'printed', null);
    const done = await app.t.call('POST', `/print-jobs/${job}/retry`, { headers: app.asCashier() });
    expect(done.status).toBe(409);
  });

  it('shows the admin pages every till’s jobs and a till only its own', async () => {
    const job = (tillId: string) =>
      app.printing.service.enqueue({
        deviceId: 'printer-1',
        tillId,
        saleId: null,
        kind: 'report',
        payload: Buffer.from('x\n'),
        createdBy: null,
      });
    job(app.seed.till.tillId);
    job(newId());
    const manager = app.asManager();
    const all = await app.t.call('GET', '/print-jobs', { headers: manager });
    expect(all.status).toBe(200);
    expect((await json<{ total: number }>(all)).total).toBe(2);
    const own = await app.t.call('GET', '/print-jobs', { headers: app.asCashier() });
    expect(await json(own)).toMatchObject({ total: 1, items: [{ tillId: app.seed.till.tillId }] });
    const anonymous = await app.t.call('GET', '/print-jobs');
    expect(anonymous.status).toBe(401);
  });
});
