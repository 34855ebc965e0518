// Our broker for the broker benchmark, in a process of its own (as Mosquitto is): startBroker on a free
// loopback port with an in-memory BrokerDirectory of the benchmark devices and one till assigned them
// all. Default limits except the per-address connect rate, raised because every client comes from
// 127.0.0.1 (given by the orchestrator). Started by broker.ts with fork(); stops when told or when the
// orchestrator goes away.
import { EventBus } from '../../hub/events/event-bus.js';
import type { Logger } from '../../hub/http/error-handler.js';
import { startBroker } from '../../hub/mqtt/broker.js';
import type { BrokerDirectory } from '../../hub/mqtt/types.js';
import { describeError } from './env.js';
import {
  BENCH_STORE,
  BENCH_TILL,
  BENCH_TILL_TOKEN,
  benchDevices,
  type FromHost,
  type ToHost,
} from './broker-protocol.js';

const DEVICES = Number(process.env.BENCH_HOST_DEVICES ?? '200');
const CONNECT_LIMIT = Number(process.env.BENCH_HOST_CONNECT_LIMIT ?? '10000');

function send(message: FromHost): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const devices = benchDevices(DEVICES);
  const secrets = new Map(devices.map((d) => [d.id, d.secret]));
  const ids = devices.map((d) => d.id);
  // Secrets compared as plain strings: the registry's scrypt check runs once per CONNECT, not per message.
  const directory: BrokerDirectory = {
    authenticateDevice: (id, secret) => Promise.resolve(secrets.get(id) === secret),
    authenticateTill: (id, token) => Promise.resolve(id === BENCH_TILL && token === BENCH_TILL_TOKEN),
    authenticateDisplay: () => Promise.resolve(null),
    devicesOfTill: (id) => (id === BENCH_TILL ? ids : []),
  };
  const logs: string[] = [];
  let logCount = 0;
  const log: Logger = (level, message, fields) => {
    logCount += 1;
    if (logs.length < 20) logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const broker = await startBroker({
    storeId: BENCH_STORE,
    host: '127.0.0.1',
    port: 0,
    mayMove: false,
    httpServer: null,
    directory,
    bus: new EventBus(),
    log,
    version: 'bench',
    startedAt: new Date().toISOString(),
    limits: { maxConnectAttemptsPerMinutePerAddress: CONNECT_LIMIT },
  });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await broker.close();
    if (process.connected) process.disconnect();
    process.exit(0);
  };
  process.on('message', (message: ToHost) => {
    if (message.type === 'stats') {
      send({
        type: 'stats',
        stats: broker.stats(),
        logs: logCount > logs.length ? [...logs, `(${String(logCount)} log lines in all)`] : logs,
      });
    } else {
      void close();
    }
  });
  // The orchestrator died without saying so: do not outlive it.
  process.on('disconnect', () => void close());
  process.on('SIGTERM', () => void close());
  send({ type: 'ready', port: broker.port });
}

main().catch((error: unknown) => {
  send({ type: 'failed', error: describeError(error) });
  process.exit(1);
});
