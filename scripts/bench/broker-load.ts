// The publishing side of the broker benchmark, in a process of its own so the subscriber's clock reading
// is not delayed by the publishers' loop: N MQTT.js clients per broker, each connected as one benchmark
// device (client id = username = device id), publishing scans on its own event topic either at a fixed
// aggregate rate or flat out with a bounded window per client. Driven by broker.ts over fork() IPC.
import mqtt, { type MqttClient } from 'mqtt';
import { describeError } from './env.js';
import { eventTopic, scanPayload, type BenchDevice, type FromLoad, type ToLoad } from './broker-protocol.js';

interface Publisher {
  client: MqttClient;
  topic: string;
  inflight: number;
  scheduled: boolean;
}

const CONNECT_CONCURRENCY = 20;
const DRAIN_TIMEOUT_MS = 15_000;

const fleets = new Map<string, Publisher[]>();

function send(message: FromLoad): void {
  process.send?.(message);
}

async function connectFleet(url: string, devices: BenchDevice[]): Promise<Publisher[]> {
  const publishers: Publisher[] = [];
  for (let i = 0; i < devices.length; i += CONNECT_CONCURRENCY) {
    const batch = devices.slice(i, i + CONNECT_CONCURRENCY);
    const clients = await Promise.all(
      batch.map((d) =>
        mqtt.connectAsync(
          url,
          {
            clientId: d.id,
            username: d.id,
            password: d.secret,
            protocolVersion: 4,
            clean: true,
            reconnectPeriod: 0,
            connectTimeout: 10_000,
            keepalive: 60,
          },
          false,
        ),
      ),
    );
    clients.forEach((client, j) => {
      const device = batch[j]!;
      publishers.push({ client, topic: eventTopic(device.id), inflight: 0, scheduled: false });
    });
  }
  return publishers;
}

async function run(message: Extract<ToLoad, { type: 'run' }>): Promise<void> {
  const publishers = fleets.get(message.broker);
  if (!publishers) throw new Error(`not connected to ${message.broker}`);
  const { qos, run: runId } = message;
  let sent = 0;
  let completed = 0;
  let errors = 0;
  let firstError = '';
  let at = new Date().toISOString();
  const atTimer = setInterval(() => (at = new Date().toISOString()), 100);
  const start = process.hrtime.bigint();
  const endNs = start + BigInt(message.seconds) * 1_000_000_000n;
  const limit =
    message.mode === 'rate'
      ? Math.min(message.maxMessages, message.rate * message.seconds)
      : message.maxMessages;
  let stopped = false;
  let stoppedAt = start;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stoppedAt = process.hrtime.bigint();
  };

  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const settleCheck = () => {
    if (stopped && completed + errors >= sent) allDone();
  };

  const publishOne = (p: Publisher, onDone: () => void) => {
    const sentNs = process.hrtime.bigint();
    sent += 1;
    p.inflight += 1;
    p.client.publish(p.topic, scanPayload(runId, sent, sentNs, at), { qos }, (error) => {
      p.inflight -= 1;
      if (error) {
        errors += 1;
        firstError ||= describeError(error);
      } else {
        completed += 1;
      }
      onDone();
      settleCheck();
    });
  };

  if (message.mode === 'rate') {
    // One scheduler for all clients: every tick publishes what is due by now, round robin.
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const now = process.hrtime.bigint();
        if (now >= endNs || sent >= limit) {
          clearInterval(tick);
          stop();
          resolve();
          return;
        }
        const due = Math.min(limit, Math.floor((Number(now - start) / 1e9) * message.rate)) - sent;
        for (let i = 0; i < due; i++) {
          const p = publishers[next]!;
          next = (next + 1) % publishers.length;
          publishOne(p, () => undefined);
        }
      }, 2);
    });
  } else {
    // Flat out: each client keeps `window` publishes outstanding (written at QoS 0, PUBACKed at QoS 1).
    const pump = (p: Publisher) => {
      p.scheduled = false;
      let budget = message.window;
      while (!stopped && p.inflight < message.window && budget-- > 0) {
        if (sent >= limit || process.hrtime.bigint() >= endNs) {
          stop();
          break;
        }
        publishOne(p, () => {
          if (!p.scheduled && !stopped) {
            p.scheduled = true;
            setImmediate(() => pump(p));
          }
        });
      }
    };
    for (const p of publishers) pump(p);
    await new Promise<void>((resolve) => {
      const watch = setInterval(() => {
        if (process.hrtime.bigint() >= endNs || sent >= limit) {
          clearInterval(watch);
          stop();
          resolve();
        }
      }, 5);
    });
  }
  settleCheck();
  const drained = await Promise.race([
    finished.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS)),
  ]);
  clearInterval(atTimer);
  if (!drained)
    firstError ||= `${String(sent - completed - errors)} publishes not completed after ${String(DRAIN_TIMEOUT_MS)} ms`;
  send({
    type: 'ran',
    run: runId,
    sent,
    completed,
    errors,
    seconds: Number(stoppedAt - start) / 1e9,
    firstError,
  });
}

async function closeAll(): Promise<void> {
  const all = [...fleets.values()].flat();
  fleets.clear();
  await Promise.all(all.map((p) => p.client.endAsync(true).catch(() => undefined)));
}

process.on('message', (message: ToLoad) => {
  const handle = async () => {
    switch (message.type) {
      case 'connect': {
        const start = process.hrtime.bigint();
        fleets.set(message.broker, await connectFleet(message.url, message.devices));
        send({
          type: 'connected',
          broker: message.broker,
          ms: Number(process.hrtime.bigint() - start) / 1e6,
        });
        return;
      }
      case 'run':
        await run(message);
        return;
      case 'close':
        await closeAll();
        if (process.connected) process.disconnect();
        process.exit(0);
    }
  };
  handle().catch((error: unknown) => {
    send({ type: 'failed', error: describeError(error) });
  });
});
// The orchestrator died without saying so: do not outlive it.
process.on('disconnect', () => {
  void closeAll().finally(() => process.exit(0));
});
