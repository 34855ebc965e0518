import { describe, expect, it } from 'vitest';
import { Duplex } from 'node:stream';
import mqttPacket from 'mqtt-packet';
import {
  covers,
  mayPublish,
  mayRead,
  mayReadTopic,
  maySubscribe,
  readGrants,
  type Identity,
} from '../../hub/mqtt/acl.js';
import { FrameSizeGuard, PacketTooLargeError, guardConnection } from '../../hub/mqtt/frame-guard.js';
import { claimedIdentity, clientIdFits } from '../../hub/mqtt/identity.js';
import { AttemptLimiter } from '../../hub/mqtt/rate-limit.js';

const S = 'store-1';
const tillGrants = readGrants({ kind: 'till', id: 'T' }, S, (t) => (t === 'T' ? ['scale-1'] : []));
const deviceGrants = readGrants({ kind: 'device', id: 'scale-1' }, S, () => []);

describe('wildcard rule: a filter is granted only when every topic it can match is readable', () => {
  it.each([
    [`pos/${S}/tills/T/#`, true],
    [`pos/${S}/tills/T/+`, true],
    [`pos/${S}/tills/T/events`, true],
    [`pos/${S}/tills/T`, true],
    [`pos/${S}/events/#`, true],
    [`pos/${S}/events/+`, true],
    [`pos/${S}/events/sale.completed`, true],
    // The till's catalog cache follows this one to pull changed prices.
    [`pos/${S}/events/catalog.changed`, true],
    [`pos/${S}/hub/state`, true],
    [`pos/${S}/devices/scale-1/state`, true],
    [`pos/${S}/devices/scale-1/event`, true],
    [`pos/${S}/#`, false],
    [`#`, false],
    [`pos/+/hub/state`, false],
    [`pos/${S}/tills/+/events`, false],
    [`pos/${S}/tills/U/#`, false],
    [`pos/${S}/devices/+/state`, false],
    [`pos/${S}/devices/scale-1/#`, false],
    [`pos/${S}/devices/scale-1/cmd`, false],
    [`pos/${S}/devices/printer-1/state`, false],
    [`pos/${S}/hub/#`, false],
    [`pos/other/events/#`, false],
    [`$SYS/#`, false],
  ])('till subscribes %s -> %s', (filter, granted) => {
    expect(maySubscribe(tillGrants, filter)).toBe(granted);
  });

  it.each([
    [`pos/${S}/devices/scale-1/cmd`, true],
    [`pos/${S}/devices/scale-1/+`, false],
    [`pos/${S}/devices/scale-1/#`, false],
    [`pos/${S}/devices/+/cmd`, false],
    [`pos/${S}/devices/printer-1/cmd`, false],
    [`pos/${S}/events/#`, false],
  ])('device subscribes %s -> %s', (filter, granted) => {
    expect(maySubscribe(deviceGrants, filter)).toBe(granted);
  });

  it('covers follows MQTT matching, including a/# matching a', () => {
    expect(covers('a/#', 'a')).toBe(true);
    expect(covers('a/+', 'a')).toBe(false);
    expect(covers('a/+/c', 'a/b/c')).toBe(true);
    expect(covers('a/b/c', 'a/+/c')).toBe(false);
    expect(covers('a/#', 'a/+/#')).toBe(true);
  });

  it('checks delivered topics against the same grants', () => {
    expect(mayRead(tillGrants, `pos/${S}/devices/scale-1/event`)).toBe(true);
    expect(mayRead(tillGrants, `pos/${S}/devices/printer-1/event`)).toBe(false);
    expect(mayRead(tillGrants, `pos/${S}/tills/U/events`)).toBe(false);
  });

  it('answers per delivery exactly as the grants do, without building them (mayReadTopic)', () => {
    const assigned = new Map([['T', new Set(['scale-1', 'printer-1'])]]);
    const readable = (till: string) => assigned.get(till) ?? new Set<string>();
    const identities: Identity[] = [
      { kind: 'till', id: 'T' },
      { kind: 'till', id: 'U' },
      { kind: 'device', id: 'scale-1' },
      { kind: 'device', id: 'printer-1' },
      { kind: 'display', id: 'D', tillId: 'T' },
    ];
    const devices = ['scale-1', 'printer-1', 'drawer-1'];
    const topicsToTry = [
      ...[S, 'other'].flatMap((store) => [
        `pos/${store}/hub/state`,
        `pos/${store}/hub/other`,
        `pos/${store}/hub`,
        `pos/${store}/events/sale.completed`,
        `pos/${store}/events`,
        `pos/${store}/events/a/b`,
        ...['T', 'U'].flatMap((till) => [
          `pos/${store}/tills/${till}`,
          `pos/${store}/tills/${till}/events`,
          `pos/${store}/tills/${till}/cart`,
          `pos/${store}/tills/${till}/other`,
          `pos/${store}/tills/${till}/a/b`,
        ]),
        ...devices.flatMap((device) =>
          ['state', 'event', 'cmd', 'reply', 'other', 'state/x'].map(
            (channel) => `pos/${store}/devices/${device}/${channel}`,
          ),
        ),
      ]),
      '$pos/dropped',
      '$SYS/broker/x',
      'pos',
      'other/topic',
      `pos/${S}/devices/scale-1`,
      `pos/${S}/devices/bad id/state`,
    ];
    for (const identity of identities) {
      const grants = readGrants(identity, S, (till) => readable(till));
      for (const topic of topicsToTry) {
        expect([identity, topic, mayReadTopic(identity, S, topic, readable)]).toEqual([
          identity,
          topic,
          mayRead(grants, topic),
        ]);
      }
    }
  });
});

describe('publish rule', () => {
  const dev = { kind: 'device', id: 'scale-1' } as const;
  const tl = { kind: 'till', id: 'T' } as const;
  it('lets a device publish only its own state, event and reply, retaining only state', () => {
    expect(mayPublish(dev, S, `pos/${S}/devices/scale-1/state`)).toEqual({
      allowed: true,
      channel: 'state',
      retainable: true,
    });
    expect(mayPublish(dev, S, `pos/${S}/devices/scale-1/event`)).toMatchObject({ retainable: false });
    expect(mayPublish(dev, S, `pos/${S}/devices/scale-1/reply`)).toMatchObject({ allowed: true });
    expect(mayPublish(dev, S, `pos/${S}/devices/scale-1/cmd`)).toMatchObject({ allowed: false });
    expect(mayPublish(dev, S, `pos/${S}/devices/printer-1/state`)).toMatchObject({ allowed: false });
    expect(mayPublish(dev, S, `pos/${S}/hub/state`)).toMatchObject({ allowed: false });
    expect(mayPublish(dev, S, `pos/${S}/events/sale.completed`)).toMatchObject({ allowed: false });
    expect(mayPublish(dev, S, `pos/other/devices/scale-1/state`)).toMatchObject({ reason: 'other_store' });
    expect(mayPublish(dev, S, 'random/topic')).toMatchObject({ reason: 'not_a_contract_topic' });
  });
  it('lets a till publish only its own cart', () => {
    expect(mayPublish(tl, S, `pos/${S}/tills/T/cart`)).toMatchObject({ allowed: true, channel: 'cart' });
    expect(mayPublish(tl, S, `pos/${S}/tills/T/events`)).toMatchObject({ allowed: false });
    expect(mayPublish(tl, S, `pos/${S}/tills/U/cart`)).toMatchObject({ allowed: false });
    expect(mayPublish(tl, S, `pos/${S}/devices/scale-1/state`)).toMatchObject({ allowed: false });
  });
});

describe('identity', () => {
  it('reads device and till usernames and refuses the rest', () => {
    expect(claimedIdentity('scale-1', Buffer.from('s'))).toEqual({
      claim: { kind: 'device', id: 'scale-1' },
      secret: 's',
    });
    expect(claimedIdentity('till:T', Buffer.from('t'))).toMatchObject({
      claim: { kind: 'till', id: 'T' },
    });
    expect(claimedIdentity(undefined, undefined)).toEqual({ refused: 'no_credentials' });
    expect(claimedIdentity('scale-1', Buffer.alloc(0))).toEqual({ refused: 'no_credentials' });
    expect(claimedIdentity('a/b', Buffer.from('s'))).toEqual({ refused: 'bad_username' });
    expect(claimedIdentity('till:#', Buffer.from('s'))).toEqual({ refused: 'bad_username' });
    expect(claimedIdentity('x', Buffer.alloc(600, 1))).toEqual({ refused: 'secret_too_long' });
  });
  it('ties the client id to the credential', () => {
    expect(clientIdFits({ kind: 'device', id: 'scale-1' }, 'scale-1')).toBe(true);
    expect(clientIdFits({ kind: 'device', id: 'scale-1' }, 'printer-1')).toBe(false);
    expect(clientIdFits({ kind: 'till', id: 'T' }, 'till:T')).toBe(true);
    expect(clientIdFits({ kind: 'till', id: 'T' }, 'till:T:display')).toBe(true);
    expect(clientIdFits({ kind: 'till', id: 'T' }, 'till:T:')).toBe(false);
    expect(clientIdFits({ kind: 'till', id: 'T' }, 'till:TX')).toBe(false);
    expect(clientIdFits({ kind: 'till', id: 'T' }, 'scale-1')).toBe(false);
  });
});

describe('limits', () => {
  it('allows N attempts per address per minute, then refuses until the window slides', () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.allow('10.0.0.2')).toBe(true);
    now = 60_001;
    expect(limiter.allow('10.0.0.1')).toBe(true);
  });

  it('stops a packet at its header when it announces more than the cap, across chunk borders', () => {
    const guard = new FrameSizeGuard(200);
    // PUBLISH with remaining length 100 (one byte), split mid-body, then a second packet.
    guard.check(Buffer.concat([Buffer.from([0x30, 100]), Buffer.alloc(50)]));
    guard.check(Buffer.concat([Buffer.alloc(50), Buffer.from([0xc0, 0x00])]));
    // remaining length 300 = 0xac 0x02: refused as soon as the header is read.
    expect(() => {
      guard.check(Buffer.from([0x30, 0xac]));
      guard.check(Buffer.from([0x02]));
    }).toThrow(PacketTooLargeError);
  });
});

describe('guarded connection writes', () => {
  it('writes each packet in one piece, and what a busy turn sends one client in one write', async () => {
    const writes: Buffer[] = [];
    const inner = new Duplex({
      read() {
        return undefined;
      },
      write(chunk: Buffer, _encoding, callback) {
        writes.push(chunk);
        callback();
      },
    });
    const outer = guardConnection(inner, 1024, () => undefined);
    const publish = (n: number) =>
      mqttPacket.writeToStream(
        {
          cmd: 'publish',
          topic: `pos/${S}/events/e${String(n)}`,
          payload: Buffer.from('{}'),
          qos: 0,
          dup: false,
          retain: false,
        },
        outer,
      );
    const tick = () => new Promise((resolve) => process.nextTick(resolve));
    publish(1);
    publish(2);
    await tick();
    expect(writes).toHaveLength(1);
    // Written while that write is still being reported (deliveries later in the same turn): held, then sent together.
    publish(3);
    await tick();
    publish(4);
    await tick();
    expect(writes).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(writes).toHaveLength(2);
    const parsed: string[] = [];
    const parser = mqttPacket.parser();
    parser.on('packet', (packet) => parsed.push((packet as mqttPacket.IPublishPacket).topic));
    for (const chunk of writes) parser.parse(chunk);
    expect(parsed).toEqual([1, 2, 3, 4].map((n) => `pos/${S}/events/e${String(n)}`));
  });
});
