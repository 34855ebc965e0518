import { Aedes, type Client } from 'aedes';
import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { MQTT_LIMITS, topics, type HubStatePayload } from '../contract/mqtt.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../http/error-handler.js';
import { bindPort } from '../net/listen.js';
import { Connections } from './connections.js';
import { count, emptyStats, type BrokerStats } from './counters.js';
import { bridgeEvents } from './event-bridge.js';
import { createHooks } from './hooks.js';
import { identityKey } from './identity.js';
import { AedesMessageBus } from './message-bus.js';
import { AttemptLimiter } from './rate-limit.js';
import { ReadableDevices } from './readable-devices.js';
import {
  OpenSockets,
  attachWebSocketTransport,
  createTcpTransport,
  type TransportDeps,
} from './transports.js';
import type { BrokerControl, BrokerDirectory, MessageBus } from './types.js';

export const MQTT_WS_PATH = '/mqtt';

export interface BrokerLimits {
  maxTopicLevels: number;
  maxPayloadBytes: number;
  maxConnectAttemptsPerMinutePerAddress: number;
}

export interface BrokerOptions {
  storeId: string;
  /** TCP listener for devices (HUB_MQTT_PORT); port 0 picks a free one (tests). */
  host: string;
  port: number;
  /** A taken port may move to a free one (demo with a default port), as bindPort decides. */
  mayMove: boolean;
  /** The hub's HTTP server, to serve MQTT over WebSocket at /mqtt; or attach later with attachWebSocket. */
  httpServer?: HttpServer | null;
  directory: BrokerDirectory;
  bus: EventBus;
  log: Logger;
  version: string;
  startedAt: string;
  /** Defaults to MQTT_LIMITS from the contract; tests lower them. */
  limits?: Partial<BrokerLimits>;
}

export interface RunningBroker {
  port: number;
  movedFrom: number | null;
  messageBus: MessageBus;
  control: BrokerControl;
  /** Serves MQTT over WebSocket at /mqtt on an HTTP server; returns the detach function. */
  attachWebSocket(server: HttpServer): () => void;
  stats(): BrokerStats;
  /** Publishes hub offline (retained), disconnects everyone, stops listening. */
  close(): Promise<void>;
}

/**
 * The embedded broker: aedes with deny-by-default hooks, MQTT over TCP and WebSocket, the in-process
 * MessageBus for hub services, hub state and the domain-event bridge. Retained messages and QoS 1
 * sessions live in aedes' memory store: after a hub restart they are gone, which is fine because
 * devices republish their state on every (re)connect and the hub republishes its own.
 */
export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const limits: BrokerLimits = { ...MQTT_LIMITS, ...options.limits };
  const { log, storeId: store } = options;
  const stats = emptyStats();
  const connections = new Connections();
  const addresses = new WeakMap<Duplex, string>();
  const addressOf = (client: Client) => addresses.get(client.conn) ?? 'unknown';

  const readable = new ReadableDevices(options.directory);
  const unfollow = readable.follow(options.bus);
  const hooks = createHooks({
    store,
    directory: options.directory,
    readable,
    connections,
    stats,
    limiter: new AttemptLimiter(limits.maxConnectAttemptsPerMinutePerAddress),
    maxPayloadBytes: limits.maxPayloadBytes,
    addressOf,
    log,
  });
  const broker = new Aedes({
    ...hooks,
    maxTopicLevels: limits.maxTopicLevels,
    // aedes' default (100) caps how many publishes mqemitter delivers at once and queues the rest in an
    // array it drains with shift(), one per finished delivery: past ~16k queued messages each shift copies
    // the whole queue (quadratic), and while 100 deliveries wait for one slow till's socket to drain, every
    // other client's messages wait too. What bounds memory is elsewhere and stays: aedes reads a client's
    // next packets only once all of its previous ones are delivered, and a socket that does not drain in
    // drainTimeout (60 s) is closed.
    concurrency: 0,
  });
  await broker.listen();
  broker.on('clientDisconnect', (client) => {
    connections.remove(client);
  });
  broker.on('clientError', (client, error) => {
    connections.remove(client);
    if (error.message === 'topic has too many levels') {
      const identity = connections.identityOf(client);
      count(stats.limitViolations, 'topic_too_deep', identity ? identityKey(identity) : null);
    }
  });

  const open = new OpenSockets();
  const transport: TransportDeps = {
    accept(connection, address, request) {
      addresses.set(connection, address);
      broker.handle(connection, request);
    },
    maxPayloadBytes: limits.maxPayloadBytes,
    onTooLarge(address, error) {
      count(stats.limitViolations, 'packet_too_large', null);
      log('warn', 'mqtt connection closed: packet too large', { address, bytes: error.size });
    },
  };
  const tcp = createTcpTransport(transport, open);
  let bound;
  try {
    bound = await bindPort(tcp, {
      setting: 'HUB_MQTT_PORT',
      host: options.host,
      port: options.port,
      mayMove: options.mayMove,
    });
  } catch (error) {
    unfollow();
    await new Promise<void>((resolve) => {
      broker.close(resolve);
    });
    throw error;
  }

  const detachers: (() => void)[] = [];
  const attachWebSocket = (server: HttpServer) => {
    const detach = attachWebSocketTransport(server, MQTT_WS_PATH, transport, open);
    detachers.push(detach);
    return detach;
  };
  if (options.httpServer) attachWebSocket(options.httpServer);

  const messageBus = new AedesMessageBus(broker, log);
  const hubState = (online: boolean): HubStatePayload => ({
    online,
    version: options.version,
    startedAt: options.startedAt,
  });
  await messageBus.publish(topics.hubState(store), hubState(true), { retain: true, qos: 1 });
  const unbridge = bridgeEvents({ store, bus: options.bus, messageBus, control: connections, log });

  let closing: Promise<void> | null = null;
  const close = async () => {
    unbridge();
    unfollow();
    for (const detach of detachers.splice(0)) detach();
    const tcpClosed = new Promise<void>((resolve) => {
      tcp.close(() => {
        resolve();
      });
    });
    await messageBus.publish(topics.hubState(store), hubState(false), { retain: true, qos: 1 });
    // Deliveries are written on the next turns of the event loop; let them reach the sockets first.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise<void>((resolve) => {
      broker.close(resolve);
    });
    open.destroyAll();
    await tcpClosed;
  };

  return {
    port: bound.port,
    movedFrom: bound.movedFrom,
    messageBus,
    control: connections,
    attachWebSocket,
    stats: () => ({ ...structuredClone(stats), connections: connections.counts() }),
    close: () => (closing ??= close()),
  };
}
