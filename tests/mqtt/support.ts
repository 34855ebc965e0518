import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { EventBus } from '../../hub/events/event-bus.js';
import type { Logger } from '../../hub/http/error-handler.js';
import { startBroker, type BrokerLimits, type RunningBroker } from '../../hub/mqtt/broker.js';
import type { BrokerDirectory } from '../../hub/mqtt/types.js';
import { perTest } from '../support/per-test.js';

export const STORE = 'store-1';
export const DEVICE_A = 'scale-1';
export const DEVICE_B = 'printer-1';
export const TILL = '0190a5d2-0000-7000-8000-000000000001';
export const OTHER_TILL = '0190a5d2-0000-7000-8000-000000000002';
export const DISPLAY = '0190a5d2-0000-7000-8000-0000000000d1';

/**
 * In-memory stand-in for the device registry: secrets in plain maps, assignments by till. Like the registry,
 * `assign` announces each device it moves with `device.changed` on the bus right after the change (the
 * broker keeps each till's readable devices cached until such an event).
 */
export class FakeDirectory implements BrokerDirectory {
  readonly devices = new Map<string, string>([
    [DEVICE_A, 'secret-a'],
    [DEVICE_B, 'secret-b'],
  ]);
  readonly tills = new Map<string, string>([
    [TILL, 'till-token'],
    [OTHER_TILL, 'other-token'],
  ]);
  readonly assigned = new Map<string, string[]>([[TILL, [DEVICE_A]]]);
  /** Customer displays: id -> [token, the till whose cart it reads]. */
  readonly displays = new Map<string, [string, string]>([[DISPLAY, ['display-token', TILL]]]);

  constructor(private readonly bus: EventBus) {}

  /** Gives a till exactly these devices, taking them from any other till, as the registry's update does. */
  assign(tillId: string, devices: string[]): void {
    const moved = new Set([...(this.assigned.get(tillId) ?? []), ...devices]);
    for (const [other, list] of this.assigned) {
      if (other !== tillId)
        this.assigned.set(
          other,
          list.filter((d) => !devices.includes(d)),
        );
    }
    this.assigned.set(tillId, devices);
    for (const deviceId of moved) {
      const holder = [...this.assigned].find(([, list]) => list.includes(deviceId));
      this.bus.emit({
        name: 'device.changed',
        payload: { deviceId, tillId: holder?.[0] ?? null, status: 'active' },
      });
    }
  }

  authenticateDevice(deviceId: string, secret: string): Promise<boolean> {
    return Promise.resolve(this.devices.get(deviceId) === secret);
  }
  authenticateTill(tillId: string, token: string): Promise<boolean> {
    return Promise.resolve(this.tills.get(tillId) === token);
  }
  authenticateDisplay(displayId: string, token: string): Promise<string | null> {
    const entry = this.displays.get(displayId);
    return Promise.resolve(entry?.[0] === token ? entry[1] : null);
  }
  devicesOfTill(tillId: string): readonly string[] {
    return this.assigned.get(tillId) ?? [];
  }
}

export interface LogLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface TestBroker {
  broker: RunningBroker;
  directory: FakeDirectory;
  bus: EventBus;
  http: Server;
  httpPort: number;
  logs: LogLine[];
  close(): Promise<void>;
}

/** A real broker on free ports with an HTTP server attached the way the hub attaches it. */
export async function startTestBroker(limits: Partial<BrokerLimits> = {}): Promise<TestBroker> {
  const bus = new EventBus();
  const directory = new FakeDirectory(bus);
  const logs: LogLine[] = [];
  const log: Logger = (level, message, fields = {}) => logs.push({ level, message, fields });
  const http = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const broker = await startBroker({
    storeId: STORE,
    host: '127.0.0.1',
    port: 0,
    mayMove: false,
    httpServer: http,
    directory,
    bus,
    log,
    version: '0.1.0',
    startedAt: '2026-06-01T09:00:00.000Z',
    limits,
  });
  const httpPort = (http.address() as AddressInfo).port;
  return {
    broker,
    directory,
    bus,
    http,
    httpPort,
    logs,
    close: async () => {
      await broker.close();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** startTestBroker() afresh for each test of the file, its clients ended and the broker closed after it. */
export function testBrokerPerTest(): TestBroker {
  return perTest(
    () => startTestBroker(),
    async (t) => {
      await endClients();
      await t.close();
    },
  );
}

const clients: MqttClient[] = [];

/** Ends every client a test opened. */
export async function endClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => c.endAsync(true)));
}

function base(options: IClientOptions): IClientOptions {
  return { reconnectPeriod: 0, connectTimeout: 5_000, protocolVersion: 4, ...options };
}

export async function connectTcp(t: TestBroker, options: IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${t.broker.port}`, base(options), false);
  clients.push(client);
  return client;
}

export async function connectWs(t: TestBroker, options: IClientOptions): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`ws://127.0.0.1:${t.httpPort}/mqtt`, base(options), false);
  clients.push(client);
  return client;
}

export const device = (id: string, secret: string): IClientOptions => ({
  clientId: id,
  username: id,
  password: secret,
});
export const display = (id: string, token: string): IClientOptions => ({
  clientId: `display:${id}`,
  username: `display:${id}`,
  password: token,
});
export const till = (id: string, token: string, tab = 'till'): IClientOptions => ({
  clientId: `till:${id}:${tab}`,
  username: `till:${id}`,
  password: token,
});

/** Collects what a client receives, as parsed JSON by topic. */
export function inbox(client: MqttClient): { topic: string; json: unknown; retain: boolean }[] {
  const received: { topic: string; json: unknown; retain: boolean }[] = [];
  client.on('message', (topic, payload, packet) => {
    received.push({ topic, json: JSON.parse(payload.toString()) as unknown, retain: packet.retain });
  });
  return received;
}

/** Polls until the check passes; tests wait on what a user would see, never on a fixed sleep. */
export async function eventually(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gives the broker time to deliver something that must NOT arrive (a negative check needs a wait). */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of Debian's mosquitto clients as an independent MQTT implementation. */
export function runMosquitto(program: 'mosquitto_pub' | 'mosquitto_sub', args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const deviceState = (online = true) => ({
  online,
  status: online ? 'ok' : 'offline',
  model: 'Ariva-S',
  profile: 'mettler-ariva-s',
  firmware: null,
  at: '2026-06-01T09:00:00.000Z',
});

export const scan = (data: string) => ({
  type: 'scan',
  data,
  symbology: null,
  at: '2026-06-01T09:00:00.000Z',
});
