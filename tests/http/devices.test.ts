import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DevicesModule } from '../../hub/services/devices/devices-module.js';
import {
  CASHIER_PIN,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../support/access-fixtures.js';
import {
  addTechnician,
  PRINTER_TCP,
  SERIAL_9600,
  startDevices,
  TECH_LOGIN,
  TECH_PASSWORD,
  type FakeBus,
} from '../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp, loginAdmin, loginAtTill, type TestApp } from '../support/test-app.js';

interface Creds {
  device: { id: string; status: string; credentialVersion: number };
  secret: string;
}

describe('/devices', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let t: TestApp;
  let module: DevicesModule;
  let bus: FakeBus;
  let tech: Record<string, string>;

  beforeEach(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    addTechnician(ctx);
    // Till tokens and sessions live in the database, so the registry's access service may be its own.
    const access = buildTestApp(ctx).access;
    ({ module, bus } = await startDevices(ctx, access, { commandTimeoutMs: 200 }));
    t = buildTestApp(ctx, module.api);
    tech = loginAdmin(t.access, TECH_LOGIN, TECH_PASSWORD);
  });
  afterEach(async () => {
    await module.stop();
    ctx.close();
  });

  const count = () => (ctx.db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
  /** A serial scale at the fixture's till, registered by the technician. */
  const registerTillScale = async () => {
    const res = await t.call('POST', '/devices', {
      body: {
        kind: 'scale',
        name: 'Scale',
        profileId: 'mettler-toledo-ariva-s',
        transport: SERIAL_9600,
        tillId: fx.till.tillId,
        role: 'scale',
      },
      headers: tech,
    });
    return ((await res.json()) as Creds).device;
  };
  const registerPrinter = async (extra: Record<string, unknown> = {}) => {
    const res = await t.call('POST', '/devices', {
      body: {
        kind: 'printer',
        name: 'Front printer',
        profileId: 'epson-tm-t20iii',
        transport: PRINTER_TCP,
        ...extra,
      },
      headers: tech,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as Creds;
  };

  it('registers, lists, gets, patches, rotates and revokes, with the secret only in register and rotate', async () => {
    const created = await registerPrinter({ tillId: fx.till.tillId, role: 'receipt_printer' });
    expect(created.secret).toHaveLength(43);
    const id = created.device.id;
    const list = await t.call('GET', '/devices?limit=10', { headers: tech });
    expect(await list.json()).toMatchObject({
      total: 1,
      nextOffset: null,
      items: [{ id, role: 'receipt_printer' }],
    });
    const got = await t.call('GET', `/devices/${id}`, { headers: tech });
    expect(JSON.stringify(await got.json())).not.toContain(created.secret);
    const patched = await t.call('PATCH', `/devices/${id}`, {
      body: { name: 'Back printer', transport: { type: 'tcp', host: '10.0.0.9', port: 9100 } },
      headers: tech,
    });
    expect(await patched.json()).toMatchObject({ name: 'Back printer', transport: { host: '10.0.0.9' } });
    const rotated = await t.call('POST', `/devices/${id}/rotate`, { headers: tech });
    const rotatedBody = (await rotated.json()) as Creds;
    expect(rotatedBody.device.credentialVersion).toBe(2);
    expect(rotatedBody.secret).not.toBe(created.secret);
    const state = await t.call('GET', `/devices/${id}/state`, { headers: tech });
    expect(await state.json()).toMatchObject({ deviceId: id, online: false, status: 'unknown' });
    const revoked = await t.call('POST', `/devices/${id}/revoke`, { headers: tech });
    expect(await revoked.json()).toMatchObject({ status: 'revoked' });
    expect((await t.call('POST', `/devices/${id}/revoke`, { headers: tech })).status).toBe(409);
    const actions = ctx.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'device.%' ORDER BY id")
      .all();
    expect(actions.map((a) => (a as { action: string }).action)).toEqual([
      'device.register',
      'device.update',
      'device.rotate',
      'device.revoke',
    ]);
  });

  it('refuses cashiers without devices.manage, lets the manager read; anonymous gets 401', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    const manager = loginAdmin(t.access, MANAGER_LOGIN, MANAGER_PASSWORD);
    expect((await t.call('GET', '/devices', { headers: cashier })).status).toBe(403);
    expect((await t.call('GET', '/devices', { headers: manager })).status).toBe(200);
    expect((await t.call('GET', '/devices')).status).toBe(401);
    const body = { kind: 'printer', name: 'P', profileId: 'epson-tm-t20iii', transport: PRINTER_TCP };
    expect((await t.call('POST', '/devices', { body, headers: cashier })).status).toBe(403);
    expect(count()).toBe(0);
  });

  it('answers bad input with 400 and stores nothing', async () => {
    const base = { kind: 'printer', name: 'P', profileId: 'epson-tm-t20iii', transport: PRINTER_TCP };
    const bad = [
      { ...base, kind: 'toaster' },
      { ...base, name: '' },
      { ...base, name: 'Bell\u0007' },
      { ...base, profileId: 'Epson TM/T20' },
      { ...base, transport: { type: 'tcp', host: '1.2.3.4', port: 70000 } },
      { ...base, transport: { ...SERIAL_9600, baudRate: 1234 } },
      { ...base, transport: { type: 'carrier-pigeon' } },
      { ...base, typo: true },
      { ...base, kind: 'terminal', profileId: 'adyen-v400m' },
      { ...base, role: 'receipt_printer' },
      { ...base, tillId: 'not-a-uuid', role: 'receipt_printer' },
    ];
    for (const body of bad) {
      const res = await t.call('POST', '/devices', { body, headers: tech });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
    }
    expect(count()).toBe(0);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'device.%'").get()).toEqual({
      n: 0,
    });
  });

  it('409 for a second receipt printer at a till', async () => {
    await registerPrinter({ tillId: fx.till.tillId, role: 'receipt_printer' });
    const res = await t.call('POST', '/devices', {
      body: {
        kind: 'printer',
        name: 'P2',
        profileId: 'epson-tm-t20iii',
        transport: PRINTER_TCP,
        tillId: fx.till.tillId,
        role: 'receipt_printer',
      },
      headers: tech,
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'ROLE_TAKEN' } });
    expect(count()).toBe(1);
  });

  it('runs a test action and reports a device that does not answer as a failed result', async () => {
    const { device } = await registerPrinter();
    bus.answer(device.id, (cmd) => ({ id: cmd.id, status: 'ok', data: { printed: true } }));
    const ok = await t.call('POST', `/devices/${device.id}/test`, {
      body: { action: 'print' },
      headers: tech,
    });
    expect(await ok.json()).toMatchObject({ ok: true, data: { printed: true } });
    const other = await registerPrinter({ name: 'Silent' });
    const silent = await t.call('POST', `/devices/${other.device.id}/test`, {
      body: { action: 'kick' },
      headers: tech,
    });
    expect(silent.status).toBe(200);
    expect(await silent.json()).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    const wrong = await t.call('POST', `/devices/${device.id}/test`, {
      body: { action: 'read' },
      headers: tech,
    });
    expect(wrong.status).toBe(422);
    const bad = await t.call('POST', `/devices/${device.id}/test`, {
      body: { action: 'explode' },
      headers: tech,
    });
    expect(bad.status).toBe(400);
  });

  it('GET /tills/{tillId}/scale/weight: 200 stable grams, 422 unstable or no scale, 403 for another till', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    const path = `/tills/${fx.till.tillId}/scale/weight`;
    expect(await (await t.call('GET', path, { headers: cashier })).json()).toMatchObject({
      error: { code: 'SCALE_UNAVAILABLE' },
    });
    const scale = await registerTillScale();
    let grams: number | null = null;
    bus.answer(scale.id, (cmd) =>
      grams === null
        ? { id: cmd.id, status: 'error', error: { code: 'UNSTABLE', message: 'Weight moving' } }
        : { id: cmd.id, status: 'ok', data: { grams, stable: true, tareGrams: 120 } },
    );
    const unstable = await t.call('GET', path, { headers: cashier });
    expect(unstable.status).toBe(422);
    expect(await unstable.json()).toMatchObject({ error: { code: 'WEIGHT_UNSTABLE' } });
    grams = 512;
    const stable = await t.call('GET', path, { headers: cashier });
    expect(stable.status).toBe(200);
    expect(await stable.json()).toEqual({ deviceId: scale.id, grams: 512, tareGrams: 120 });
    const elsewhere = await t.call('GET', `/tills/${scale.id}/scale/weight`, { headers: cashier });
    expect(elsewhere.status).toBe(403);
    expect((await t.call('GET', path, { headers: tech })).status).toBe(401);
  });

  it('POST /tills/{tillId}/scale/{tare|zero}: the scale is asked; its refusal is a 422 with the reason', async () => {
    const cashier = loginAtTill(t.access, fx.till, fx.cashierId, CASHIER_PIN);
    const tare = `/tills/${fx.till.tillId}/scale/tare`;
    const none = await t.call('POST', tare, { headers: cashier });
    expect(none.status).toBe(422);
    expect(await none.json()).toMatchObject({ error: { code: 'SCALE_UNAVAILABLE' } });
    const scale = await registerTillScale();
    const asked: string[] = [];
    let moving = false;
    bus.answer(scale.id, (cmd) => {
      asked.push(cmd.action);
      if (moving)
        return { id: cmd.id, status: 'error', error: { code: 'WEIGHT_UNSTABLE', message: 'moving' } };
      return cmd.action === 'tare'
        ? { id: cmd.id, status: 'ok', data: { tareGrams: 85, grams: 0 } }
        : { id: cmd.id, status: 'error', error: { code: 'REJECTED', message: 'the scale refused to zero' } };
    });
    const tared = await t.call('POST', tare, { headers: cashier });
    expect(tared.status).toBe(200);
    expect(await tared.json()).toEqual({ deviceId: scale.id, tareGrams: 85, grams: 0 });
    const zero = await t.call('POST', `/tills/${fx.till.tillId}/scale/zero`, { headers: cashier });
    expect(zero.status).toBe(422);
    expect(await zero.json()).toMatchObject({
      error: { code: 'SCALE_REFUSED', details: { reason: 'REJECTED' } },
    });
    moving = true;
    const unsettled = await t.call('POST', tare, { headers: cashier });
    expect(await unsettled.json()).toMatchObject({ error: { code: 'WEIGHT_UNSTABLE' } });
    expect(asked).toEqual(['tare', 'zero', 'tare']);
    expect((await t.call('POST', `/tills/${fx.till.tillId}/scale/weigh`, { headers: cashier })).status).toBe(
      400,
    );
    expect((await t.call('POST', `/tills/${scale.id}/scale/tare`, { headers: cashier })).status).toBe(403);
    expect(asked).toHaveLength(3);
  });

  it('documents every devices route in the OpenAPI document', async () => {
    const doc = (await (await t.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const expected = [
      'get /devices',
      'post /devices',
      'get /devices/{id}',
      'patch /devices/{id}',
      'get /devices/{id}/state',
      'post /devices/{id}/rotate',
      'post /devices/{id}/revoke',
      'post /devices/{id}/test',
      'get /tills/{tillId}/scale/weight',
      'post /tills/{tillId}/scale/{action}',
    ];
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path.replace(/\/$/, '')}`),
    );
    for (const route of expected) expect(documented).toContain(route);
  });
});
