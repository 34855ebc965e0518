import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../hub/ids.js';
import { AccessService } from '../../hub/services/access/access-service.js';
import { createCashModule } from '../../hub/services/cash/module.js';
import { SettingsService } from '../../hub/services/settings/settings-service.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  SUPERVISOR_PIN,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, tillHeaders, type TestApp } from '../support/test-app.js';

let ctx: TestContext;
let seed: AccessFixture;
let t: TestApp;
// One staff member is logged in at a till at a time (a new login ends the previous), so each call logs in.
const asCashier = () => loginAtTill(t.access, seed.till, seed.cashierId, CASHIER_PIN);
const asSupervisor = () => loginAtTill(t.access, seed.till, seed.supervisorId, SUPERVISOR_PIN);

beforeEach(() => {
  ctx = createTestContext();
  seed = seedAccess(ctx);
  const settings = new SettingsService(ctx);
  settings.ensureSetUp();
  const cash = createCashModule(ctx, { access: new AccessService(ctx), settings });
  t = buildTestApp(ctx, cash.api);
});
afterEach(() => {
  ctx.close();
});

async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

function tableCounts() {
  const n = (table: string) =>
    ctx.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n;
  return {
    sessions: n('cash_sessions'),
    movements: n('cash_movements'),
    z: n('z_reports'),
    journal: n('journal'),
  };
}

async function open(headers = asCashier(), totalMinor = 20000): Promise<string> {
  const res = await t.call('POST', '/cash-sessions', { headers, body: { id: newId(), totalMinor } });
  expect(res.status).toBe(201);
  return (await body<{ id: string }>(res)).id;
}

describe('cash sessions over HTTP', () => {
  it('opens, shows the current session to the till, and refuses a second open with 409', async () => {
    const id = newId();
    const first = await t.call('POST', '/cash-sessions', {
      headers: asCashier(),
      body: { id, counts: [{ denominationMinor: 10000, count: 3 }] },
    });
    expect(first.status).toBe(201);
    expect(await body(first)).toMatchObject({ id, status: 'open', floatMinor: 30000 });

    const retry = await t.call('POST', '/cash-sessions', {
      headers: asCashier(),
      body: { id, counts: [{ denominationMinor: 10000, count: 3 }] },
    });
    expect(retry.status).toBe(201);

    const current = await t.call('GET', '/cash-sessions/current', { headers: tillHeaders(seed.till) });
    expect(await body(current)).toMatchObject({ session: { id } });

    const second = await t.call('POST', '/cash-sessions', {
      headers: asCashier(),
      body: { id: newId(), totalMinor: 0 },
    });
    expect(second.status).toBe(409);
    expect(await body(second)).toMatchObject({ error: { code: 'SESSION_OPEN' } });
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
      const res = await t.call(method, path, { headers: asSupervisor(), body: payload });
      expect({ path, payload, status: res.status }).toEqual({ path, payload, status: 400 });
    }
    expect(tableCounts()).toEqual(before);
    expect(
      (await body(await t.call('GET', '/cash-sessions/current', { headers: asCashier() }))).session,
    ).toMatchObject({
      status: 'open',
    });
  });

  it('guards every route: anonymous 401, a till without a cashier cannot open, a cashier needs an override', async () => {
    expect((await t.call('GET', '/cash-sessions/current')).status).toBe(401);
    expect((await t.call('GET', '/z-reports')).status).toBe(401);
    const tillOnly = await t.call('POST', '/cash-sessions', {
      headers: tillHeaders(seed.till),
      body: { id: newId(), totalMinor: 0 },
    });
    expect(tillOnly.status).toBe(401);
    const sessionId = await open();
    const payOut = { id: newId(), kind: 'pay_out', amountMinor: 2000, reason: 'Stamps' };
    const refused = await t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: asCashier(),
      body: payOut,
    });
    expect(refused.status).toBe(403);
    expect(await body(refused)).toMatchObject({ error: { code: 'PERMISSION_REQUIRED' } });
    const approved = await t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: asCashier(),
      body: { ...payOut, override: { supervisorId: seed.supervisorId, pin: SUPERVISOR_PIN } },
    });
    expect(approved.status).toBe(201);
    expect(await body(approved)).toMatchObject({ amountMinor: -2000, approvedBy: seed.supervisorId });
  });

  it('takes movements, reports X, closes to a Z and lists Z reports', async () => {
    const sessionId = await open(asCashier(), 20000);
    const movement = { id: newId(), kind: 'pay_in', amountMinor: 5000, reason: 'Float top-up' };
    for (let i = 0; i < 2; i += 1) {
      const res = await t.call('POST', `/cash-sessions/${sessionId}/movements`, {
        headers: asSupervisor(),
        body: movement,
      });
      expect(res.status).toBe(201);
    }
    const noSale = { id: newId(), kind: 'no_sale', reason: 'Check a note' };
    expect(
      (
        await t.call('POST', `/cash-sessions/${sessionId}/movements`, {
          headers: asSupervisor(),
          body: noSale,
        })
      ).status,
    ).toBe(201);

    const x = await t.call('GET', `/cash-sessions/${sessionId}/x-report`, { headers: asCashier() });
    expect(await body(x)).toMatchObject({
      kind: 'x',
      expectedCashMinor: 25000,
      noSaleCount: 1,
      payIns: { count: 1 },
    });

    const close = await t.call('POST', `/cash-sessions/${sessionId}/close`, {
      headers: asSupervisor(),
      body: {
        counts: [
          { denominationMinor: 20000, count: 1 },
          { denominationMinor: 5000, count: 1 },
        ],
      },
    });
    expect(close.status).toBe(200);
    expect(await body(close)).toMatchObject({
      kind: 'z',
      number: 1,
      countedMinor: 25000,
      differenceMinor: 0,
    });

    const after = await t.call('POST', `/cash-sessions/${sessionId}/movements`, {
      headers: asSupervisor(),
      body: { id: newId(), kind: 'no_sale', reason: 'Too late' },
    });
    expect(after.status).toBe(409);

    const list = await t.call('GET', '/z-reports?limit=10', { headers: asCashier() });
    expect(await body(list)).toMatchObject({ total: 1, nextOffset: null, items: [{ number: 1 }] });
    expect((await t.call('GET', '/z-reports/1', { headers: asCashier() })).status).toBe(200);
    expect((await t.call('GET', '/z-reports/2', { headers: asCashier() })).status).toBe(404);
    expect((await t.call('GET', '/z-reports/zero', { headers: asCashier() })).status).toBe(400);

    const admin = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    const adminList = await t.call('GET', '/z-reports', { headers: admin });
    expect(await body(adminList)).toMatchObject({ total: 1 });
    expect((await t.call('GET', `/cash-sessions/${sessionId}/x-report`, { headers: admin })).status).toBe(
      200,
    );
  });

  it('publishes the routes in the OpenAPI document', async () => {
    const doc = await body<{ paths: Record<string, unknown> }>(await t.call('GET', '/openapi.json'));
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
