// What the broker benchmark's processes share: the benchmark devices and till, the scan payload that
// carries its send time, and the messages between the orchestrator (broker.ts), the load process
// (broker-load.ts) and our broker's host process (broker-host.ts).
import { DeviceEventSchema, topics } from '../../hub/contract/mqtt.js';

export const BENCH_STORE = 'bench-store';
export const BENCH_TILL = 'bench-till';
export const BENCH_TILL_TOKEN = 'bench-till-token';

export interface BenchDevice {
  id: string;
  secret: string;
}

export function benchDevices(count: number): BenchDevice[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `bench-scanner-${String(i).padStart(3, '0')}`;
    return { id, secret: `secret-${id}` };
  });
}

export const eventTopic = (device: string) => topics.deviceEvent(BENCH_STORE, device);

/**
 * A valid DeviceEventSchema scan. The scanned data carries the run, the sequence number and the send
 * time (process.hrtime, CLOCK_MONOTONIC on Linux, so comparable across processes on one machine); a
 * real scan is the same size give or take a few bytes.
 */
export function scanPayload(run: number, seq: number, sentNs: bigint, at: string): string {
  return JSON.stringify({
    type: 'scan',
    data: `${String(run)}:${String(seq)}:${String(sentNs)}`,
    symbology: ']C0',
    at,
  });
}

/** Run and send time from a payload made by scanPayload, or null for anything else. */
export function readScan(payload: Buffer): { run: number; sentNs: bigint } | null {
  const match = /"data":"(\d+):\d+:(\d+)"/.exec(payload.toString('latin1'));
  if (!match?.[1] || !match[2]) return null;
  return { run: Number(match[1]), sentNs: BigInt(match[2]) };
}

/** Fails fast if the payload ever stops being one the hub's broker accepts. */
export function assertValidScan(): void {
  const sample = JSON.parse(scanPayload(1, 1, process.hrtime.bigint(), new Date().toISOString())) as unknown;
  DeviceEventSchema.parse(sample);
}

export type Qos = 0 | 1;
export type LoadMode = 'rate' | 'flat';

// ---- orchestrator <-> load process ----
export type ToLoad =
  | { type: 'connect'; broker: string; url: string; devices: BenchDevice[] }
  | {
      type: 'run';
      broker: string;
      run: number;
      qos: Qos;
      mode: LoadMode;
      /** Messages per second across all devices (mode 'rate'). */
      rate: number;
      seconds: number;
      maxMessages: number;
      /** Publishes per client not yet completed (written at QoS 0, PUBACKed at QoS 1) in mode 'flat'. */
      window: number;
    }
  | { type: 'close' };

export type FromLoad =
  | { type: 'connected'; broker: string; ms: number }
  | {
      type: 'ran';
      run: number;
      sent: number;
      completed: number;
      errors: number;
      seconds: number;
      firstError: string;
    }
  | { type: 'failed'; error: string };

// ---- orchestrator <-> our broker's host ----
export type FromHost =
  | { type: 'ready'; port: number }
  | { type: 'stats'; stats: unknown; logs: string[] }
  | { type: 'failed'; error: string };
export type ToHost = { type: 'stats' } | { type: 'close' };
