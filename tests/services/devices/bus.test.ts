import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../hub/contract/principal.js';
import type { DeviceService } from '../../../hub/services/devices/device-service.js';
import { CASHIER_PIN, seedAccess, type AccessFixture } from '../../support/access-fixtures.js';
import {
  addTechnician,
  adminPrincipal,
  deviceState,
  PRINTER_TCP,
  PROFILE_OF,
  SERIAL_9600,
  startDevices,
  STORE,
  TECH_LOGIN,
  TECH_PASSWORD,
  type DevicesFixture,
} from '../../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { buildTestApp, loginAtTill } from '../../support/test-app.js';
import type { AccessService } from '../../../hub/services/access/access-service.js';

describe('devices on the message bus', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let access: AccessService;
  let d: DevicesFixture;
  let devices: DeviceService;
  let tech: Principal;

  beforeEach(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    access = buildTestApp(ctx).access;
    d = await startDevices(ctx, access);
    devices = d.module.service;
    addTechnician(ctx);
    tech = adminPrincipal(access, TECH_LOGIN, TECH_PASSWORD);
  });
  afterEach(async () => {
    await d.module.stop();
    ctx.close();
  });

  const register = (kind: 'printer' | 'scale' | 'scanner' | 'drawer', extra: Record<string, unknown> = {}) =>
    devices.register(tech, {
      kind,
      name: `A ${kind}`,
      profileId: PROFILE_OF[kind],
      transport: kind === 'printer' ? PRINTER_TCP : SERIAL_9600,
      ...extra,
    }).device;
  const till = () => fx.till.tillId;
  const cashierAtTill = (): Principal =>
    access.resolvePrincipal(
      {
        tillToken: fx.till.token,
        bearer: loginAtTill(access, fx.till, fx.cashierId, CASHIER_PIN).authorization!.slice(7),
      },
      '127.0.0.1',
    );

  it('keeps live state from the retained state topic and tells the till', async () => {
    const printer = register('printer', { tillId: till(), role: 'receipt_printer' });
    expect(devices.get(tech, printer.id).live).toMatchObject({ online: false, status: 'unknown' });
    await d.bus.publish(
      `pos/${STORE}/devices/${printer.id}/state`,
      deviceState(true, { status: 'warning', errors: ['Paper near end'] }),
      { retain: true },
    );
    const live = devices.liveState(tech, printer.id);
    expect(live).toMatchObject({
      online: true,
      status: 'warning',
      errors: ['Paper near end'],
      counters: { printed: 3 },
    });
    expect(live.lastSeenAt).not.toBeNull();
    // The first connect made it active; the state is also stored for after a restart.
    expect(devices.get(tech, printer.id).status).toBe('active');
    const row = ctx.db
      .prepare('SELECT last_state, last_seen_at FROM devices WHERE id = ?')
      .get(printer.id) as {
      last_state: string;
    };
    expect(JSON.parse(row.last_state)).toMatchObject({ status: 'warning' });
    expect(d.bus.sent(`pos/${STORE}/tills/${till()}/events`)).toEqual([
      expect.objectContaining({ type: 'device', deviceId: printer.id, role: 'receipt_printer' }),
    ]);
    await d.bus.publish(`pos/${STORE}/devices/${printer.id}/state`, deviceState(false), { retain: true });
    expect(devices.liveState(tech, printer.id).online).toBe(false);
  });

  it('replays retained state to a registry that starts later', async () => {
    const printer = register('printer');
    await d.module.stop();
    await d.bus.publish(`pos/${STORE}/devices/${printer.id}/state`, deviceState(true), { retain: true });
    await d.module.start({ bus: d.bus, control: d.control });
    expect(devices.liveState(tech, printer.id).online).toBe(true);
  });

  it('drops and counts malformed messages, and ignores unknown devices', async () => {
    const printer = register('printer');
    await d.bus.publish(`pos/${STORE}/devices/${printer.id}/state`, Buffer.from('{not json'));
    await d.bus.publish(`pos/${STORE}/devices/${printer.id}/event`, { type: 'scan' });
    await d.bus.publish(`pos/${STORE}/devices/ghost/state`, deviceState(true));
    expect(devices.liveState(tech, printer.id).dropped).toBe(2);
  });

  it('forwards scans and weights from devices assigned to a till, and nothing from others', async () => {
    const scanner = register('scanner', { tillId: till(), role: 'scanner' });
    const scale = register('scale', { tillId: till(), role: 'scale' });
    const loose = register('scanner');
    const at = '2026-06-01T09:00:01.000Z';
    await d.bus.publish(`pos/${STORE}/devices/${scanner.id}/event`, {
      type: 'scan',
      data: '5701234567899',
      symbology: ']E0',
      at,
    });
    await d.bus.publish(`pos/${STORE}/devices/${loose.id}/event`, {
      type: 'scan',
      data: '1',
      symbology: null,
      at,
    });
    await d.bus.publish(`pos/${STORE}/devices/${scale.id}/event`, {
      type: 'weight',
      grams: 1250,
      stable: true,
      tareGrams: 0,
      condition: 'ok',
      at,
    });
    expect(d.bus.sent(`pos/${STORE}/tills/+/events`)).toEqual([
      { type: 'scan', deviceId: scanner.id, data: '5701234567899', symbology: ']E0', at },
      { type: 'weight', deviceId: scale.id, grams: 1250, stable: true, tareGrams: 0, condition: 'ok', at },
    ]);
  });

  it('sendCommand resolves with the matching reply, and with a TIMEOUT error when nobody answers', async () => {
    const printer = register('printer');
    d.bus.answer(printer.id, (cmd) => ({ id: cmd.id, status: 'ok', data: { pong: true } }));
    const reply = await devices.sendCommand(printer.id, { action: 'status', args: {} }, 1000);
    expect(reply).toMatchObject({ status: 'ok', data: { pong: true } });
    const silent = register('scale');
    const started = Date.now();
    const timedOut = await devices.sendCommand(silent.id, { id: 'cmd-1', action: 'status', args: {} }, 100);
    expect(timedOut).toMatchObject({ id: 'cmd-1', status: 'error', error: { code: 'TIMEOUT' } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(
      (await devices.sendCommand('0190a0a0-0000-7000-8000-000000000000', { action: 'status', args: {} }, 100))
        .error?.code,
    ).toBe('NOT_FOUND');
  });

  it('a reply published by another device does not answer the command', async () => {
    const printer = register('printer');
    const other = register('scale');
    d.bus.answer(printer.id, (cmd) => {
      queueMicrotask(
        () => void d.bus.publish(`pos/${STORE}/devices/${other.id}/reply`, { id: cmd.id, status: 'ok' }),
      );
      return null;
    });
    const reply = await devices.sendCommand(printer.id, { action: 'status', args: {} }, 150);
    expect(reply.error?.code).toBe('TIMEOUT');
  });

  it('prints a test page as ESC/POS, and kicks a drawer through its printer with the pin', async () => {
    const printer = register('printer');
    const drawer = register('drawer', {
      transport: { type: 'via-printer', printerDeviceId: printer.id, pin: 5 },
    });
    const commands: { action: string; args: Record<string, unknown> }[] = [];
    d.bus.answer(printer.id, (cmd) => {
      commands.push(cmd);
      return { id: cmd.id, status: 'ok' };
    });
    expect(await devices.test(tech, printer.id, { action: 'print' })).toMatchObject({
      ok: true,
      sentTo: printer.id,
    });
    const bytes = Buffer.from(commands[0]!.args.data as string, 'base64');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(bytes.toString('latin1')).toContain('TEST PAGE');
    expect(bytes.subarray(-4)).toEqual(Buffer.from([0x1d, 0x56, 0x42, 0x00]));
    expect(await devices.test(tech, drawer.id, { action: 'kick' })).toMatchObject({
      ok: true,
      sentTo: printer.id,
    });
    expect(commands[1]).toMatchObject({ action: 'kick', args: { pin: 5 } });
    const audit = ctx.db.prepare("SELECT outcome FROM audit_log WHERE action = 'device.test'").all();
    expect(audit).toEqual([{ outcome: 'ok' }, { outcome: 'ok' }]);
  });

  it('a test payment without a terminal adapter answers clearly', async () => {
    const terminal = devices.register(tech, {
      kind: 'terminal',
      name: 'Card terminal',
      profileId: 'adyen-v400m',
      transport: { type: 'https', host: '192.168.1.60', port: 8443, poiId: 'P400-1' },
    }).device;
    const result = await devices.test(tech, terminal.id, {
      action: 'payment',
      amountMinor: 100,
      currency: 'EUR',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TERMINAL_NOT_AVAILABLE' } });
    await expect(devices.test(tech, terminal.id, { action: 'print' })).rejects.toThrow(/cannot print/);
  });

  it('gives a till only a stable weight from its own scale', async () => {
    const cashier = cashierAtTill();
    await expect(devices.stableWeight(cashier, till())).rejects.toMatchObject({ code: 'SCALE_UNAVAILABLE' });
    const scale = register('scale', { tillId: till(), role: 'scale' });
    let stable = false;
    d.bus.answer(scale.id, (cmd) => {
      expect(cmd.args).toMatchObject({ stableOnly: true });
      return stable
        ? { id: cmd.id, status: 'ok', data: { grams: 1234, stable: true, tareGrams: 150 } }
        : { id: cmd.id, status: 'error', error: { code: 'UNSTABLE', message: 'moving' } };
    });
    await expect(devices.stableWeight(cashier, till())).rejects.toMatchObject({
      code: 'WEIGHT_UNSTABLE',
      status: 422,
    });
    stable = true;
    // The net weight and the tare the scale holds, so the till can show both.
    expect(await devices.stableWeight(cashier, till())).toEqual({
      deviceId: scale.id,
      grams: 1234,
      tareGrams: 150,
    });
  });
});
