import { EventBus } from '../../../hub/events/event-bus.js';
import { startBroker, type RunningBroker } from '../../../hub/mqtt/broker.js';
import type { BrokerDirectory } from '../../../hub/mqtt/types.js';

export const STORE = 'store-1';

export interface Seen {
  topic: string;
  json: Record<string, unknown>;
}

/**
 * The hub's real broker on a free (or given) port, with device credentials from a map, and an in-process
 * subscriber recording every device message (retained ones first) the way hub services see them.
 */
export async function startHostBroker(credentials: Record<string, string>, port = 0) {
  const directory: BrokerDirectory = {
    authenticateDevice: (id, secret) => Promise.resolve(credentials[id] === secret),
    authenticateTill: () => Promise.resolve(false),
    authenticateDisplay: () => Promise.resolve(null),
    devicesOfTill: () => [],
  };
  const broker: RunningBroker = await startBroker({
    storeId: STORE,
    host: '127.0.0.1',
    port,
    mayMove: false,
    httpServer: null,
    directory,
    bus: new EventBus(),
    log: () => undefined,
    version: 'test',
    startedAt: new Date().toISOString(),
    // Reconnect tests connect often from one address; the per-address limit is tested by the broker's own.
    limits: { maxConnectAttemptsPerMinutePerAddress: 10_000 },
  });
  const seen: Seen[] = [];
  await broker.messageBus.subscribe(`pos/${STORE}/devices/#`, 'host-test', (topic, payload) => {
    try {
      seen.push({ topic, json: JSON.parse(payload.toString('utf8')) as Record<string, unknown> });
    } catch {
      seen.push({ topic, json: { raw: payload.toString('utf8') } });
    }
  });
  const on = (device: string, channel: 'state' | 'event' | 'reply') =>
    seen.filter((s) => s.topic === `pos/${STORE}/devices/${device}/${channel}`).map((s) => s.json);
  return {
    broker,
    url: `mqtt://127.0.0.1:${broker.port}`,
    port: broker.port,
    seen,
    on,
    lastState: (device: string) => on(device, 'state').at(-1),
    command: (device: string, payload: unknown) =>
      broker.messageBus.publish(`pos/${STORE}/devices/${device}/cmd`, payload, { qos: 1 }),
    close: () => broker.close(),
  };
}
