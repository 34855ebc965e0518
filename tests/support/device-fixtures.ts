import { startBroker, type RunningBroker } from '../../hub/mqtt/broker.js';
import type { BrokerClientKind, BrokerControl, MessageBus } from '../../hub/mqtt/types.js';
import { createDevicesModule, type DevicesModule } from '../../hub/services/devices/devices-module.js';
import type { DeviceServiceOptions } from '../../hub/services/devices/device-service.js';
import type { AccessService } from '../../hub/services/access/access-service.js';
import type { Principal } from '../../hub/contract/principal.js';
import { addStaff, FIXTURE_SCRYPT } from './access-fixtures.js';
import type { HubContext } from '../../hub/context.js';
import type { TestContext } from './hub-context.js';

export const STORE = 'store-1';

/** MQTT topic filter match: '+' is one level, '#' the rest. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i += 1) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}

export interface Published {
  topic: string;
  payload: Buffer;
  retain: boolean;
}

/**
 * An in-process MessageBus with the broker's semantics that the registry relies on: wildcard
 * subscriptions by owner, retained messages replayed on subscribe (an empty retained payload clears
 * them). Every publish is recorded so tests can assert on what went to a till.
 */
export class FakeBus implements MessageBus {
  readonly published: Published[] = [];
  private readonly subs: {
    pattern: string;
    owner: string;
    handler: (topic: string, payload: Buffer) => void;
  }[] = [];
  private readonly retained = new Map<string, Buffer>();

  publish(topic: string, payload: unknown, options: { retain?: boolean } = {}): Promise<void> {
    const bytes = Buffer.isBuffer(payload) ? payload : Buffer.from(JSON.stringify(payload));
    const retain = options.retain === true;
    this.published.push({ topic, payload: bytes, retain });
    if (retain) {
      if (bytes.length === 0) this.retained.delete(topic);
      else this.retained.set(topic, bytes);
    }
    for (const sub of [...this.subs]) if (topicMatches(sub.pattern, topic)) sub.handler(topic, bytes);
    return Promise.resolve();
  }

  subscribe(
    pattern: string,
    owner: string,
    handler: (topic: string, payload: Buffer) => void,
  ): Promise<void> {
    this.subs.push({ pattern, owner, handler });
    for (const [topic, bytes] of this.retained) if (topicMatches(pattern, topic)) handler(topic, bytes);
    return Promise.resolve();
  }

  unsubscribeOwner(owner: string): Promise<void> {
    for (let i = this.subs.length - 1; i >= 0; i -= 1)
      if (this.subs[i]!.owner === owner) this.subs.splice(i, 1);
    return Promise.resolve();
  }

  subscriberCount(): number {
    return this.subs.length;
  }

  /** What was published on topics matching a filter, parsed as JSON. */
  sent(filter: string): unknown[] {
    return this.published
      .filter((p) => topicMatches(filter, p.topic) && p.payload.length > 0)
      .map((p) => JSON.parse(p.payload.toString()) as unknown);
  }

  /** Plays a device: answers each command on devices/<id>/cmd with what reply() returns (null: silence). */
  answer(
    deviceId: string,
    reply: (command: { id: string; action: string; args: Record<string, unknown> }) => unknown,
  ): void {
    void this.subscribe(`pos/${STORE}/devices/${deviceId}/cmd`, `device:${deviceId}`, (_topic, payload) => {
      const command = JSON.parse(payload.toString()) as {
        id: string;
        action: string;
        args: Record<string, unknown>;
      };
      const answer = reply(command);
      if (answer !== null) {
        queueMicrotask(() => void this.publish(`pos/${STORE}/devices/${deviceId}/reply`, answer));
      }
    });
  }
}

export class FakeControl implements BrokerControl {
  readonly disconnected: { kind: BrokerClientKind; id: string }[] = [];
  disconnect(kind: BrokerClientKind, id: string): void {
    this.disconnected.push({ kind, id });
  }
}

export interface DevicesFixture {
  module: DevicesModule;
  bus: FakeBus;
  control: FakeControl;
}

/** The registry on a test context, started on a FakeBus, with cheap scrypt and a short command timeout. */
export async function startDevices(
  ctx: TestContext,
  access: AccessService,
  options: Partial<DeviceServiceOptions> = {},
): Promise<DevicesFixture> {
  const module = createDevicesModule(ctx, {
    storeId: STORE,
    access,
    scrypt: FIXTURE_SCRYPT,
    commandTimeoutMs: 300,
    ...options,
  });
  const bus = new FakeBus();
  const control = new FakeControl();
  await module.start({ bus, control });
  return { module, bus, control };
}

export interface DevicesOnBroker {
  module: DevicesModule;
  broker: RunningBroker;
}

/** The registry as the directory of a real broker on a free port (2 s command timeout), both started: stop the module, then close the broker. */
export async function startDevicesOnBroker(
  ctx: TestContext,
  access: AccessService,
): Promise<DevicesOnBroker> {
  const module = createDevicesModule(ctx, {
    storeId: STORE,
    access,
    scrypt: FIXTURE_SCRYPT,
    commandTimeoutMs: 2000,
  });
  const broker = await startBroker({
    storeId: STORE,
    host: '127.0.0.1',
    port: 0,
    mayMove: false,
    directory: module.service,
    bus: ctx.bus,
    log: () => undefined,
    version: 't',
    startedAt: new Date().toISOString(),
  });
  await module.start({ bus: broker.messageBus, control: broker.control });
  return { module, broker };
}

/** A device's retained state as a driver host publishes it. */
export function deviceState(online = true, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    online,
    status: 'ok',
    model: 'TM-T20III',
    profile: 'epson-tm-t20iii',
    firmware: '1.0',
    errors: [],
    counters: { printed: 3 },
    detail: {},
    at: '2026-06-01T09:00:00.000Z',
    ...extra,
  };
}

export const PRINTER_TCP = { type: 'tcp', host: '192.168.1.50', port: 9100 } as const;
export const SERIAL_9600 = {
  type: 'serial',
  path: '/dev/ttyUSB0',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
} as const;

/** The principal of an admin session, for service-level tests. */
export function adminPrincipal(access: AccessService, login: string, password: string): Principal {
  const { token } = access.sessions.loginAdmin({ login, password }, '127.0.0.1');
  return access.resolvePrincipal({ cookie: token }, '127.0.0.1');
}

export const TECH_LOGIN = 'tech';
export const TECH_PASSWORD = 'tech-password-1';

/**
 * The technician who adopts and looks after devices (the manager may too): a technician with an admin
 * login. Returns the staff id.
 */
export function addTechnician(ctx: HubContext): string {
  return addStaff(ctx, {
    name: 'Tove Technician',
    role: 'technician',
    login: TECH_LOGIN,
    password: TECH_PASSWORD,
  });
}

/** A shipped firmware profile per kind (drawers have none; any slug is accepted). */
export const PROFILE_OF = {
  printer: 'epson-tm-t20iii',
  drawer: 'cash-drawer',
  scale: 'mettler-toledo-ariva-s',
  scanner: 'honeywell-voyager-1450g',
  display: 'epson-dm-d110',
  terminal: 'adyen-v400m',
} as const;
