import { describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { cashApp, cashStore } from '../support/cash-app.js';
import { json, tillHeaders } from '../support/test-app.js';
import { perTest } from '../support/per-test.js';

const app = perTest(
  () => {
    const store = cashStore();
    return cashApp(store, store.cash.api);
  },
  (done) => {
    done.ctx.close();
  },
);

function tableCounts() {
  const n = (table: string) =>
    app.ctx.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;
  return {
    sessions: n('cash_sessions'),
    movements: n('cash_movements'),
    z: n('z_reports'),
    journal: n('journal'),
  };
}

async function open(headers = app.asCashier(), totalMinor = 20000): Promise<string> {
  const res = await app.t.call('POST', '/cash-sessions', { headers, body: { id: newId(), totalMinor } });
  expect(res.status).toBe(201);
  return (await json<{ id: string }>(res)).id;
}

describe('cash sessions over HTTP', () => {
  it('opens, shows the current session to the till, and refuses a second open with 409', async () => {
    const id = newId();
    const first = await app.t.call('POST', '/cash-sessions', {
      headers: app.asCashier(),
      body: { id, counts: [{ denominationMinor: 10000, count: 3 }] },
    });
    expect(first.status).toBe(201);
    expect(await json(first)).toMatchObject({ id, status: 'open', floatMinor: 30000 });

    const retry = await app.t.call('POST', '/cash-sessions', {
      headers: app.asCashier(),
      body: { id, counts: [{ denominationMinor: 10000, count: 3 }] },
    });
    expect(retry.status).toBe(201);

    const current = await app.t.call('GET', '/cash-sessions/current', {
      headers: tillHeaders(app.seed.till),
    });
    expect(await json(current)).toMatchObject({ session: { id } });

    const second = await app.t.call('POST', '/cash-sessions', {
      headers: app.asCashier(),
      body: { id: newId(), totalMinor: 0 },
    });
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({ error: { code: 'SESSION_OPEN' } });
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const sessionId = await open();
    const before = tableCounts();
    const bad: [string, string, unknown][] = [
      ['POST', '/cash-sessions', { id: newId(), totalMinor: 10.5 }],
      ['POST', '/cash-sessions', { id: newId(), totalMinor: 100, extra: true }],
      ['POST', '/cash-sessions', { id: 'nope', totalMinor: 100 }],
      ['POST', '/cash-sessions', { id: newId(), counts: [{ denominationMinor: 25, count: 1 }] }],
      [
        'POST',
        `/cash-sessions/${sessionId}/movements`,
        { id: newId(), kind: 'pay_in', amountMinor: -5, reason: 'x' },
      ],
      [
        'POST',
        `/cash-sessions/${sessionId}/movements`,
        { id: newId(), kind: 'pay_in', amountMinor: 5, reason: '' },
      ],
      [
        'POST',
        `/cash-sessions/${sessionId}/movements`,
        { id: newId(), kind: 'steal', amountMinor: 5, reason: 'x' },
      ],
      ['POST', `/cash-sessions/${sessionId}/movements`, { id: newId(), kind: 'pay_in', reason: 'no amount' }],
      ['POST', `/cash-sessions/${sessionId}/close`, { counts: [{ denominationMinor: 25, count: 1 }] }],
      ['POST', `/cash-sessions/${sessionId}/close`, { counts: [], totalMinor: 5 }],
      ['POST', `/cash-sessions/${sessionId}/close`, { totalMinor: 1e20 }],
      ['POST', '/cash-sessions/not-a-uuid/close', { totalMinor: 5 }],
    ];
    for (const [method, path, payload] of bad) {
      const res = await app.t.call(method, path, { headers: app.asSupervisor(), body: payload });
      expect({ path, payload, status: res.status }).toEqual({ path, payload, status: 400 });
    }
    expect(tableCounts()).toEqual(before);
    expect(
      (await json(await app.t.call('GET', '/cash-sessions/current', { headers: app.asCashier() }))).session,
    ).toMatchObject({
      status: 'open',
    });
  });

  it('guards every route: anonymous 401, a till without a cashier cannot open, a cashier needs an override', async () => {
    expect((await app.t.call('GET', '/cash-sessions/current')).status).toBe(401);
    expect((await app.t.call('GET', '/z-reports')).status).toBe(401);
    const tillOnly = await app.t.call('POST', '/cash-sessions', {
      headers: tillHeaders(app.seed.till),
      body: { id: newId(), totalMinor: 0 },
    });
    expect(tillOnly.status).toBe(401);
    const sessionId = await open();
    const payOut = { id: newId(), kind: 'pay_out', amountMinor: 2000, reason: 'Stamps' };
    const refused = await app.t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: app.asCashier(),
      body: payOut,
    });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ error: { code: 'PERMISSION_REQUIRED' } });
    const approved = await app.t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: app.asCashier(),
      body: { ...payOut, override: app.supervisorOverride() },
    });
    expect(approved.status).toBe(201);
    expect(await json(approved)).toMatchObject({ amountMinor: -2000, approvedBy: app.seed.supervisorId });
  });

  it('takes movements, reports X, closes to a Z and lists Z reports', async () => {
    const sessionId = await open(app.asCashier(), 20000);
    const movement = { id: newId(), kind: 'pay_in', amountMinor: 5000, reason: 'Float top-up' };
    for (let i = 0; i < 2; i += 1) {
      const res = await app.t.call('POST', `/cash-sessions/${sessionId}/movements`, {
        headers: app.asSupervisor(),
        body: movement,
      });
      expect(res.status).toBe(201);
    }
    const noSale = { id: newId(), kind: 'no_sale', reason: 'Check a note' };
    expect(
      (
        await app.t.call('POST', `/cash-sessions/${sessionId}/movements`, {
          headers: app.asSupervisor(),
          body: noSale,
        })
      ).status,
    ).toBe(201);

    const x = await app.t.call('GET', `/cash-sessions/${sessionId}/x-report`, { headers: app.asCashier() });
    expect(await json(x)).toMatchObject({
      kind: 'x',
      expectedCashMinor: 25000,
      noSaleCount: 1,
      payIns: { count: 1 },
    });

    const close = await app.t.call('POST', `/cash-sessions/${sessionId}/close`, {
      headers: app.asSupervisor(),
      body: {
        counts: [
          { denominationMinor: 20000, count: 1 },
          { denominationMinor: 5000, count: 1 },
        ],
      },
    });
    expect(close.status).toBe(200);
    expect(await json(close)).toMatchObject({
      kind: 'z',
      number: 1,
      countedMinor: 25000,
      differenceMinor: 0,
    });

    const after = await app.t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: app.asSupervisor(),
      body: { id: newId(), kind: 'no_sale', reason: 'Too late' },
    });
    expect(after.status).toBe(409);

    const list = await app.t.call('GET', '/z-reports?limit=10', { headers: app.asCashier() });
    expect(await json(list)).toMatchObject({ total: 1, nextOffset: null, items: [{ number: 1 }] });
    expect((await app.t.call('GET', '/z-reports/1', { headers: app.asCashier() })).status).toBe(200);
    expect((await app.t.call('GET', '/z-reports/2', { headers: app.asCashier() })).status).toBe(404);
    expect((await app.t.call('GET', '/z-reports/zero', { headers: app.asCashier() })).status).toBe(400);

    const admin = app.asManager();
    const adminList = await app.t.call('GET', '/z-reports', { headers: admin });
    expect(await json(adminList)).toMatchObject({ total: 1 });
    expect((await app.t.call('GET', `/cash-sessions/${sessionId}/x-report`, { headers: admin })).status).toBe(
      200,
    );
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = await json<{ paths: Record<string, unknown> }>(await app.t.call('GET', '/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/cash-sessions',
        '/cash-sessions/current',
        '/cash-sessions/{id}/movements',
        '/cash-sessions/{id}/x-report',
        '/cash-sessions/{id}/close',
        '/z-reports',
        '/z-reports/{number}',
      ]),
    );
  });
});
