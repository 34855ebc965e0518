import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../../hub/contract/principal.js';
import {
  addTill,
  MANAGER_LOGIN,
  MANAGER_PASSWORD,
  seedAccess,
  type AccessFixture,
} from '../../support/access-fixtures.js';
import {
  addTechnician,
  adminPrincipal,
  TECH_LOGIN,
  TECH_PASSWORD,
  PRINTER_TCP,
  SERIAL_9600,
  startDevices,
  type DevicesFixture,
} from '../../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { buildTestApp } from '../../support/test-app.js';
import type { DeviceService } from '../../../hub/services/devices/device-service.js';
import type { AccessService } from '../../../hub/services/access/access-service.js';

describe('device registry', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let d: DevicesFixture;
  let devices: DeviceService;
  let access: AccessService;
  let tech: Principal;
  let techId: string;

  beforeEach(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    access = buildTestApp(ctx).access;
    d = await startDevices(ctx, access);
    devices = d.module.service;
    techId = addTechnician(ctx);
    tech = adminPrincipal(access, TECH_LOGIN, TECH_PASSWORD);
  });
  afterEach(async () => {
    await d.module.stop();
    ctx.close();
  });

  const printer = (extra: Record<string, unknown> = {}) =>
    devices.register(tech, {
      kind: 'printer',
      name: 'Front printer',
      profileId: 'epson-tm-t20iii',
      transport: PRINTER_TCP,
      ...extra,
    });
  const stored = (id: string) =>
    ctx.db.prepare('SELECT secret_hash, status, credential_version FROM devices WHERE id = ?').get(id) as {
      secret_hash: string | null;
      status: string;
      credential_version: number;
    };

  it('registers a device, gives the secret once and stores only its scrypt hash', () => {
    const { device, secret } = printer();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(device).toMatchObject({ kind: 'printer', status: 'registered', credentialVersion: 1 });
    expect(device).not.toHaveProperty('secret');
    const row = stored(device.id);
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toContain(secret);
    expect(JSON.stringify(devices.get(tech, device.id))).not.toContain(secret);
    expect(ctx.events).toContainEqual({
      name: 'device.changed',
      payload: { deviceId: device.id, tillId: null, status: 'registered' },
    });
    const outbox = ctx.db.prepare("SELECT payload FROM outbox WHERE entity = 'device'").all() as {
      payload: string;
    }[];
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.payload).not.toContain('scrypt');
    const audit = ctx.db.prepare("SELECT actor_id FROM audit_log WHERE action = 'device.register'").all();
    expect(audit).toEqual([{ actor_id: techId }]);
  });

  it('authenticates the right secret only, and activates the device on first connect', async () => {
    const { device, secret } = printer();
    expect(await devices.authenticateDevice(device.id, 'wrong')).toBe(false);
    expect(await devices.authenticateDevice('no-such-device', secret)).toBe(false);
    expect(stored(device.id).status).toBe('registered');
    expect(await devices.authenticateDevice(device.id, secret)).toBe(true);
    expect(devices.get(tech, device.id).status).toBe('active');
    expect(devices.get(tech, device.id).activatedAt).not.toBeNull();
  });

  it('rotating makes the old secret fail, the new one work, and disconnects the device', async () => {
    const { device, secret } = printer();
    await devices.authenticateDevice(device.id, secret);
    const rotated = devices.rotate(tech, device.id);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.device).toMatchObject({ status: 'active', credentialVersion: 2 });
    expect(await devices.authenticateDevice(device.id, secret)).toBe(false);
    expect(await devices.authenticateDevice(device.id, rotated.secret)).toBe(true);
    expect(d.control.disconnected).toEqual([{ kind: 'device', id: device.id }]);
  });

  it('revoking erases the secret, disconnects, clears the retained state and is final', async () => {
    const { device, secret } = printer();
    const revoked = await devices.revoke(tech, device.id);
    expect(revoked.status).toBe('revoked');
    expect(stored(device.id).secret_hash).toBeNull();
    expect(await devices.authenticateDevice(device.id, secret)).toBe(false);
    expect(d.control.disconnected).toEqual([{ kind: 'device', id: device.id }]);
    expect(d.bus.published.at(-1)).toMatchObject({
      topic: `pos/store-1/devices/${device.id}/state`,
      retain: true,
    });
    expect(d.bus.published.at(-1)!.payload.length).toBe(0);
    expect(() => devices.rotate(tech, device.id)).toThrow(/revoked/);
    expect(() => devices.update(tech, device.id, { name: 'x' })).toThrow(/revoked/);
    expect(ctx.events.map((e) => e.name)).toContain('device.revoked');
  });

  it('allows one receipt printer per till but many kitchen printers', () => {
    const till = fx.till.tillId;
    printer({ tillId: till, role: 'receipt_printer' });
    expect(() => printer({ tillId: till, role: 'receipt_printer' })).toThrow(/already has a receipt_printer/);
    printer({ tillId: till, role: 'kitchen_printer' });
    printer({ tillId: till, role: 'kitchen_printer' });
    // Another till may have its own receipt printer.
    printer({ tillId: addTill(ctx, 'Till 2').tillId, role: 'receipt_printer' });
    expect(devices.list(tech, { tillId: till }, 50, 0).total).toBe(3);
  });

  it('frees the role when its device is revoked or moved', async () => {
    const till = fx.till.tillId;
    const first = printer({ tillId: till, role: 'receipt_printer' }).device;
    await devices.revoke(tech, first.id);
    const second = printer({ tillId: till, role: 'receipt_printer' }).device;
    devices.update(tech, second.id, { tillId: null });
    expect(devices.get(tech, second.id)).toMatchObject({ tillId: null, role: null });
    printer({ tillId: till, role: 'receipt_printer' });
  });

  it('refuses roles and transports that do not fit the kind, and changes nothing', () => {
    const before = ctx.db.prepare('SELECT count(*) AS n FROM devices').get();
    expect(() => printer({ tillId: fx.till.tillId, role: 'scale' })).toThrow(/cannot be the scale/);
    expect(() => printer({ role: 'receipt_printer' })).toThrow(/together/);
    expect(() =>
      devices.register(tech, {
        kind: 'terminal',
        name: 'T',
        profileId: 'adyen-v400m',
        transport: SERIAL_9600,
      }),
    ).toThrow(/cannot use the serial transport/);
    expect(() =>
      devices.register(tech, {
        kind: 'drawer',
        name: 'Drawer',
        profileId: 'generic-drawer',
        transport: { type: 'via-printer', printerDeviceId: '0190a0a0-0000-7000-8000-000000000000' },
      }),
    ).toThrow(/No registered printer/);
    expect(() => printer({ profileId: 'mettler-toledo-ariva-s' })).toThrow(/scale profile, not a printer/);
    expect(() => printer({ profileId: 'no-such-model' })).toThrow(/No such firmware profile/);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual(before);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'device'").get()).toEqual({
      n: 0,
    });
  });

  it('needs devices.manage: a till is refused, the shop manager may', () => {
    const till = { kind: 'till', tillId: fx.till.tillId, address: '127.0.0.1' } as const;
    expect(() => devices.list(till, {}, 10, 0)).toThrow(/log in/i);
    const shopManager = adminPrincipal(access, MANAGER_LOGIN, MANAGER_PASSWORD);
    expect(devices.list(shopManager, {}, 10, 0).items).toEqual([]);
  });

  it('lets a till read only the devices assigned to it, and checks till tokens through access', async () => {
    const mine = printer({ tillId: fx.till.tillId, role: 'receipt_printer' }).device;
    printer();
    expect(devices.devicesOfTill(fx.till.tillId)).toEqual([mine.id]);
    expect(await devices.authenticateTill(fx.till.tillId, fx.till.token)).toBe(true);
    expect(await devices.authenticateTill(fx.till.tillId, 'nope')).toBe(false);
    const other = addTill(ctx, 'Till 2');
    expect(await devices.authenticateTill(other.tillId, fx.till.token)).toBe(false);
  });
});
