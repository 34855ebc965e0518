import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBroker } from '../../hub/mqtt/broker.js';
import type { DevicesModule } from '../../hub/services/devices/devices-module.js';
import type { AccessService } from '../../hub/services/access/access-service.js';
import { addTill, seedAccess, type AccessFixture, type FixtureTill } from '../support/access-fixtures.js';
import {
  SERIAL_9600,
  STORE,
  TECH_LOGIN,
  TECH_PASSWORD,
  addTechnician,
  adminPrincipal,
  startDevicesOnBroker,
} from '../support/device-fixtures.js';
import { createTestContext, type TestContext } from '../support/hub-context.js';
import { buildTestApp } from '../support/test-app.js';
import { eventually, scan, settle } from './support.js';

/**
 * The broker caches each till's readable devices; the real registry must keep that cache right: its
 * device.changed / device.revoked events, emitted right after the commit, drop it before any delivery.
 */
describe('per-delivery ACL with the real device registry', () => {
  let ctx: TestContext;
  let fx: AccessFixture;
  let access: AccessService;
  let module: DevicesModule;
  let broker: RunningBroker;
  let secondTill: FixtureTill;
  const clients: MqttClient[] = [];

  beforeEach(async () => {
    ctx = createTestContext();
    fx = seedAccess(ctx);
    secondTill = addTill(ctx, 'Till 2');
    addTechnician(ctx);
    access = buildTestApp(ctx).access;
    ({ module, broker } = await startDevicesOnBroker(ctx, access));
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
    await module.stop();
    await broker.close();
    ctx.close();
  });

  const connect = async (options: mqtt.IClientOptions) => {
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${String(broker.port)}`, {
      reconnectPeriod: 0,
      protocolVersion: 4,
      ...options,
    });
    clients.push(client);
    return client;
  };
  const connectTill = async (t: FixtureTill, topic: string) => {
    const client = await connect({
      clientId: `till:${t.tillId}`,
      username: `till:${t.tillId}`,
      password: t.token,
    });
    const granted = await client.subscribeAsync(topic, { qos: 1 });
    expect(granted[0]?.qos).toBe(1);
    const got: unknown[] = [];
    client.on('message', (_topic, payload) => got.push(JSON.parse(payload.toString())));
    return got;
  };

  it('stops a device reaching its old till at once when it is moved or revoked', async () => {
    const tech = adminPrincipal(access, TECH_LOGIN, TECH_PASSWORD);
    const { device, secret } = module.service.register(tech, {
      kind: 'scanner',
      name: 'S',
      profileId: 'honeywell-voyager-1450g',
      transport: SERIAL_9600,
      tillId: fx.till.tillId,
      role: 'scanner',
    });
    const topic = `pos/${STORE}/devices/${device.id}/event`;
    const first = await connectTill(fx.till, topic);
    const scanner = await connect({ clientId: device.id, username: device.id, password: secret });
    await scanner.publishAsync(topic, JSON.stringify(scan('1')), { qos: 1 });
    await eventually(() => first.length === 1);

    module.service.update(tech, device.id, { tillId: secondTill.tillId });
    const sameTick = broker.messageBus.publish(topic, scan('same tick'));
    const second = await connectTill(secondTill, topic);
    await sameTick;
    await scanner.publishAsync(topic, JSON.stringify(scan('2')), { qos: 1 });
    await eventually(() => second.length === 1);

    // Move it back, then revoke it: the first till must not see it again once it is revoked.
    module.service.update(tech, device.id, { tillId: fx.till.tillId });
    const revoked = module.service.revoke(tech, device.id);
    await broker.messageBus.publish(topic, scan('revoked'));
    await revoked;
    await settle();
    expect(first).toEqual([scan('1')]);
    expect(second).toEqual([scan('2')]);
  });
});
