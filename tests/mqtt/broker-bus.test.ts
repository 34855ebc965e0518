import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { topics } from '../../hub/contract/mqtt.js';
import {
  DEVICE_A,
  STORE,
  TILL,
  connectTcp,
  connectWs,
  device,
  deviceState,
  endClients,
  eventually,
  inbox,
  runMosquitto,
  scan,
  settle,
  startTestBroker,
  till,
  type TestBroker,
} from './support.js';

let t: TestBroker;
let closed = false;
beforeEach(async () => {
  t = await startTestBroker();
  closed = false;
});
afterEach(async () => {
  await endClients();
  if (!closed) await t.close();
});

const mosquittoDevice = (t: TestBroker) => [
  ...['-h', '127.0.0.1', '-p', String(t.broker.port), '-V', 'mqttv311'],
  ...['-i', DEVICE_A, '-u', DEVICE_A, '-P', 'secret-a'],
];

describe('between independent clients', () => {
  it('delivers a state published by mosquitto_pub over TCP to a till subscribed over WebSocket', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    const got = inbox(tl);
    await tl.subscribeAsync(topics.deviceState(STORE, DEVICE_A), { qos: 1 });
    const run = await runMosquitto('mosquitto_pub', [
      ...mosquittoDevice(t),
      ...['-t', topics.deviceState(STORE, DEVICE_A), '-q', '1', '-r', '-m', JSON.stringify(deviceState())],
    ]);
    expect(run).toMatchObject({ code: 0 });
    await eventually(() => got.length === 1);
    expect(got[0]?.json).toEqual(deviceState());
  });

  it('delivers a hub command to a device running mosquitto_sub, and only its own', async () => {
    const sub = runMosquitto('mosquitto_sub', [
      ...mosquittoDevice(t),
      ...['-t', topics.deviceCommand(STORE, DEVICE_A), '-C', '1', '-W', '5'],
    ]);
    await eventually(() => t.broker.stats().connections.device === 1);
    await settle(100);
    const command = { id: 'c1', action: 'status', args: {} };
    await t.broker.messageBus.publish(topics.deviceCommand(STORE, DEVICE_A), command, { qos: 1 });
    const run = await sub;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(command);
  });
});

describe('hub state', () => {
  it('is retained online at start and goes online:false (retained) before the broker closes', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    const got = inbox(tl);
    await tl.subscribeAsync(topics.hubState(STORE), { qos: 1 });
    await eventually(() => got.length === 1);
    expect(got[0]).toMatchObject({
      retain: true,
      json: { online: true, version: '0.1.0', startedAt: '2026-06-01T09:00:00.000Z' },
    });
    closed = true;
    await t.close();
    await eventually(() => got.length === 2);
    expect(got[1]?.json).toEqual({ online: false, version: '0.1.0', startedAt: '2026-06-01T09:00:00.000Z' });
    await eventually(() => !tl.connected);
  });
});

describe('domain events', () => {
  it('go out on pos/<store>/events/<name> at QoS 1, not retained', async () => {
    const tl = await connectWs(t, till(TILL, 'till-token'));
    const got = inbox(tl);
    await tl.subscribeAsync(`pos/${STORE}/events/#`, { qos: 1 });
    const payload = {
      saleId: 's1',
      tillId: TILL,
      receiptCode: 'R1',
      totalMinor: 1299,
      kind: 'sale' as const,
    };
    t.bus.emit({ name: 'sale.completed', payload });
    t.bus.emit({ name: 'stock.changed', payload: { productIds: ['p1'] } });
    await eventually(() => got.length === 2);
    expect(got).toEqual([
      { topic: `pos/${STORE}/events/sale.completed`, json: payload, retain: false },
      { topic: `pos/${STORE}/events/stock.changed`, json: { productIds: ['p1'] }, retain: false },
    ]);
    const late = await connectWs(t, till(TILL, 'till-token', 'late'));
    const lateGot = inbox(late);
    await late.subscribeAsync(`pos/${STORE}/events/#`, { qos: 1 });
    await settle();
    expect(lateGot).toEqual([]);
  });

  it('stop when the broker closes', async () => {
    closed = true;
    await t.close();
    expect(() => t.bus.emit({ name: 'stock.changed', payload: { productIds: [] } })).not.toThrow();
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('message bus for hub services', () => {
  it('subscribes with wildcards, gets retained state first, and unsubscribes by owner', async () => {
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await a.publishAsync(topics.deviceState(STORE, DEVICE_A), JSON.stringify(deviceState()), {
      qos: 1,
      retain: true,
    });
    const seen: string[] = [];
    await t.broker.messageBus.subscribe(`pos/${STORE}/devices/+/+`, 'registry', (topic, payload) => {
      seen.push(`${topic} ${(JSON.parse(payload.toString()) as { type?: string }).type ?? 'state'}`);
    });
    expect(seen).toEqual([`${topics.deviceState(STORE, DEVICE_A)} state`]);
    await a.publishAsync(topics.deviceEvent(STORE, DEVICE_A), JSON.stringify(scan('42')), { qos: 1 });
    await eventually(() => seen.length === 2);
    expect(seen[1]).toBe(`${topics.deviceEvent(STORE, DEVICE_A)} scan`);
    await t.broker.messageBus.unsubscribeOwner('registry');
    await a.publishAsync(topics.deviceEvent(STORE, DEVICE_A), JSON.stringify(scan('43')), { qos: 1 });
    await settle();
    expect(seen).toHaveLength(2);
  });

  it('keeps delivering when a handler throws, and never hands out dropped or broker-internal messages', async () => {
    const seen: string[] = [];
    await t.broker.messageBus.subscribe('#', 'faulty', () => {
      throw new Error('boom');
    });
    await t.broker.messageBus.subscribe('#', 'all', (topic) => seen.push(topic));
    const a = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    await a.publishAsync(topics.deviceEvent(STORE, DEVICE_A), 'garbage', { qos: 1 });
    await a.publishAsync(topics.deviceEvent(STORE, DEVICE_A), JSON.stringify(scan('1')), { qos: 1 });
    await eventually(() => seen.includes(topics.deviceEvent(STORE, DEVICE_A)));
    expect(seen.filter((topic) => topic.startsWith('$'))).toEqual([]);
    expect(seen.filter((topic) => topic === topics.deviceEvent(STORE, DEVICE_A))).toHaveLength(1);
    expect(t.logs.some((l) => l.message === 'message bus handler failed')).toBe(true);
  });

  it('refuses to publish to a wildcard topic', async () => {
    await expect(t.broker.messageBus.publish(`pos/${STORE}/devices/+/cmd`, {})).rejects.toThrow(/wildcard/);
  });
});
