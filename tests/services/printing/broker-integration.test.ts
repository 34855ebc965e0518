import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { topics } from '../../../hub/contract/mqtt.js';
import { EventBus } from '../../../hub/events/event-bus.js';
import { newId } from '../../../hub/ids.js';
import { startBroker, type RunningBroker } from '../../../hub/mqtt/broker.js';
import { MqttClientBus } from './mqtt-client-bus.js';
import { PRINTER, PrintRig, sleep, STORE, TILL, until, type Hub } from './rig.js';

const SECRET = 'printer-secret';
let broker: RunningBroker;
let rig: PrintRig;
let hub: Hub;
const clients: MqttClient[] = [];

/** The driver host's connection: device credentials and a last will that marks the printer offline. */
async function hostClient(): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
    username: PRINTER,
    password: SECRET,
    clientId: PRINTER, // the broker insists a device connects as itself
    reconnectPeriod: 0,
    will: {
      topic: topics.deviceState(STORE, PRINTER),
      payload: Buffer.from(
        JSON.stringify({ online: false, status: 'offline', model: '', profile: '', firmware: null, at: '' }),
      ),
      retain: true,
      qos: 1,
    },
  });
  clients.push(client);
  return client;
}

const jobOf = (saleId: string) =>
  hub.printing.service
    .list({ status: null, tillId: null, deviceId: null }, 50, 0)
    .items.find((j) => j.saleId === saleId);
const sale = (saleId: string) => {
  hub.ctx.bus.emit({
    name: 'sale.completed',
    payload: { saleId, tillId: TILL, receiptCode: 'R', totalMinor: 1, kind: 'sale' },
  });
};

beforeEach(async () => {
  broker = await startBroker({
    storeId: STORE,
    host: '127.0.0.1',
    port: 0,
    mayMove: false,
    httpServer: null,
    directory: {
      authenticateDevice: (id, secret) => Promise.resolve(id === PRINTER && secret === SECRET),
      authenticateTill: () => Promise.resolve(false),
      authenticateDisplay: () => Promise.resolve(null),
      devicesOfTill: () => [],
    },
    bus: new EventBus(),
    log: () => undefined,
    version: 'test',
    startedAt: new Date().toISOString(),
    limits: { maxConnectAttemptsPerMinutePerAddress: 10_000 },
  });
  rig = new PrintRig(broker.messageBus, async () => new MqttClientBus(await hostClient()));
  await rig.start();
  hub = await rig.hub();
  await until(() => hub.states.isOnline(PRINTER));
});

afterEach(async () => {
  await hub.close();
  await rig.close();
  for (const c of clients.splice(0)) await c.endAsync(true);
  await broker.close();
});

describe('printing over the real broker', () => {
  it('prints a sale receipt through MQTT commands and replies, once', async () => {
    const saleId = newId();
    sale(saleId);
    await rig.sim.waitForReceipts(1);
    await until(() => jobOf(saleId)?.status === 'done');
    await sleep(200);
    expect(rig.sim.receipts).toHaveLength(1);
  });

  it('keeps the job queued when the host drops off (last will) and prints it once after it reconnects', async () => {
    const first = clients[0];
    first?.stream.destroy(); // no DISCONNECT: the broker publishes the last will
    await until(() => !hub.states.isOnline(PRINTER));
    const saleId = newId();
    sale(saleId);
    await sleep(400);
    expect(jobOf(saleId)?.status).toBe('queued');
    expect(rig.sim.receipts).toHaveLength(0);
    await rig.host.abandon(); // the crashed host's driver lets go of the printer
    await rig.startHost();
    await rig.sim.waitForReceipts(1);
    await until(() => jobOf(saleId)?.status === 'done');
  });
});
