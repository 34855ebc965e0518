// Broker throughput and end-to-end latency with 200 device connections, our broker (startBroker: aedes
// with the hub's deny-by-default hooks, ACL and contract schema check) beside a spare Mosquitto in the same
// run. Each device publishes valid scan events on its own pos/<store>/devices/<id>/event topic, at a fixed
// aggregate rate and flat out, at QoS 0 and QoS 1; one till subscriber receives them all. Latency is send
// time (in the payload) to arrival at the subscriber; throughput is messages delivered per second.
//
// Three processes besides the brokers' own: this one (orchestrator and the till subscriber),
// broker-load.ts (the publishing devices) and broker-host.ts (our broker). Mosquitto runs from a temp
// config on a free port. All of them share the machine's cores.
//
//   npx tsx scripts/bench/broker.ts
//   BENCH_BROKER_SECONDS=20 BENCH_BROKER_RATE=5000 npx tsx scripts/bench/broker.ts
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { MQTT_LIMITS } from '../../hub/contract/mqtt.js';
import { describeError, intFromEnv, printHeader, runMain } from './env.js';
import { cpuMs, mosquittoVersion, startSpareMosquitto, type SpareMosquitto } from './broker-mosquitto.js';
import { mayReadTopic } from '../../hub/mqtt/acl.js';
import { malformedReason } from '../../hub/mqtt/payload-check.js';
import {
  BENCH_STORE,
  BENCH_TILL,
  BENCH_TILL_TOKEN,
  assertValidScan,
  benchDevices,
  eventTopic,
  readScan,
  scanPayload,
  type FromHost,
  type FromLoad,
  type LoadMode,
  type Qos,
  type ToHost,
  type ToLoad,
} from './broker-protocol.js';
import { formatMs, printFigure, summarize, type Summary } from './stats.js';

const DEVICES = intFromEnv('BENCH_BROKER_DEVICES', 200);
const SECONDS = intFromEnv('BENCH_BROKER_SECONDS', 10);
const RATE = intFromEnv('BENCH_BROKER_RATE', 1_000);
const MAX_MESSAGES = intFromEnv('BENCH_BROKER_MAX_MESSAGES', 60_000);
const WINDOW = intFromEnv('BENCH_BROKER_WINDOW', 4);
const WARMUP_SECONDS = intFromEnv('BENCH_BROKER_WARMUP_SECONDS', 2);
const CONNECT_LIMIT = intFromEnv('BENCH_BROKER_CONNECT_LIMIT', 10_000);
/** How long the subscriber may stay quiet after the publishers finished before a run counts as over. */
const QUIET_MS = 2_000;
const DRAIN_MAX_MS = 60_000;

const HERE = import.meta.dirname;
/** A benchmark helper in a node process of its own, with tsx's loader and an IPC channel. */
function forkHelper(file: string, env: Record<string, string> = {}): ChildProcess {
  return fork(join(HERE, file), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
}

type BrokerName = 'ours' | 'mosquitto';
interface Target {
  name: BrokerName;
  url: string;
  pid: number | undefined;
  subscriber: MqttClient;
}

interface Result {
  sent: number;
  acked: number;
  delivered: number;
  offeredPerS: number;
  deliveredPerS: number;
  latency: Summary;
  cpuMs: number | null;
  /** Publishing time, as the load process saw it. */
  seconds: number;
  /** From the run request to the last delivery (or giving up waiting): what the broker CPU is spread over. */
  wallSeconds: number;
  firstError: string;
}

/** Waits for the next IPC message of a child that satisfies `pick`, failing on a 'failed' one or an exit. */
function nextMessage<R>(
  child: ChildProcess,
  pick: (message: FromHost | FromLoad) => R | undefined,
  timeoutMs: number,
  what: string,
): Promise<R> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (raw: unknown) => {
      const message = raw as FromHost | FromLoad;
      if (message.type === 'failed') {
        cleanup();
        reject(new Error(`${what}: ${message.error}`));
        return;
      }
      const value = pick(message);
      if (value !== undefined) {
        cleanup();
        resolve(value);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`${what}: the process exited (${String(code)})`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`${what}: no answer in ${String(timeoutMs)} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess, message: ToHost | ToLoad): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.send(message);
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** What the till subscriber has received in the current run. */
class Receiver {
  run = 0;
  count = 0;
  latencies = new Float64Array(0);
  minSentNs = 0n;
  lastArrivalNs = 0n;
  other = 0;

  begin(run: number, capacity: number): void {
    this.run = run;
    this.count = 0;
    this.other = 0;
    this.latencies = new Float64Array(capacity);
    this.minSentNs = 0n;
    this.lastArrivalNs = 0n;
  }

  onMessage = (_topic: string, payload: Buffer): void => {
    const now = process.hrtime.bigint();
    const scan = readScan(payload);
    if (scan?.run !== this.run) {
      this.other += 1;
      return;
    }
    if (this.count < this.latencies.length) this.latencies[this.count] = Number(now - scan.sentNs) / 1e6;
    this.count += 1;
    if (this.minSentNs === 0n || scan.sentNs < this.minSentNs) this.minSentNs = scan.sentNs;
    this.lastArrivalNs = now;
  };
}

async function connectSubscriber(url: string, receiver: Receiver, devices: string[]): Promise<MqttClient> {
  const client = await mqtt.connectAsync(
    url,
    {
      clientId: `till:${BENCH_TILL}:bench`,
      username: `till:${BENCH_TILL}`,
      password: BENCH_TILL_TOKEN,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    },
    false,
  );
  client.on('message', receiver.onMessage);
  // One filter per assigned device, as a till subscribes (our ACL grants no wildcard over other devices).
  // QoS 1 subscription: QoS 0 publishes arrive at QoS 0, QoS 1 publishes at QoS 1.
  const granted = await client.subscribeAsync(devices.map(eventTopic), { qos: 1 });
  const refused = granted.filter((g) => g.qos !== 1);
  if (refused.length > 0) throw new Error(`${String(refused.length)} subscriptions refused at ${url}`);
  return client;
}

async function measure(
  load: ChildProcess,
  target: Target,
  receivers: Map<BrokerName, Receiver>,
  run: number,
  qos: Qos,
  mode: LoadMode,
  seconds: number,
): Promise<Result> {
  const receiver = receivers.get(target.name)!;
  const maxMessages = mode === 'rate' ? Math.min(MAX_MESSAGES, RATE * seconds) : MAX_MESSAGES;
  receiver.begin(run, maxMessages);
  const cpuBefore = cpuMs(target.pid);
  const wallStart = process.hrtime.bigint();
  const request: ToLoad = {
    type: 'run',
    broker: target.name,
    run,
    qos,
    mode,
    rate: RATE,
    seconds,
    maxMessages,
    window: WINDOW,
  };
  const ran = nextMessage<Extract<FromLoad, { type: 'ran' }>>(
    load,
    (m) => (m.type === 'ran' && m.run === run ? m : undefined),
    (seconds + 60) * 1000,
    `run ${String(run)}`,
  );
  load.send(request);
  const done = await ran;
  // Wait until the subscriber has everything that was sent, or has been quiet for a while.
  const drainStart = Date.now();
  let lastCount = -1;
  let quietSince = Date.now();
  while (receiver.count < done.sent && Date.now() - drainStart < DRAIN_MAX_MS) {
    if (receiver.count !== lastCount) {
      lastCount = receiver.count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > QUIET_MS) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const cpuAfter = cpuMs(target.pid);
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const samples = Array.from(
    receiver.latencies.subarray(0, Math.min(receiver.count, receiver.latencies.length)),
  );
  const spanS = Number(receiver.lastArrivalNs - receiver.minSentNs) / 1e9;
  return {
    sent: done.sent,
    acked: done.completed,
    delivered: receiver.count,
    offeredPerS: done.sent / done.seconds,
    deliveredPerS: spanS > 0 ? receiver.count / spanS : 0,
    latency: summarize(samples),
    cpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    seconds: done.seconds,
    wallSeconds,
    firstError: done.firstError,
  };
}

function printResult(name: string, r: Result): void {
  const cpu =
    r.cpuMs === null
      ? 'n/a'
      : `${((r.cpuMs / 1000 / r.wallSeconds) * 100).toFixed(0)}% of a core, ${((r.cpuMs * 1000) / Math.max(1, r.delivered)).toFixed(1)} µs/msg`;
  printFigure(
    `  ${name}`,
    `${r.deliveredPerS.toFixed(0).padStart(6)} msg/s delivered  p50 ${formatMs(r.latency.p50).padStart(9)}  p95 ${formatMs(r.latency.p95).padStart(9)}  p99 ${formatMs(r.latency.p99).padStart(9)}  max ${formatMs(r.latency.max).padStart(9)}`,
  );
  printFigure(
    '',
    `sent ${String(r.sent)} in ${r.seconds.toFixed(1)} s (${r.offeredPerS.toFixed(0)}/s), last delivery ${r.wallSeconds.toFixed(1)} s after start, completed at sender ${String(r.acked)}, delivered ${String(r.delivered)}${r.delivered < r.sent ? ` (${String(r.sent - r.delivered)} lost)` : ''}; broker CPU ${cpu}`,
  );
  if (r.firstError) printFigure('', `first error: ${r.firstError}`);
}

function ratio(a: number, b: number): string {
  if (!(b > 0) || !Number.isFinite(a)) return 'n/a';
  const r = a / b;
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

/**
 * What our broker does per message besides aedes' own work, timed in this process: the contract schema
 * check of every PUBLISH, and the ACL check of every delivery to a till as authorizeForward runs it (the
 * topic parsed once, the device looked up in the till's cached set of readable devices).
 */
function hookCosts(deviceIds: string[]): { schemaUs: number; forwardUs: number } {
  const payload = Buffer.from(scanPayload(1, 1, process.hrtime.bigint(), new Date().toISOString()));
  const till = { kind: 'till', id: BENCH_TILL } as const;
  const time = (n: number, fn: (i: number) => unknown) => {
    for (let i = 0; i < Math.min(n, 200); i++) fn(i);
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    return Number(process.hrtime.bigint() - start) / 1e3 / n;
  };
  const schemaUs = time(20_000, () => malformedReason('event', payload));
  const readable = new Set(deviceIds);
  const topics = deviceIds.map(eventTopic);
  const forwardUs = time(200_000, (i) =>
    mayReadTopic(till, BENCH_STORE, topics[i % topics.length]!, () => readable),
  );
  return { schemaUs, forwardUs };
}

function printRatio(ours: Result, theirs: Result): void {
  printFigure(
    '  ratio ours/mosquitto',
    `throughput ${ratio(ours.deliveredPerS, theirs.deliveredPerS)}  p50 ${ratio(ours.latency.p50, theirs.latency.p50)}  p95 ${ratio(ours.latency.p95, theirs.latency.p95)}  p99 ${ratio(ours.latency.p99, theirs.latency.p99)}  (throughput > 1 and latency < 1 favour ours)`,
  );
}

async function main(): Promise<void> {
  assertValidScan();
  printHeader(`MQTT broker, ${String(DEVICES)} devices: ours (aedes + hub hooks) vs Mosquitto, same run`, {
    mosquitto: mosquittoVersion(),
    devices: `${String(DEVICES)} MQTT.js 3.1.1 clients (one process), each publishing valid scan events on its own pos/<store>/devices/<id>/event topic`,
    subscriber: `one till (MQTT.js, another process) subscribed to the ${String(DEVICES)} event topics at QoS 1`,
    'fixed rate': `${String(RATE)} msg/s across all devices for ${String(SECONDS)} s (max ${String(Math.min(MAX_MESSAGES, RATE * SECONDS))} messages)`,
    'flat out': `each device keeps ${String(WINDOW)} publishes outstanding (written at QoS 0, PUBACKed at QoS 1) for ${String(SECONDS)} s or ${String(MAX_MESSAGES)} messages`,
    warm_up: `${String(WARMUP_SECONDS)} s at the fixed rate, QoS 1, per broker, not recorded`,
    ours: `startBroker in its own process, in-memory directory (plain secret compare), default limits (topic levels ${String(MQTT_LIMITS.maxTopicLevels)}, payload ${String(MQTT_LIMITS.maxPayloadBytes)} B) EXCEPT connect attempts per minute per address raised from ${String(MQTT_LIMITS.maxConnectAttemptsPerMinutePerAddress)} to ${String(CONNECT_LIMIT)} (all clients come from 127.0.0.1)`,
    latency:
      "hrtime at publish (in the payload) to the subscriber's message event, CLOCK_MONOTONIC across processes",
    throughput: 'messages delivered / (last arrival - first send)',
  });

  const devices = benchDevices(DEVICES);
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  let mosquitto: SpareMosquitto | null = null;
  let host: ChildProcess | null = null;
  let load: ChildProcess | null = null;
  const subscribers: MqttClient[] = [];
  try {
    host = forkHelper('broker-host.ts', {
      BENCH_HOST_DEVICES: String(DEVICES),
      BENCH_HOST_CONNECT_LIMIT: String(CONNECT_LIMIT),
    });
    children.push(host);
    const oursPort = await nextMessage<number>(
      host,
      (m) => (m.type === 'ready' ? m.port : undefined),
      60_000,
      'our broker',
    );
    mosquitto = await startSpareMosquitto();
    printFigure('spare mosquitto config', mosquitto.config.trim().split('\n').join('; '));
    load = forkHelper('broker-load.ts');
    children.push(load);

    const receivers = new Map<BrokerName, Receiver>([
      ['ours', new Receiver()],
      ['mosquitto', new Receiver()],
    ]);
    const targets: Target[] = [];
    for (const [name, port, pid] of [
      ['ours', oursPort, host.pid],
      ['mosquitto', mosquitto.port, mosquitto.child.pid],
    ] as const) {
      const url = `mqtt://127.0.0.1:${String(port)}`;
      const subscriber = await connectSubscriber(
        url,
        receivers.get(name)!,
        devices.map((d) => d.id),
      );
      subscribers.push(subscriber);
      const connected = nextMessage<number>(
        load,
        (m) => (m.type === 'connected' && m.broker === name ? m.ms : undefined),
        120_000,
        `connecting to ${name}`,
      );
      load.send({ type: 'connect', broker: name, url, devices } satisfies ToLoad);
      printFigure(
        `connect ${String(DEVICES)} devices, ${name}`,
        `${((await connected) / 1000).toFixed(2)} s (20 at a time)`,
      );
      targets.push({ name, url, pid, subscriber });
    }

    let run = 0;
    for (const target of targets) {
      await measure(load, target, receivers, ++run, 1, 'rate', WARMUP_SECONDS);
    }

    const configs: { qos: Qos; mode: LoadMode; label: string }[] = [
      { qos: 0, mode: 'rate', label: `QoS 0, fixed ${String(RATE)} msg/s` },
      { qos: 0, mode: 'flat', label: 'QoS 0, flat out' },
      { qos: 1, mode: 'rate', label: `QoS 1, fixed ${String(RATE)} msg/s` },
      { qos: 1, mode: 'flat', label: 'QoS 1, flat out' },
    ];
    const summary: string[] = [];
    for (const [index, config] of configs.entries()) {
      // Alternate which broker goes first, so neither always runs on a fresher machine.
      const order = index % 2 === 0 ? targets : [...targets].reverse();
      const results = new Map<BrokerName, Result>();
      for (const target of order) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        results.set(
          target.name,
          await measure(load, target, receivers, ++run, config.qos, config.mode, SECONDS),
        );
      }
      const ours = results.get('ours')!;
      const theirs = results.get('mosquitto')!;
      process.stdout.write(`\n${config.label}\n`);
      printResult('ours', ours);
      printResult('mosquitto', theirs);
      printRatio(ours, theirs);
      summary.push(
        `${config.label.padEnd(26)} ours ${ours.deliveredPerS.toFixed(0)}/s p50 ${formatMs(ours.latency.p50)} p99 ${formatMs(ours.latency.p99)} | mosquitto ${theirs.deliveredPerS.toFixed(0)}/s p50 ${formatMs(theirs.latency.p50)} p99 ${formatMs(theirs.latency.p99)} | ratio thr ${ratio(ours.deliveredPerS, theirs.deliveredPerS)} p50 ${ratio(ours.latency.p50, theirs.latency.p50)} p99 ${ratio(ours.latency.p99, theirs.latency.p99)}`,
      );
    }

    const stats = nextMessage<Extract<FromHost, { type: 'stats' }>>(
      host,
      (m) => (m.type === 'stats' ? m : undefined),
      10_000,
      'our broker stats',
    );
    host.send({ type: 'stats' } satisfies ToHost);
    const { stats: brokerStats, logs } = await stats;
    const s = brokerStats as Record<string, unknown>;
    process.stdout.write('\nsummary\n');
    for (const line of summary) process.stdout.write(`  ${line}\n`);
    printFigure(
      '\nour broker drops (should be empty)',
      JSON.stringify({
        malformed: s.malformed,
        deniedPublishes: s.deniedPublishes,
        rateLimited: s.rateLimited,
      }),
    );
    if (logs.length > 0) printFigure('our broker log', logs.join('\n  '));
    const costs = hookCosts(devices.map((d) => d.id));
    printFigure('our hooks, per PUBLISH: schema check', `${costs.schemaUs.toFixed(1)} µs (JSON.parse + zod)`);
    printFigure(
      'our hooks, per delivery: forward ACL check',
      `${costs.forwardUs.toFixed(2)} µs (mayReadTopic: parse the topic, look the device up in the till's set of ${String(DEVICES)})`,
    );
  } finally {
    await Promise.all(subscribers.map((c) => c.endAsync(true).catch(() => undefined)));
    if (load)
      await stopChild(load, { type: 'close' }).catch((e: unknown) =>
        process.stderr.write(`${describeError(e)}\n`),
      );
    if (host)
      await stopChild(host, { type: 'close' }).catch((e: unknown) =>
        process.stderr.write(`${describeError(e)}\n`),
      );
    if (mosquitto) await mosquitto.stop();
    process.removeListener('exit', killAll);
  }
}

runMain(main);
