import type { DeviceStatePayload } from '../../hub/contract/mqtt.js';
import type { DeviceConfig, DeviceConfigInput } from './config.js';
import { DeviceConfigSchema } from './config.js';
import { DeviceRunner } from './device-runner.js';
import { defaultFactories, type DriverFactories } from './factories.js';
import { silentLog, type HostLog } from './log.js';

export interface DriverHostOptions {
  /** mqtt://host:port of the hub's broker. */
  brokerUrl: string;
  store: string;
  devices: readonly DeviceConfigInput[];
  /** Drivers by kind; defaults build scale, scanner, display and printer drivers from firmware profiles. */
  factories?: DriverFactories;
  /** Where printers keep their printed-job ids (idempotent prints across restarts). */
  dataDir?: string | null;
  healthIntervalMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  log?: HostLog;
}

/**
 * Runs device drivers as MQTT participants, one connection per device. The same class runs inside the hub
 * (devices on the hub PC or the LAN) and in the lane agent (devices on a lane PC): start() begins, stop()
 * closes every driver, timer and connection it made. A device whose driver cannot be built (unknown
 * profile, wrong transport) fails start() with its id named, before anything connects.
 */
export class DriverHost {
  private runners: DeviceRunner[] = [];

  constructor(private readonly options: DriverHostOptions) {}

  start(): void {
    if (this.runners.length > 0) return;
    const o = this.options;
    const devices: DeviceConfig[] = o.devices.map((d) => DeviceConfigSchema.parse(d));
    const needsDefaults = devices.some((d) => !o.factories?.[d.kind]);
    const defaults = needsDefaults ? defaultFactories(undefined, o.dataDir ?? null) : null;
    const settings = {
      brokerUrl: o.brokerUrl,
      store: o.store,
      healthIntervalMs: o.healthIntervalMs ?? 5000,
      backoff: o.backoff ?? { initialMs: 500, maxMs: 30_000 },
      log: o.log ?? silentLog,
    };
    const runners = devices.map((device) => {
      const factory = o.factories?.[device.kind] ?? defaults?.[device.kind];
      if (!factory) throw new Error(`${device.id}: no driver for kind ${device.kind}`);
      return new DeviceRunner(device, factory(device), settings);
    });
    this.runners = runners;
    for (const runner of runners) runner.start();
  }

  async stop(): Promise<void> {
    const runners = this.runners;
    this.runners = [];
    await Promise.all(runners.map((r) => r.stop()));
  }

  /** What each device would publish as its state now (for the agent's console and for tests). */
  states(): Record<string, DeviceStatePayload> {
    return Object.fromEntries(this.runners.map((r) => [r.device.id, r.currentState]));
  }
}
