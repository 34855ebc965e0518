import type { MqttClient } from 'mqtt';
import { describe, expect, it } from 'vitest';
import { mayPublish, mayReadTopic, maySubscribe, readGrants, type Identity } from '../../hub/mqtt/acl.js';
import { claimedIdentity, clientIdFits } from '../../hub/mqtt/identity.js';
import {
  DEVICE_A,
  DISPLAY,
  OTHER_TILL,
  STORE,
  TILL,
  connectWs,
  display,
  eventually,
  inbox,
  settle,
  testBrokerPerTest,
  till,
} from './support.js';

const S = 'store-1';
const shop: Identity = { kind: 'display', id: 'D', tillId: 'T' };
const noDevices = () => new Set<string>();

describe('customer display ACL (pure)', () => {
  const grants = readGrants(shop, S, () => ['scale-1']);

  it('grants exactly its own till’s cart topic', () => {
    expect(grants).toEqual([`pos/${S}/tills/T/cart`]);
    expect(maySubscribe(grants, `pos/${S}/tills/T/cart`)).toBe(true);
    expect(mayReadTopic(shop, S, `pos/${S}/tills/T/cart`, noDevices)).toBe(true);
  });

  it.each([
    `pos/${S}/tills/T/events`,
    `pos/${S}/tills/T/#`,
    `pos/${S}/tills/T/+`,
    `pos/${S}/tills/+/cart`,
    `pos/${S}/tills/U/cart`,
    `pos/${S}/events/sale.completed`,
    `pos/${S}/events/#`,
    `pos/${S}/hub/state`,
    `pos/${S}/devices/scale-1/state`,
    `pos/${S}/devices/scale-1/event`,
    `pos/other/tills/T/cart`,
    '#',
    '$SYS/#',
  ])('denies reading %s', (topic) => {
    expect(maySubscribe(grants, topic)).toBe(false);
    if (!topic.includes('+') && !topic.includes('#')) {
      expect(mayReadTopic(shop, S, topic, () => new Set(['scale-1']))).toBe(false);
    }
  });

  it('may publish nothing, not even its till’s cart', () => {
    for (const topic of [
      `pos/${S}/tills/T/cart`,
      `pos/${S}/tills/T/events`,
      `pos/${S}/devices/D/state`,
      `pos/${S}/events/x`,
    ]) {
      expect(mayPublish(shop, S, topic)).toMatchObject({ allowed: false });
    }
    expect(mayPublish(shop, S, `pos/${S}/tills/T/cart`)).toEqual({ allowed: false, reason: 'read_only' });
  });

  it('claims display:<id> and takes exactly that as its client id; its till is never claimed', () => {
    expect(claimedIdentity('display:D', Buffer.from('tok'))).toEqual({
      claim: { kind: 'display', id: 'D' },
      secret: 'tok',
    });
    expect(claimedIdentity('display:', Buffer.from('tok'))).toEqual({ refused: 'bad_username' });
    expect(claimedIdentity('display:D/x', Buffer.from('tok'))).toEqual({ refused: 'bad_username' });
    expect(clientIdFits({ kind: 'display', id: 'D' }, 'display:D')).toBe(true);
    expect(clientIdFits({ kind: 'display', id: 'D' }, 'display:D:x')).toBe(false);
    expect(clientIdFits({ kind: 'display', id: 'D' }, 'till:T:display')).toBe(false);
    expect(clientIdFits({ kind: 'display', id: 'D' }, 'D')).toBe(false);
  });
});

/** The SUBACK code for one filter (MQTT.js rejects a 0x80 answer, carrying the SUBACK along). */
async function granted(client: MqttClient, filter: string): Promise<number> {
  try {
    const [grant] = await client.subscribeAsync(filter, { qos: 1 });
    return grant?.qos ?? -1;
  } catch (error) {
    const code = (error as { packet?: { granted?: (number | object)[] } }).packet?.granted?.[0];
    if (typeof code !== 'number') throw error;
    return code;
  }
}

const root = `pos/${STORE}`;
const snapshot = (total: number) => ({
  state: 'selling',
  saleId: 'S1',
  currency: 'DKK',
  lines: [
    {
      id: 'L1',
      name: 'Milk',
      quantity: 1,
      measured: false,
      unitPriceMinor: total,
      totalMinor: total,
      discountMinor: 0,
    },
  ],
  promotions: [],
  totals: {
    subtotalMinor: total,
    discountMinor: 0,
    totalMinor: total,
    roundingMinor: 0,
    toPayMinor: total,
    paidMinor: 0,
    dueMinor: total,
    changeMinor: 0,
  },
  receiptCode: null,
  receiptUrl: null,
  receiptQrPath: null,
  at: '2026-06-01T09:00:00.000Z',
});

describe('customer display on the real broker', () => {
  const t = testBrokerPerTest();

  it('reads its till’s retained cart and nothing else; what it publishes goes nowhere', async () => {
    const tillTab = await connectWs(t, till(TILL, 'till-token'));
    const otherTill = await connectWs(t, till(OTHER_TILL, 'other-token'));
    await tillTab.publishAsync(`${root}/tills/${TILL}/cart`, JSON.stringify(snapshot(1250)), {
      qos: 1,
      retain: true,
    });
    await otherTill.publishAsync(`${root}/tills/${OTHER_TILL}/cart`, JSON.stringify(snapshot(999)), {
      qos: 1,
      retain: true,
    });

    const screen = await connectWs(t, display(DISPLAY, 'display-token'));
    const got = inbox(screen);
    expect(await granted(screen, `${root}/tills/${TILL}/cart`)).toBe(1);
    await eventually(() => got.length === 1);
    expect(got[0]).toMatchObject({ topic: `${root}/tills/${TILL}/cart`, retain: true });
    expect((got[0]?.json as { totals: { totalMinor: number } }).totals.totalMinor).toBe(1250);

    for (const filter of [
      `${root}/tills/${OTHER_TILL}/cart`,
      `${root}/tills/${TILL}/events`,
      `${root}/tills/${TILL}/#`,
      `${root}/tills/+/cart`,
      `${root}/events/#`,
      `${root}/hub/state`,
      `${root}/devices/${DEVICE_A}/event`,
    ]) {
      expect([filter, await granted(screen, filter)]).toEqual([filter, 0x80]);
    }

    // Its own publishes are dropped (counted), even on its till's cart, and it stays connected.
    const watcher = await connectWs(t, till(TILL, 'till-token', 'watch'));
    await granted(watcher, `${root}/tills/${TILL}/cart`);
    const seen = inbox(watcher);
    await eventually(() => seen.length === 1);
    await screen.publishAsync(`${root}/tills/${TILL}/cart`, JSON.stringify(snapshot(1)), {
      qos: 1,
      retain: true,
    });
    await tillTab.publishAsync(`${root}/tills/${TILL}/events`, JSON.stringify({ type: 'x' }), { qos: 1 });
    await settle();
    expect(seen).toHaveLength(1);
    expect(screen.connected).toBe(true);
    expect(t.broker.stats().deniedPublishes.byClient[`display:${DISPLAY}`]).toEqual({ read_only: 1 });

    // Live updates of its till arrive; the other till's do not.
    await tillTab.publishAsync(`${root}/tills/${TILL}/cart`, JSON.stringify(snapshot(2500)), {
      qos: 1,
      retain: true,
    });
    await otherTill.publishAsync(`${root}/tills/${OTHER_TILL}/cart`, JSON.stringify(snapshot(7)), { qos: 1 });
    await eventually(() => got.length === 2);
    await settle();
    expect(got.map((m) => (m.json as { totals: { totalMinor: number } }).totals.totalMinor)).toEqual([
      1250, 2500,
    ]);
    expect(t.broker.stats().connections.display).toBe(1);
  });

  it('refuses a wrong token or a borrowed client id, and is cut off when revoked', async () => {
    await expect(connectWs(t, display(DISPLAY, 'wrong'))).rejects.toThrow();
    await expect(
      connectWs(t, {
        clientId: `till:${TILL}:display`,
        username: `display:${DISPLAY}`,
        password: 'display-token',
      }),
    ).rejects.toThrow();
    // A till token does not make a display, nor a display token a till.
    await expect(connectWs(t, display(TILL, 'till-token'))).rejects.toThrow();
    await expect(connectWs(t, till(DISPLAY, 'display-token'))).rejects.toThrow();

    const screen = await connectWs(t, display(DISPLAY, 'display-token'));
    expect(screen.connected).toBe(true);
    t.directory.displays.delete(DISPLAY);
    t.bus.emit({ name: 'display.revoked', payload: { displayId: DISPLAY, tillId: TILL } });
    await eventually(() => !screen.connected);
    await expect(connectWs(t, display(DISPLAY, 'display-token'))).rejects.toThrow();
  });

  it('drops a malformed cart snapshot from the till instead of keeping it retained', async () => {
    const tillTab = await connectWs(t, till(TILL, 'till-token'));
    await tillTab.publishAsync(`${root}/tills/${TILL}/cart`, JSON.stringify(snapshot(1250)), {
      qos: 1,
      retain: true,
    });
    const bad = { ...snapshot(5), receiptQrPath: '/api/v1/tills/me' };
    await tillTab.publishAsync(`${root}/tills/${TILL}/cart`, JSON.stringify(bad), { qos: 1, retain: true });
    await tillTab.publishAsync(`${root}/tills/${TILL}/cart`, 'not json', { qos: 1, retain: true });
    const screen = await connectWs(t, display(DISPLAY, 'display-token'));
    const got = inbox(screen);
    await granted(screen, `${root}/tills/${TILL}/cart`);
    await eventually(() => got.length === 1);
    await settle();
    expect(got).toHaveLength(1);
    expect((got[0]?.json as { totals: { totalMinor: number } }).totals.totalMinor).toBe(1250);
    expect(t.broker.stats().malformed.byClient[`till:${TILL}`]).toEqual({
      'cart:schema': 1,
      'cart:not_json': 1,
    });
  });
});
