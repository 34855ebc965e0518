import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../../hub/mqtt/broker.js';
import type { DevicesModule } from '../../../hub/services/devices/devices-module.js';
import { seedAccess, type AccessFixture } from '../../support/access-fixtures.js';
import {
  addTechnician,
  adminPrincipal,
  startDevicesOnBroker,
  deviceState,
  STORE,
  TECH_LOGIN,
  TECH_PASSWORD,
  PRINTER_TCP,
  SERIAL_9600,
} from '../../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../../support/hub-context.js';
import { buildTestApp } from '../../support/test-app.js';
import type { AccessService } from '../../../hub/services/access/access-service.js';

/** The registry as the broker's directory, with real MQTT.js clients for a printer, a scanner and a till. */
describe('registry on the real broker', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let module: DevicesModule;
  let broker: RunningBroker;
  let access: AccessService;
  beforeAll(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    addTechnician(ctx);
    access = buildTestApp(ctx).access;
    ({ module, broker } = await startDevicesOnBroker(ctx, access));
  });
  afterAll(async () => {
    await module.stop();
    await broker.close();
    ctx.close();
  });

  it('device connects, publishes state, answers a command; scans reach the till; rotate disconnects', async () => {
    const tech = adminPrincipal(access, TECH_LOGIN, TECH_PASSWORD);
    const { device, secret } = module.service.register(tech, {
      kind: 'printer',
      name: 'P',
      profileId: 'epson-tm-t20iii',
      transport: PRINTER_TCP,
      tillId: fx.till.tillId,
      role: 'receipt_printer',
    });
    const scanner = module.service.register(tech, {
      kind: 'scanner',
      name: 'S',
      profileId: 'honeywell-voyager-1450g',
      transport: SERIAL_9600,
      tillId: fx.till.tillId,
      role: 'scanner',
    });
    const url = `mqtt://127.0.0.1:${broker.port}`;
    const bad = await mqtt
      .connectAsync(url, { clientId: device.id, username: device.id, password: 'wrong', reconnectPeriod: 0 })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Error);
    const client = await mqtt.connectAsync(url, {
      clientId: device.id,
      username: device.id,
      password: secret,
      reconnectPeriod: 0,
    });
    await client.subscribeAsync(`pos/${STORE}/devices/${device.id}/cmd`, { qos: 1 });
    client.on('message', (_t, payload) => {
      const cmd = JSON.parse(payload.toString()) as { id: string };
      void client.publishAsync(
        `pos/${STORE}/devices/${device.id}/reply`,
        JSON.stringify({ id: cmd.id, status: 'ok', data: { ok: 1 } }),
      );
    });
    await client.publishAsync(`pos/${STORE}/devices/${device.id}/state`, JSON.stringify(deviceState(true)), {
      retain: true,
      qos: 1,
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(module.service.get(tech, device.id).live.online).toBe(true);
    expect(await module.service.sendCommand(device.id, { action: 'status', args: {} }, 2000)).toMatchObject({
      status: 'ok',
    });

    const till = await mqtt.connectAsync(url, {
      clientId: `till:${fx.till.tillId}`,
      username: `till:${fx.till.tillId}`,
      password: fx.till.token,
      reconnectPeriod: 0,
    });
    const tillEvents: unknown[] = [];
    await till.subscribeAsync(`pos/${STORE}/tills/${fx.till.tillId}/events`, { qos: 1 });
    till.on('message', (_t, p) => tillEvents.push(JSON.parse(p.toString())));
    const sc = await mqtt.connectAsync(url, {
      clientId: scanner.device.id,
      username: scanner.device.id,
      password: scanner.secret,
      reconnectPeriod: 0,
    });
    await sc.publishAsync(
      `pos/${STORE}/devices/${scanner.device.id}/event`,
      JSON.stringify({ type: 'scan', data: '123', symbology: null, at: 'x' }),
      { qos: 1 },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(tillEvents).toContainEqual(expect.objectContaining({ type: 'scan', data: '123' }));

    const closed = new Promise<void>((r) => client.once('close', () => r()));
    module.service.rotate(tech, device.id);
    await closed;
    await Promise.all([till.endAsync(), sc.endAsync()]);
  });
});
