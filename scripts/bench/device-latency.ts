// Device-bus latency in the demo hub, in process: the hub with its simulated devices (HUB_DEMO=1, free
// ports, a temp data dir), a till paired over HTTP with its cashier logged in and a cash session open, and
// the till's MQTT-over-WebSocket client subscribed to pos/store/tills/<till>/events, as the e2e test does.
//
//   1. Scan to till: ScannerSimulator.scan() writes an EAN-13 (unique per scan) on its pty; the clock stops
//      when the till client receives the {type:'scan'} event with that data. Paced (one every
//      BENCH_SCAN_INTERVAL_MS, on a fixed schedule) and as a burst (every scan written back to back).
//      Path: socat pty -> serial scanner driver -> MQTT (TCP) -> broker -> device listener -> broker ->
//      WebSocket -> till client.
//   2. Print job to simulator: POST /sales/{id}/print (a COPY of a completed cash sale), one at a time,
//      until the printer simulator has cut the receipt (its receipts array grows; hooked, not polled) and
//      until waitForReceipts() resolves (after the simulator has also written the receipt's .txt file).
//      Also POST /sales/{id}/complete to the automatic receipt for a few fresh sales. The simulator draws
//      every receipt as a PNG too, as in the demo, in its worker thread after the .txt: it no longer
//      blocks the event loop everything shares (it did, for seconds a receipt, before). The last few
//      reprints (BENCH_PNG_PRINTS) are also timed to their .png written (waitForImages()).
//
// Everything (hub, drivers, simulators, till client) shares one node process and its event loop, so the
// figures include each other's work, as in the demo. Figures only; nothing is asserted.
//
//   npx tsx scripts/bench/device-latency.ts
//   BENCH_SCANS=300 BENCH_SCAN_INTERVAL_MS=20 BENCH_BURST_SCANS=200 BENCH_PRINTS=100 BENCH_SALE_PRINTS=10 \
//     npx tsx scripts/bench/device-latency.ts
import { connectAsync, type MqttClient } from 'mqtt';
import { loadConfig } from '../../hub/config.js';
import type { TillEventPayload } from '../../hub/contract/mqtt.js';
import { startHub, type RunningHub } from '../../hub/hub.js';
import { newId } from '../../hub/ids.js';
import type { PrinterSimulator } from '../../devices/sim/printer/simulator.js';
import type { SimReceipt } from '../../devices/sim/printer/receipt.js';
import { intFromEnv, makeBenchDir, printHeader, runMain } from './env.js';
import { TillClient } from './http-client.js';
import { elapsedMs, formatMs, printFigure, printSummary, summarize } from './stats.js';

const SCANS = intFromEnv('BENCH_SCANS', 300);
const SCAN_INTERVAL_MS = intFromEnv('BENCH_SCAN_INTERVAL_MS', 20);
const BURST_SCANS = intFromEnv('BENCH_BURST_SCANS', 200);
const PRINTS = intFromEnv('BENCH_PRINTS', 100);
const SALE_PRINTS = intFromEnv('BENCH_SALE_PRINTS', 10);
const PNG_PRINTS = intFromEnv('BENCH_PNG_PRINTS', 3);
const WARMUP = intFromEnv('BENCH_DEVICE_WARMUP', 10);
/** How long one scan or receipt may take before it counts as lost (scan) or fails the run (print). */
const WAIT_MS = intFromEnv('BENCH_DEVICE_WAIT_MS', 10_000);
/** The whole run is abandoned (and cleaned up) after this long. */
const RUN_LIMIT_S = intFromEnv('BENCH_DEVICE_LIMIT_S', 600);
const DEMO_BARCODE = '5712345000014';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A valid EAN-13 from an in-store (20) prefix and a serial number: unique data per scan. */
function ean13(serial: number): string {
  const body = `20${String(serial).padStart(10, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${String((10 - (sum % 10)) % 10)}`;
}

interface DemoTill {
  client: TillClient;
  tillId: string;
  token: string;
}

/** Pairs a till with the demo's pairing code, logs its cashier in and opens a cash session. */
async function pairTill(hub: RunningHub, baseUrl: string): Promise<DemoTill> {
  const demo = hub.modules.demo;
  if (!demo) throw new Error('the hub did not start as a demo');
  const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path} -> ${String(response.status)}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const ticket = await post<{ pairingSecret: string }>('/tills/pair', {
    name: 'Bench lane',
    code: demo.pairingCode,
  });
  const statusResponse = await fetch(`${baseUrl}/api/v1/tills/pair/status`, {
    headers: { 'x-pairing-secret': ticket.pairingSecret },
  });
  const status = (await statusResponse.json()) as { tillId?: string; token?: string };
  if (!status.tillId || !status.token) throw new Error(`pairing failed: ${JSON.stringify(status)}`);
  const cashier = demo.staff.find((s) => s.role === 'cashier');
  if (!cashier) throw new Error('the demo has no cashier');
  const client = new TillClient(baseUrl, {
    tillId: status.tillId,
    number: 1,
    token: status.token,
    staffId: cashier.id,
    pin: cashier.pin,
  });
  await client.login();
  await client.call('POST', '/cash-sessions', { id: newId(), totalMinor: 50_000 });
  return { client, tillId: status.tillId, token: status.token };
}

/** Scan arrivals at the till, matched by scan data to the scan waiting for them. */
class ScanInbox {
  private readonly waiting = new Map<string, (at: bigint) => void>();
  /** Scan events nobody was waiting for (a duplicate, or one that came after its wait ran out). */
  stray = 0;

  arrived(data: string, at: bigint): void {
    const wake = this.waiting.get(data);
    if (!wake) {
      this.stray++;
      return;
    }
    this.waiting.delete(data);
    wake(at);
  }

  /** Registered before the scan is written; resolves with its arrival time, or null after WAIT_MS. */
  arrival(data: string): Promise<bigint | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(data);
        resolve(null);
      }, WAIT_MS);
      this.waiting.set(data, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

interface ScanRun {
  latencies: number[];
  lost: number;
  wallMs: number;
}

/** Writes each scan at start + i * intervalMs (0: back to back) and times it to its arrival at the till. */
async function runScans(
  hub: RunningHub,
  inbox: ScanInbox,
  first: number,
  count: number,
  intervalMs: number,
): Promise<ScanRun> {
  const scanner = hub.simulators?.serial?.scanner.sim;
  if (!scanner) throw new Error('the demo has no serial scanner (socat missing?)');
  const pending: Promise<number | null>[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (intervalMs > 0) {
      const due = i * intervalMs - elapsedMs(start);
      if (due > 0) await sleep(due);
    }
    const data = ean13(first + i);
    const arrival = inbox.arrival(data);
    const sent = process.hrtime.bigint();
    const written = scanner.scan(data, ']E0');
    pending.push(arrival.then((at) => (at === null ? null : Number(at - sent) / 1e6)));
    // A failed write shows as a lost scan, not a crash of the run.
    written.catch(() => undefined);
    if (intervalMs === 0) await written;
  }
  const results = await Promise.all(pending);
  const wallMs = elapsedMs(start);
  const latencies = results.filter((r): r is number => r !== null);
  return { latencies, lost: results.length - latencies.length, wallMs };
}

/** The times at which the printer simulator cut each receipt: its receipts array's push, hooked. */
function hookReceipts(printer: PrinterSimulator): { cutAt: bigint[]; unhook: () => void } {
  const receipts = printer.receipts;
  const original = receipts.push;
  const cutAt: bigint[] = [];
  receipts.push = (...items: SimReceipt[]): number => {
    const at = process.hrtime.bigint();
    for (let i = 0; i < items.length; i++) cutAt.push(at);
    return original.apply(receipts, items);
  };
  return {
    cutAt,
    unhook: () => {
      receipts.push = original;
    },
  };
}

interface PrintTiming {
  /** Request sent to the 202 (or 200 for complete). */
  httpMs: number;
  /** Request sent to the receipt's cut at the simulator. */
  cutMs: number;
  /** Request sent to waitForReceipts() resolving (after the simulator wrote the .txt). */
  keptMs: number;
  /** Request sent to its .png written by the simulator's worker (only when asked for). */
  imageMs?: number;
  text: string;
  /** The receipt code in the answer to a completion; '' for a reprint. */
  code: string;
}

async function timePrint(
  printer: PrinterSimulator,
  cutAt: bigint[],
  request: () => Promise<unknown>,
  image = false,
): Promise<PrintTiming> {
  const before = printer.receipts.length;
  const start = process.hrtime.bigint();
  const kept = printer.waitForReceipts(before + 1, WAIT_MS);
  // If the request fails, kept still settles (by its timeout); it must not become an unhandled rejection.
  kept.catch(() => undefined);
  const answer = await request();
  const httpMs = elapsedMs(start);
  const receipts = await kept;
  const keptMs = elapsedMs(start);
  const imageMs = image ? (await printer.waitForImages(before + 1, WAIT_MS), elapsedMs(start)) : undefined;
  const cut = cutAt[before];
  if (cut === undefined) throw new Error('receipt arrived without passing the hook');
  const receipt = receipts[before];
  const text = receipt?.lines.map((l) => l.text).join('\n') ?? '';
  const code = (answer as SaleBody | undefined)?.receipt?.code ?? '';
  return {
    httpMs,
    cutMs: Number(cut - start) / 1e6,
    keptMs,
    text,
    code,
    ...(imageMs === undefined ? {} : { imageMs }),
  };
}

interface SaleBody {
  id: string;
  status: string;
  totals: { dueMinor: number };
  receipt?: { code: string };
}

async function cashSale(
  client: TillClient,
  productId: string,
  cashTenderId: string,
): Promise<{ id: string; complete: () => Promise<SaleBody> }> {
  const sale = await client.call<SaleBody>('POST', '/sales', {
    id: newId(),
    lines: [{ id: newId(), productId, quantity: 1 }],
  });
  await client.call('POST', `/sales/${sale.id}/payments`, {
    id: newId(),
    tenderId: cashTenderId,
    amountMinor: sale.totals.dueMinor,
  });
  return {
    id: sale.id,
    complete: async () => {
      const done = await client.call<SaleBody>('POST', `/sales/${sale.id}/complete`, {});
      if (done.status !== 'completed') throw new Error(`sale ${sale.id} is ${done.status} after complete`);
      return done;
    },
  };
}

function printTimings(label: string, timings: readonly PrintTiming[]): void {
  printSummary(`${label}: HTTP answer`, summarize(timings.map((t) => t.httpMs)));
  printSummary(`${label}: cut at simulator`, summarize(timings.map((t) => t.cutMs)));
  printSummary(`${label}: + files written`, summarize(timings.map((t) => t.keptMs)));
}

async function main(): Promise<void> {
  printHeader('device-bus latency (demo hub in process)', {
    scans: `${String(SCANS)} paced, one every ${String(SCAN_INTERVAL_MS)} ms; ${String(BURST_SCANS)} in a burst (each write awaited, no pause); ${String(WARMUP)} warm-up scans not recorded`,
    prints: `${String(PRINTS)} reprints (COPY) one at a time; ${String(SALE_PRINTS)} sale completions to the automatic receipt; ${String(Math.min(WARMUP, 3))} warm-up reprints`,
    wait: `${String(WAIT_MS)} ms per scan or receipt; whole run limited to ${String(RUN_LIMIT_S)} s`,
    setup: 'HUB_DEMO=1, free ports, hub + drivers + simulators + till client in this one process',
  });
  const { dir, cleanup } = makeBenchDir('devices');
  let hub: RunningHub | null = null;
  let till: MqttClient | null = null;
  let unhook: (() => void) | null = null;
  const limit = setTimeout(() => {
    process.stderr.write(`benchmark over its ${String(RUN_LIMIT_S)} s limit; cleaning up\n`);
    void Promise.resolve(till?.endAsync(true))
      .catch(() => undefined)
      .then(() => hub?.close())
      .finally(() => {
        cleanup();
        process.exit(1);
      });
  }, RUN_LIMIT_S * 1000);
  limit.unref();
  const hubErrors: string[] = [];
  try {
    const config = loadConfig({
      HUB_DATA_DIR: dir,
      HUB_HTTP_PORT: '0',
      HUB_MQTT_PORT: '0',
      HUB_HTTP_HOST: '127.0.0.1',
      HUB_DEMO: '1',
    });
    const startedAt = process.hrtime.bigint();
    hub = await startHub(config, (level, message, fields) => {
      if (level === 'error' || level === 'warn')
        hubErrors.push(`${level}: ${message} ${JSON.stringify(fields)}`);
    });
    printFigure('demo hub started in', formatMs(elapsedMs(startedAt)));
    const baseUrl = `http://127.0.0.1:${String(hub.httpPort)}`;
    const simulators = hub.simulators;
    if (!simulators) throw new Error('the hub started without its demo simulators');
    const { client, tillId, token } = await pairTill(hub, baseUrl);

    const inbox = new ScanInbox();
    till = await connectAsync(`ws://127.0.0.1:${String(hub.httpPort)}/mqtt`, {
      clientId: `till:${tillId}`,
      username: `till:${tillId}`,
      password: token,
      reconnectPeriod: 0,
    });
    till.on('message', (_topic, payload) => {
      const at = process.hrtime.bigint();
      const event = JSON.parse(payload.toString()) as TillEventPayload;
      if (event.type === 'scan') inbox.arrived(event.data, at);
    });
    await till.subscribeAsync(`pos/store/tills/${tillId}/events`);

    // The scanner's driver reaches the broker on its own schedule after start-up: wait for a first scan.
    let serial = 0;
    const ready = Date.now() + 15_000;
    for (;;) {
      const probe = await runScans(hub, inbox, serial++, 1, 0);
      if (probe.lost === 0) break;
      if (Date.now() > ready) throw new Error('no scan reached the till within 15 s of start-up');
    }
    await runScans(hub, inbox, serial, WARMUP, SCAN_INTERVAL_MS);
    serial += WARMUP;

    const paced = await runScans(hub, inbox, serial, SCANS, SCAN_INTERVAL_MS);
    serial += SCANS;
    printSummary(`scan -> till, paced ${String(SCAN_INTERVAL_MS)} ms`, summarize(paced.latencies));
    printFigure('  lost (no event within the wait)', String(paced.lost));
    await sleep(500);
    const burst = await runScans(hub, inbox, serial, BURST_SCANS, 0);
    serial += BURST_SCANS;
    printSummary(`scan -> till, burst of ${String(BURST_SCANS)}`, summarize(burst.latencies));
    printFigure(
      '  burst: first write to last arrival',
      `${formatMs(burst.wallMs)} (${(burst.latencies.length / (burst.wallMs / 1000)).toFixed(0)} scans/s delivered), lost ${String(burst.lost)}`,
    );
    printFigure('  scan events that matched no scan', String(inbox.stray));

    // Printing: one cash sale to reprint, the demo product at the price the catalog says.
    const lookup = await client.call<{ product: { id: string } }>(
      'GET',
      `/products/lookup?code=${DEMO_BARCODE}`,
    );
    const tenders = await client.call<{ items: { id: string; kind: string }[] }>('GET', '/tenders');
    const cash = tenders.items.find((t) => t.kind === 'cash');
    if (!cash) throw new Error('the demo has no cash tender');
    const printer = simulators.printer;
    const hook = hookReceipts(printer);
    unhook = hook.unhook;

    const first = await cashSale(client, lookup.product.id, cash.id);
    const firstReceipt = await timePrint(printer, hook.cutAt, first.complete);
    const saleId = first.id;
    const reprint = () => client.call('POST', `/sales/${saleId}/print`);
    for (let i = 0; i < Math.min(WARMUP, 3); i++) await timePrint(printer, hook.cutAt, reprint);

    const copies: PrintTiming[] = [];
    for (let i = 0; i < PRINTS; i++) copies.push(await timePrint(printer, hook.cutAt, reprint));
    const code = firstReceipt.code;
    const wrong = copies.filter((t) => code === '' || !t.text.includes(code)).length;
    printTimings('reprint', copies);
    if (wrong > 0) printFigure('  reprints without the receipt code', String(wrong));

    const sales: PrintTiming[] = [];
    for (let i = 0; i < SALE_PRINTS; i++) {
      const sale = await cashSale(client, lookup.product.id, cash.id);
      const timing = await timePrint(printer, hook.cutAt, sale.complete);
      if (timing.code === '' || !timing.text.includes(timing.code)) {
        throw new Error(`receipt of sale ${sale.id} not found at the printer`);
      }
      sales.push(timing);
    }
    printTimings('complete -> auto receipt', sales);
    printFigure(
      '  first sale of the run (not in the above)',
      `${formatMs(firstReceipt.cutMs)} to its cut, ${formatMs(firstReceipt.keptMs)} with the .txt`,
    );

    // Every receipt so far was drawn too; these wait for their image before the next request.
    await printer.waitForImages(undefined, WAIT_MS);
    const withPng: PrintTiming[] = [];
    for (let i = 0; i < PNG_PRINTS; i++) withPng.push(await timePrint(printer, hook.cutAt, reprint, true));
    printTimings('reprint, waiting for its PNG', withPng);
    printSummary(
      'reprint, waiting for its PNG: + .png written',
      summarize(withPng.map((t) => t.imageMs ?? 0)),
    );
    printFigure('hub warnings and errors logged', String(hubErrors.length));
    for (const line of hubErrors.slice(0, 5)) process.stdout.write(`  ${line.slice(0, 300)}\n`);
  } finally {
    clearTimeout(limit);
    unhook?.();
    await till?.endAsync(true).catch(() => undefined);
    await hub?.close();
    cleanup();
  }
}

runMain(main);
