import type { MqttClient } from 'mqtt';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_A,
  DEVICE_B,
  OTHER_TILL,
  STORE,
  TILL,
  connectTcp,
  connectWs,
  device,
  deviceState,
  endClients,
  eventually,
  inbox,
  scan,
  settle,
  startTestBroker,
  testBrokerPerTest,
  till,
} from './support.js';

const root = `pos/${STORE}`;
const t = testBrokerPerTest();

/** The SUBACK code for one filter: MQTT.js rejects a 0x80 answer, carrying the SUBACK along. */
async function granted(client: MqttClient, filter: string): Promise<number> {
  try {
    const [grant] = await client.subscribeAsync(filter, { qos: 1 });
    return grant?.qos ?? -1;
  } catch (error) {
    const suback = (error as { packet?: { granted?: (number | object)[] } }).packet;
    const [code] = suback?.granted ?? [];
    if (typeof code !== 'number') throw error;
    return code;
  }
}

const publish = (client: MqttClient, topic: string, payload: unknown, retain = false) =>
  client.publishAsync(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), {
    qos: 1,
    retain,
  });

describe('device ACL', () => {
  it("does not let a device read another device's commands", async () => {
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    const b = await connectTcp(t, device(DEVICE_B, 'secret-b'));
    expect(await granted(a, `${root}/devices/${DEVICE_B}/cmd`)).toBe(0x80);
    expect(await granted(a, `${root}/devices/+/cmd`)).toBe(0x80);
    expect(await granted(b, `${root}/devices/${DEVICE_B}/cmd`)).toBe(1);
    const aGot = inbox(a);
    const bGot = inbox(b);
    await t.broker.messageBus.publish(`${root}/devices/${DEVICE_B}/cmd`, {
      id: 'c1',
      action: 'status',
      args: {},
    });
    await eventually(() => bGot.length === 1);
    await settle();
    expect(aGot).toEqual([]);
    expect(a.connected).toBe(true);
    expect(t.broker.stats().deniedSubscriptions.byClient[`device:${DEVICE_A}`]).toEqual({ not_granted: 2 });
  });

  it('never delivers what a device publishes as another device, and keeps it connected', async () => {
    t.directory.assign(TILL, [DEVICE_A, DEVICE_B]);
    const watcher = await connectWs(t, till(TILL, 'till-token'));
    await granted(watcher, `${root}/devices/${DEVICE_B}/state`);
    await granted(watcher, `${root}/devices/${DEVICE_B}/event`);
    const got = inbox(watcher);
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await publish(a, `${root}/devices/${DEVICE_B}/state`, deviceState(), true);
    await publish(a, `${root}/devices/${DEVICE_B}/event`, scan('123'));
    await publish(a, `${root}/devices/${DEVICE_B}/cmd`, { id: 'x', action: 'kick', args: {} });
    await publish(a, `${root}/hub/state`, { online: false });
    await publish(a, `${root}/events/sale.completed`, {});
    await settle();
    expect(got).toEqual([]);
    expect(a.connected).toBe(true);
    expect(t.broker.stats().deniedPublishes.byClient[`device:${DEVICE_A}`]).toEqual({ not_own_topic: 5 });
  });
});

describe('till ACL and wildcards', () => {
  it('grants wildcards only inside what the till may read', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    expect(await granted(tl, `${root}/tills/${TILL}/#`)).toBe(1);
    expect(await granted(tl, `${root}/events/#`)).toBe(1);
    expect(await granted(tl, `${root}/hub/state`)).toBe(1);
    expect(await granted(tl, `${root}/devices/${DEVICE_A}/event`)).toBe(1);
    expect(await granted(tl, `${root}/#`)).toBe(0x80);
    expect(await granted(tl, '#')).toBe(0x80);
    expect(await granted(tl, `${root}/tills/${OTHER_TILL}/#`)).toBe(0x80);
    expect(await granted(tl, `${root}/devices/+/state`)).toBe(0x80);
    expect(await granted(tl, `${root}/devices/${DEVICE_B}/state`)).toBe(0x80);
    expect(await granted(tl, `${root}/devices/${DEVICE_A}/cmd`)).toBe(0x80);
  });

  it('stops forwarding a device to a till as soon as it is assigned elsewhere', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    await granted(tl, `${root}/devices/${DEVICE_A}/event`);
    const got = inbox(tl);
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await publish(a, `${root}/devices/${DEVICE_A}/event`, scan('1'));
    await eventually(() => got.length === 1);
    t.directory.assign(OTHER_TILL, [DEVICE_A]);
    // In the same tick as the reassignment: no delivery may slip through a stale cache.
    const sameTick = t.broker.messageBus.publish(`${root}/devices/${DEVICE_A}/event`, scan('same tick'));
    const other = await connectWs(t, till(OTHER_TILL, 'other-token'));
    expect(await granted(other, `${root}/devices/${DEVICE_A}/event`)).toBe(1);
    const otherGot = inbox(other);
    await sameTick;
    await publish(a, `${root}/devices/${DEVICE_A}/event`, scan('2'));
    await eventually(() => otherGot.length === 1);
    await settle();
    expect(got.map((m) => m.json)).toEqual([scan('1')]);
    expect(otherGot.map((m) => m.json)).toEqual([scan('2')]);
  });

  it('stops forwarding a revoked device, and forwards a device assigned to a till that is already subscribed', async () => {
    t.directory.assign(TILL, [DEVICE_A, DEVICE_B]);
    const tl = await connectWs(t, till(TILL, 'till-token'));
    await granted(tl, `${root}/devices/${DEVICE_A}/event`);
    await granted(tl, `${root}/devices/${DEVICE_B}/event`);
    const got = inbox(tl);
    t.directory.assigned.set(TILL, [DEVICE_B]);
    t.bus.emit({ name: 'device.revoked', payload: { deviceId: DEVICE_A, tillId: TILL } });
    await t.broker.messageBus.publish(`${root}/devices/${DEVICE_A}/event`, scan('revoked'));
    await t.broker.messageBus.publish(`${root}/devices/${DEVICE_B}/event`, scan('kept'));
    await eventually(() => got.length === 1);
    // Moved away and back while the till stays subscribed: the grant follows the assignment both ways.
    t.directory.assign(OTHER_TILL, [DEVICE_B]);
    await t.broker.messageBus.publish(`${root}/devices/${DEVICE_B}/event`, scan('elsewhere'));
    t.directory.assign(TILL, [DEVICE_B]);
    await t.broker.messageBus.publish(`${root}/devices/${DEVICE_B}/event`, scan('back'));
    await eventually(() => got.length === 2);
    await settle();
    expect(got.map((m) => m.json)).toEqual([scan('kept'), scan('back')]);
  });

  it('lets a till publish its own cart (retained) to its display, and nothing else', async () => {
    const tab = await connectWs(t, till(TILL, 'till-token', 'tab'));
    const cart = {
      state: 'selling',
      saleId: null,
      currency: 'EUR',
      lines: [
        {
          id: 'L1',
          name: 'Milk',
          quantity: 1,
          measured: false,
          unitPriceMinor: 129,
          totalMinor: 129,
          discountMinor: 0,
        },
      ],
      promotions: [],
      totals: null,
      receiptCode: null,
      receiptUrl: null,
      receiptQrPath: null,
      at: '2026-06-01T09:00:00.000Z',
    };
    await publish(tab, `${root}/tills/${TILL}/cart`, cart, true);
    await publish(tab, `${root}/tills/${OTHER_TILL}/cart`, cart, true);
    await publish(tab, `${root}/tills/${TILL}/events`, { type: 'sale' });
    const display = await connectWs(t, till(TILL, 'till-token', 'display'));
    const got = inbox(display);
    await granted(display, `${root}/tills/${TILL}/#`);
    await eventually(() => got.length === 1);
    expect(got[0]).toMatchObject({ topic: `${root}/tills/${TILL}/cart`, json: cart, retain: true });
    const other = await connectWs(t, till(OTHER_TILL, 'other-token'));
    const otherGot = inbox(other);
    await granted(other, `${root}/tills/${OTHER_TILL}/#`);
    await settle();
    expect(otherGot).toEqual([]);
  });
});

describe('malformed payloads', () => {
  it('drops and counts them per client and reason, never delivering them, and keeps the device on', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    await granted(tl, `${root}/devices/${DEVICE_A}/state`);
    await granted(tl, `${root}/devices/${DEVICE_A}/event`);
    const got = inbox(tl);
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await publish(a, `${root}/devices/${DEVICE_A}/state`, 'not json', true);
    await publish(a, `${root}/devices/${DEVICE_A}/state`, { online: 'yes' }, true);
    await publish(a, `${root}/devices/${DEVICE_A}/event`, { type: 'scan' });
    await publish(a, `${root}/devices/${DEVICE_A}/event`, scan('ok'));
    await eventually(() => got.length === 1);
    await settle();
    expect(got.map((m) => m.json)).toEqual([scan('ok')]);
    expect(a.connected).toBe(true);
    const malformed = t.broker.stats().malformed;
    expect(malformed.total).toBe(3);
    expect(malformed.byClient[`device:${DEVICE_A}`]).toEqual({
      'state:not_json': 1,
      'state:schema': 1,
      'event:schema': 1,
    });
  });

  it('never retains an event, only state', async () => {
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await publish(a, `${root}/devices/${DEVICE_A}/event`, scan('old'), true);
    await publish(a, `${root}/devices/${DEVICE_A}/state`, deviceState(), true);
    const tl = await connectWs(t, till(TILL, 'till-token'));
    const got = inbox(tl);
    await granted(tl, `${root}/devices/${DEVICE_A}/event`);
    await granted(tl, `${root}/devices/${DEVICE_A}/state`);
    await eventually(() => got.length === 1);
    await settle();
    expect(got.map((m) => m.topic)).toEqual([`${root}/devices/${DEVICE_A}/state`]);
  });
});

describe('size and depth caps', () => {
  it('disconnects a client that sends a payload over the cap, and one that announces a huge packet', async () => {
    const small = await startTestBroker({ maxPayloadBytes: 1024 });
    try {
      const tl = await connectWs(small, till(TILL, 'till-token'));
      const got = inbox(tl);
      await granted(tl, `${root}/devices/${DEVICE_A}/event`);
      const a = await connectTcp(small, device(DEVICE_A, 'secret-a'));
      a.publish(`${root}/devices/${DEVICE_A}/event`, JSON.stringify(scan('x'.repeat(2000))));
      await eventually(() => !a.connected);
      const b = await connectTcp(small, device(DEVICE_B, 'secret-b'));
      b.publish(`${root}/devices/${DEVICE_B}/event`, Buffer.alloc(64 * 1024, 0x20));
      await eventually(() => !b.connected);
      expect(got).toEqual([]);
      expect(small.broker.stats().limitViolations.byReason).toEqual({
        payload_too_large: 1,
        packet_too_large: 1,
      });
    } finally {
      await endClients();
      await small.close();
    }
  });

  it('disconnects a client that publishes or subscribes beyond the topic depth', async () => {
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    a.publish(`${root}/devices/${DEVICE_A}/state/a/b/c`, JSON.stringify(deviceState()));
    await eventually(() => !a.connected);
    const tl = await connectWs(t, till(TILL, 'till-token'));
    tl.subscribe(`${root}/tills/${TILL}/a/b/c/#`);
    await eventually(() => !tl.connected);
    expect(t.broker.stats().limitViolations.byReason).toEqual({ topic_too_deep: 2 });
  });
});
